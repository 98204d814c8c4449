"""What the edition itself is called, who edits it, which version this is and where it
lives, so that a reader can cite the edition (not only the texts it presents).

Title, editors and address come from the site's configuration (`site_name`,
`site_author`, `site_url` in mkdocs.yml), which a successor of MkDocs reads too; the
version is the git tag of the commit being built, or else the build date (UTC, or
SOURCE_DATE_EPOCH for a reproducible build), read once per build.
"""
from __future__ import annotations

import datetime
import functools
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml


@dataclass(frozen=True)
class EditionInfo:
    title: str = ""
    editors: tuple[str, ...] = ()
    version: str = ""
    url: str = ""          # the site's address, ending in "/"

    @property
    def year(self) -> str:
        match = re.search(r"\b(\d{4})\b", self.version)
        return match[1] if match else ""


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's, when built with it: 9x faster
    """Reads mkdocs.yml without running anything: unknown tags (!!python/name, !ENV) are None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_edition_info(root: Path) -> EditionInfo:
    """Title, editors and address. The version is not read here: the build asks git for
    it as it starts (start_version) and sets it when the answer is needed."""
    config_path = root / "mkdocs.yml"
    config = {}
    if config_path.is_file():
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    author = str(config.get("site_author") or "")
    editors = tuple(name.strip() for name in re.split(r"\s*(?:;|\band\b)\s*", author) if name.strip())
    url = str(config.get("site_url") or "")
    if url and not url.endswith("/"):
        url += "/"
    return EditionInfo(title=str(config.get("site_name") or ""), editors=editors, url=url)


def start_version(root: Path) -> Callable[[], str]:
    """Ask git for the tag of the commit being built, without waiting for the answer: the
    build reads its sources meanwhile (git takes a few milliseconds to start). Calling the
    result waits for it (once): the tag, or else the build date."""
    try:
        git = subprocess.Popen(["git", "describe", "--tags", "--exact-match", "HEAD"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        git = None

    @functools.cache
    def version() -> str:
        if git is not None:
            try:
                tag, _ = git.communicate(timeout=10)
                if git.returncode == 0 and tag.strip():
                    return tag.strip()
            except subprocess.SubprocessError:
                git.kill()
                git.communicate()
        return _build_date()
    return version


def _build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()
