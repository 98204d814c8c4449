"""The build's work kept on disk between builds (each text's, and the shared steps' under
the digests of the parts of the texts they read): each result is stored under the SHA-256
of everything it reads, so a build finds again what no edit touched and does only the
rest. A key names the bytes of the files read and the generator's own source, never a
time: a stale result cannot be found. A cold build (no cache, or an empty one)
and a warm one write the same bytes.

Results are pickles in one folder (.cache/edition/ in the project; `make clean` removes it,
and removing it is always safe). A file that cannot be read back is made again. A build
that succeeded removes the results it did not use (prune)."""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .publish.atomic import write_file

GENERATOR = Path(__file__).resolve().parent  # scripts/edition: its code is part of every key


class Cache:
    def __init__(self, folder: Path | None, sources: Path | None = None):
        """folder None: a cache that keeps nothing (every result made). `sources`: the
        sources' folder, whose shared files (every file beside texts.toml) are part of the
        keys of the results that read them (`shared`)."""
        self.folder = folder
        self.sources = sources
        self._digests: dict = {}
        self.text_keys: dict = {}   # text id -> what reading it reads (build.text_key), made once a build
        self.used: set[str] = set()  # the results this build read or made (prune)
        self.salt = _generator_digest() if folder else b""
        self.shared = hashlib.sha256(file_bytes(*(
            path for path in sorted(sources.iterdir()) if path.name != "texts.toml"))).hexdigest() \
            if folder and sources else ""

    def digest(self, path: Path | None) -> str:
        """The SHA-256 of a file's bytes (empty when there is no such file), read once for
        the cache's life: a Cache is made for one build. Without a cache: nothing read."""
        if self.folder is None:
            return ""
        if path not in self._digests:
            self._digests[path] = hashlib.sha256(file_bytes(path)).hexdigest()
        return self._digests[path]

    def key(self, parts) -> str:
        """The SHA-256 of the parts (bytes or str, each length-prefixed, so that parts
        cannot run together) and of the generator's source."""
        digest = hashlib.sha256(self.salt)
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def memo(self, key: tuple, make, counts: dict | None = None):
        """make()'s result, read back if it was made before under the same key: `key` holds
        the parts of what make() reads.
        `counts`: counters that make() increments (the uses of corrections, of mappings,
        checked when every text is read); their increments are stored with the result and
        made again when it is read back. A failed make() stores nothing."""
        if self.folder is None:
            return make()
        path = self.folder / f"{self.key(key)}.pickle"
        self.used.add(path.name)
        stored = _load(path)
        if stored is None:
            before = dict(counts or {})
            result = make()
            increments = [(i, counts[k] - before[k]) for i, k in enumerate(counts or ()) if counts[k] != before[k]]
            write_file(path, pickle.dumps((result, increments), protocol=pickle.HIGHEST_PROTOCOL))
            return result
        result, increments = stored
        names = list(counts or ())
        for index, increment in increments:
            counts[names[index]] += increment
        return result

    def prune(self) -> None:
        """Remove the results this build did not use, once it has succeeded: the folder
        holds the last build's results, not every build's (an edit undone is made again)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pickle"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)


NO_CACHE = Cache(None)


def file_bytes(*paths: Path | None) -> bytes:
    """The files' contents one after the other (a missing file or None counts as empty),
    for a key."""
    return b"\0".join(path.read_bytes() if path and path.is_file() else b"" for path in paths)


def _generator_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(GENERATOR.rglob("*.py")):
        digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _load(path: Path):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None  # not made yet, or not readable: made again
