"""The edition build: sources -> parsed model -> generated Markdown -> MkDocs site.

Stages, each a module with one job:

    manifest      sources/texts.toml            -> [TextMeta]
    sourcefile    a file on disk                -> SourceFile (checked UTF-8 lines)
    readers/*     SourceFile + TextMeta         -> Text (sections, paragraphs, notes)
    corrections   sources/corrections.toml      -> reviewed editorial decisions
    notes         Text                          -> checked note markers/definitions
    render/*      Text                          -> {relative path: Markdown}
    build         all of the above, written atomically into docs/texts/
"""
