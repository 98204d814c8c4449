"""Command line: ``python -m edition build`` (or ``check``, or ``site``).

Bad input ends the run with ``path:line: message`` on stderr (one line a problem) and
exit status 1; never a traceback (set EDITION_DEBUG=1 to see one for an internal error).
Ctrl-C ends it with one line and exit status 130; what was built before stays as it was.
A path is printed with its control characters escaped (quoted()), so that no file name
can start a second line or drive the terminal.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import build, check_edition
from .publish.lock import build_lock, clear_leftovers
from .errors import EditionError, one_line, quoted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description="Build the edition's Markdown pages and site.")
    parser.add_argument("command", choices=("build", "check", "site"),
                        help="build: write the generated pages under docs/; check: read and validate only; "
                             "site: build, then a strict MkDocs build into site/ (replaced only on success)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--site-dir", type=Path, help="site: where to build (default: ROOT/site)")
    parser.add_argument("--site-url", help="site: the address the site is published at (default: mkdocs.yml's)")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("edition: interrupted; docs/ and site/ are left as the last finished build made them", file=sys.stderr)
        return 130
    except EditionError as err:
        print(f"{_relative(err.where)}: {one_line(err.message)}", file=sys.stderr)
        return 1
    except RecursionError:
        if os.environ.get("EDITION_DEBUG"):
            raise
        print(f"{quoted(str(args.root / 'sources'))}: the input nests too deeply to be read (markup nested thousands "
              "of levels?); simplify it", file=sys.stderr)
        return 1
    except Exception as err:  # a bug: still one line, never a traceback for an editor
        if os.environ.get("EDITION_DEBUG"):
            raise
        print(f"{quoted(str(args.root / 'sources'))}: internal error ({type(err).__name__}: {one_line(str(err))}); "
              "please report it with the input that caused it (EDITION_DEBUG=1 shows where)", file=sys.stderr)
        return 1


def _run(args) -> int:
    if args.command == "build":
        with build_lock(args.root.resolve()):
            clear_leftovers(args.root.resolve())
            edition = build(args.root)
        print(f"edition: built {len(edition.texts)} texts into {args.root / 'docs'}")
    elif args.command == "check":
        edition = check_edition(args.root / "sources")
        print(f"edition: {len(edition.texts)} texts read, no problems found")
    else:
        from .site import SiteFailed, build_site
        try:
            pages = build_site(args.root, args.site_dir, args.site_url)
        except SiteFailed as failed:
            for problem in failed.problems:
                print(one_line(str(problem)), file=sys.stderr)
            return 1
        print(f"site: {pages} pages built into {args.site_dir or args.root / 'site'}")
    return 0


def _relative(where) -> str:
    """The path as the project names it. Not resolved: a message about a symbolic link
    names the link, not where it leads."""
    try:
        path = Path(os.path.abspath(where.path)).relative_to(Path.cwd())
    except ValueError:
        try:
            path = where.path.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            path = where.path
    return f"{quoted(str(path))}:{where.line}" if where.line else quoted(str(path))


if __name__ == "__main__":
    sys.exit(main())
