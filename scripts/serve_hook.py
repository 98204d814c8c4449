"""MkDocs hook for `make serve` only (mkdocs.serve.yml), which runs `mkdocs serve --dirty`
beside scripts/serve.py.

With --dirty, MkDocs reads only the pages whose files changed, and a page it did not read
has no title: the navigation of a page it rebuilds would show those pages untitled.
Reading their source (no rendering) gives them their titles.

MkDocs makes a new Jinja environment for every rebuild and compiles the theme's templates
again, which was most of a rebuild of one page; Jinja's bytecode cache (keyed on each
template's source) keeps them compiled between rebuilds, in .cache/jinja/."""
from pathlib import Path

import jinja2


def on_env(env, config, files, **kwargs):
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    for file in files.documentation_pages():
        if file.page is not None and file.page.markdown is None:
            file.page.read_source(config)
    return env
