"""Putting the output in place: the staging folder and its swap into docs/; the search index."""
