"""Replacing a folder or a file all at once, so that a failed build leaves the last good
output and nothing ever sees a half-written one: site/ (swap), each changed page of docs/
and each result of the cache (write_file)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def swap(new: Path, target: Path, old: Path) -> None:
    """Put `new` in place of `target` with renames only; `old` holds the previous folder
    for the moment between the two renames and is removed after."""
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    if new.exists():
        os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def write_file(path: Path, data: bytes) -> None:
    """The file replaced by one with these bytes, by a rename: a reader (MkDocs, another
    build reading the cache) sees the old file or the new one, never half of one."""
    os.replace(write_beside(path, data), path)


def write_beside(path: Path, data: bytes) -> str:
    """The bytes written to a temporary file beside `path`, whose name it returns; a failed
    write leaves none. The temporary file is a dot file, which MkDocs does not build.
    Straight to the system: Python's layers of file objects and buffers take as long as
    the writing itself."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
        os.chmod(temporary, 0o644)
    except BaseException:
        os.remove(temporary)
        raise
    finally:
        os.close(handle)
    return temporary
