"""Command line: ``python -m edition build`` (or ``check``).

Bad input ends the run with ``path:line: message`` on stderr and exit status 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build, read_edition
from .errors import EditionError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description="Build the edition's Markdown pages.")
    parser.add_argument("command", choices=("build", "check"),
                        help="build: write docs/texts/; check: read and validate only")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            edition = build(args.root)
            print(f"edition: built {len(edition.texts)} texts into {args.root / 'docs' / 'texts'}")
        else:
            edition = read_edition(args.root / "sources")
            print(f"edition: {len(edition.texts)} texts read, no problems found")
    except EditionError as err:
        print(f"{_relative(err.where)}: {err.message}", file=sys.stderr)
        return 1
    return 0


def _relative(where) -> str:
    try:
        path = where.path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        path = where.path
    return f"{path}:{where.line}" if where.line else str(path)


if __name__ == "__main__":
    sys.exit(main())
