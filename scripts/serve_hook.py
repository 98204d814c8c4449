"""MkDocs hook for `make serve` only: regenerate docs/texts/ before each rebuild.

The generator leaves its output untouched when nothing changed, so this does not
trigger rebuild loops; on bad input it reports the error and keeps the last good
pages.
"""
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def on_pre_build(config, **kwargs):
    for name in [m for m in sys.modules if m == "edition" or m.startswith("edition.")]:
        del sys.modules[name]  # pick up edits to the generator itself
    build = importlib.import_module("edition.build")
    errors = importlib.import_module("edition.errors")
    try:
        build.build(ROOT)
    except errors.EditionError as err:
        print(f"edition: {err}", file=sys.stderr)
