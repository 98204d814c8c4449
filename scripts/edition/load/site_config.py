"""What the edition itself is called, who edits it, which version this is and where it
lives, so that a reader can cite the edition (not only the texts it presents).

Title, editors and address come from the site's configuration (`site_name`,
`site_author`, `site_url` in mkdocs.yml), which a successor of MkDocs reads too; the
version is the git tag of the commit being built, or else the build date (UTC, or
SOURCE_DATE_EPOCH for a reproducible build), read once per build.
"""
from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import yaml

from ..model.edition import EditionInfo




class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's, when built with it: 9x faster
    """Reads mkdocs.yml without running anything: unknown tags (!!python/name, !ENV) are None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_edition_info(root: Path, version: str = "") -> EditionInfo:
    """Title, editors and address from mkdocs.yml, with the version the build found."""
    config_path = root / "mkdocs.yml"
    config = {}
    if config_path.is_file():
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    author = str(config.get("site_author") or "")
    editors = tuple(name.strip() for name in re.split(r"\s*(?:;|\band\b)\s*", author) if name.strip())
    url = str(config.get("site_url") or "")
    if url and not url.endswith("/"):
        url += "/"
    return EditionInfo(title=str(config.get("site_name") or ""), editors=editors, version=version, url=url)


def read_version(root: Path) -> str:
    """The git tag of the commit being built, or else the build date."""
    try:
        git = subprocess.run(["git", "describe", "--tags", "--exact-match", "HEAD"], cwd=root,
                             capture_output=True, text=True, timeout=10)
        if git.returncode == 0 and git.stdout.strip():
            return git.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return _build_date()


def _build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()
