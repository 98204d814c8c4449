"""MkDocs hook for `make serve` only (mkdocs.serve.yml), which runs `mkdocs serve --dirty`
beside scripts/serve.py. With --dirty, MkDocs reads only the pages whose files changed,
and a page it did not read has no title: the navigation of a page it rebuilds would show
those pages untitled. Reading their source (no rendering) gives them their titles."""


def on_env(env, config, files, **kwargs):
    for file in files.documentation_pages():
        if file.page is not None and file.page.markdown is None:
            file.page.read_source(config)
    return env
