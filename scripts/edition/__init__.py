"""The edition build: sources/ -> model -> generated Markdown under docs/ -> MkDocs site.

The folders are the stages, in the order data flows through them (build.py runs them):

    load/      each source file read and checked        -> the model
    model/     what the edition is made of (no I/O): texts, notes, citations, entries,
               readings, registers, the Edition
    analyse/   the sources checked against each other, and what is derived from them:
               notes resolved to entries, readings compared, the apparatus, the chronology
    write/     the Edition -> files: Markdown pages, TEI, downloads, search fields
    publish/   the files staged and swapped into docs/; the search index of a built site

On top: cli.py (the command line), site.py (`edition site`: the build, then a strict MkDocs
build and the search index) and build.py (the pipeline). Imports only go down:
cli -> site -> build -> publish, write -> analyse -> load -> model -> errors.
"""
