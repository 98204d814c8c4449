"""MkDocs hook for `make serve` only (mkdocs.serve.yml), which runs `mkdocs serve --dirty`
beside scripts/serve.py.

With --dirty, MkDocs reads only the pages whose files changed, and a page it did not read
has no title: the navigation of a page it rebuilds would show those pages untitled.
Reading their source (no rendering) gives them their titles.

MkDocs makes a new Jinja environment for every rebuild and compiles the theme's templates
again, which was most of a rebuild of one page; Jinja's bytecode cache (keyed on each
template's source) keeps them compiled between rebuilds, in .cache/jinja/.

MkDocs looks for changed files every half second, so an edit waited up to that long
before MkDocs saw the generator's files: it looks every 0.05 s here (a look is a stat of
each file under docs/, about a millisecond). That is half of MkDocs' wait for changes to
stop (`build_delay`, 0.1 s): a generator's writes that one look catches half done, the next
finishes within the wait, and they make one rebuild. Not the system's notifications:
they report every file read too, MkDocs' own reads among them, and MkDocs would rebuild
again after each rebuild. MkDocs 1.6.1 (pinned exactly) keeps its watches in
`_watched_paths`: they move to the new observer before it starts."""
from pathlib import Path

import jinja2
from watchdog.observers.polling import PollingObserver

POLL_S = 0.05   # below MkDocs' build_delay (0.1 s): one rebuild per run of the generator


def on_env(env, config, files, **kwargs):
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    for file in files.documentation_pages():
        if file.page is not None and file.page.markdown is None:
            file.page.read_source(config)
    return env


def on_serve(server, config, builder, **kwargs):
    paths = list(server._watched_paths)
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = PollingObserver(timeout=POLL_S)
    for path in paths:
        server.watch(path)
    return server
