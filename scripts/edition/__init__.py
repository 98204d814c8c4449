"""The edition build: sources/ -> model -> generated Markdown under docs/ -> MkDocs site.

The folders are the stages, in the order data flows through them (build.py runs them):

    load/      each source file read and checked        -> the model
    model/     what the edition is made of (no I/O): texts, notes, citations, entries,
               readings, registers, the Edition
    analyse/   the sources checked against each other, and what is derived from them:
               notes resolved to entries, readings compared, the apparatus, the chronology
    write/     the Edition -> files: Markdown pages, TEI, downloads, search fields
    publish/   the files staged and swapped into docs/; the site command (MkDocs, Pagefind)

Imports only go down that list's dependencies: publish -> write -> analyse -> load -> model
-> errors; cli.py and build.py sit on top.
"""
