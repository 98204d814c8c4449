"""Reading the sources: each file read and checked on its own, with `path:line` for every problem."""
