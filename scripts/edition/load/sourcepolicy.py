"""The host policy for the editors' sources (sources/source-policy.toml), enforced.

Every web address an editor writes into the sources (the registers, the bibliography,
the notes files; not sources/readings.toml, which has a policy of its own) must be
https and lie on a host the policy allows, each allowed host with the kind of source
it is (one of KINDS); a host on the deny-list stops the build with the reason. An
allowed host that no address uses (the readings' included) stops it too: the allow-list
says exactly where the sources lead. The registers and archives.toml must not carry an
editor's to-do, nor the editors' own words in readings.toml: all are shown to the public.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import EditionError, SourcePosition
from ..model.entry import Entry
from .bibliography.parse import parse_bibliography
from .fields import Field, Shape, check_table, filled, matching, one_of, tables
from .sourcefile import read_toml

POLICY = "source-policy.toml"
KINDS = ("scholarly reference work", "library catalogue record", "publisher's page",
         "archive or government page", "university page", "newspaper of record")
# The registers and the titles of the pages they cite: all shown to the public.
REGISTERS = ("persons.toml", "terms.toml", "places.toml", "web-pages.toml")
# The files whose every field is shown to the public, so none may hold a to-do: the registers
# and the archives' pages. (readings.toml mixes the editors' words with the publishers' as
# printed: its loader checks the editors' fields, with `no_to_do`.)
PUBLIC = REGISTERS + ("archives.toml",)
# Editor-written files whose addresses the policy covers (readings.toml has its own policy).
COVERED = REGISTERS + ("bibliography.bib", "archives.toml", "apparatus.toml", "citation-map.toml",
                       "corrections.toml", "texts.toml", "notes/*.toml")
ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>\[\]{},;]+", re.I)
# What an editor writes to remind themselves; never shown to readers.
# (The lookahead for the letters a to-do can begin with spares the scan most positions.)
# A bracketed note to oneself ("[check]", "[verify: the date]") and "verify this" as well; a
# word such as "verified" or "verifying" in prose is not one.
TODO = re.compile(r"(?=[TtFfXxCcNnWwRrVv\[])(?:\b(?:TODO|FIXME|XXX|TBD)\b|(?i:\bto[- ]do\b\s*:|\bto-do\b"
                  r"|\bcheck this\b|\bverify this\b|\[(?:check|verify)\b[^\]]{0,80}\]"
                  r"|\bto be (?:checked|confirmed|verified|replaced|added)\b|\bneeds? (?:checking|a source)\b"
                  r"|\bwhen one is to hand\b|\breplace (?:this|it|with)\b[^.]{0,80}\bwhen\b))")


def no_to_do(shape: Shape) -> Shape:
    """A field the public reads, in the editors' words (a string or a list of strings): the
    shape, and no editor's to-do."""
    def check(value) -> str:
        problem = shape(value)
        if problem:
            return problem
        for one in value if isinstance(value, list) else [value]:
            found = TODO.search(one)
            if found:
                return f"holds “{found[0]}”, an editor's to-do, and it is shown to the public; settle it or remove it"
        return ""
    return check


@dataclass(frozen=True)
class HostRule:
    host: str
    reason: str                 # the kind of source (allow) or why not (deny)
    position: SourcePosition


@dataclass(frozen=True)
class SourcePolicy:
    allow: dict[str, HostRule]
    deny: dict[str, HostRule]
    path: Path


@dataclass(frozen=True)
class Violation:
    position: SourcePosition
    message: str


def load_policy(sources: Path) -> SourcePolicy:
    path = sources / POLICY
    if not path.exists():
        raise EditionError(path, "the host policy is missing: list the allowed hosts as [[allow]] tables "
                                 "(host, kind) and the refused ones as [[deny]] (host, why)")
    toml = read_toml(path)
    check_table(toml, (), {"allow": Field(tables), "deny": Field(tables)}, POLICY,
                "the policy has only [[allow]] and [[deny]] tables")
    lists = {name: _rules(toml, name, field, shape)
             for name, field, shape in (("allow", "kind", one_of(*KINDS)), ("deny", "why", filled))}
    for host, rule in lists["deny"].items():
        if host in lists["allow"]:
            raise EditionError(rule.position, f"host '{host}' is both allowed (line "
                                              f"{lists['allow'][host].position.line}) and denied; keep one")
    return SourcePolicy(lists["allow"], lists["deny"], path)


HOST_NAME = matching(re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"),
                     "must be a bare lowercase host name such as www.britannica.com (no scheme, no path)")


def _rules(toml, name: str, field: str, shape) -> dict[str, HostRule]:
    fields = {"host": Field(HOST_NAME, True), field: Field(shape, True)}
    rules: dict[str, HostRule] = {}
    for index, (table, at) in enumerate(toml.array_table(name)):
        check_table(toml, (name, index), fields, f"[[{name}]]", f'it holds exactly host = "..." and {field} = "..."')
        host = table["host"]
        if host in rules:
            raise EditionError(at, f"host '{host}' is listed twice in [[{name}]] (first at line "
                                   f"{rules[host].position.line}); keep one")
        rules[host] = HostRule(host, table[field].strip(), at)
    return rules


def covered_files(sources: Path) -> list[Path]:
    files: list[Path] = []
    for pattern in COVERED:
        files += sorted(sources.glob(pattern))
    return [f for f in files if f.is_file()]


def violations(sources: Path, policy: SourcePolicy, entries: list[Entry] | None = None,
               hosts: set | None = None, values_of=None) -> list[Violation]:
    """Every address against the policy, and every to-do in the registers, in file order;
    `hosts`, if given, gets the host of every address. `values_of`: what reads a TOML file's
    values (toml_values, or the build's cached copy of it).

    Values are read as parsed, never line by line: a comment cites nothing, but a TOML
    string or a BibTeX field continued on a line that starts with "#" or "%" is a value."""
    found = []
    for path in covered_files(sources):
        if path.suffix == ".bib":
            entries = parse_bibliography(path) if entries is None else entries
            values = [(SourcePosition(path, e.field_lines.get(name, e.line)), value)
                      for e in entries for name, value in e.fields.items()]
        else:
            values = (values_of or toml_values)(path)
        to_do = is_public(path, sources)
        shown = "register fields are" if path.name in REGISTERS else f"the fields of {path.name} are"
        for at, value in values:
            addresses = [m[0] for m in ADDRESS.finditer(value)] if "://" in value else []
            if hosts is not None:
                hosts.update(_host(a) for a in addresses)
            messages = [_address_problem(a, policy) for a in addresses]
            if to_do:
                messages += [f"“{m[0]}” is an editor's to-do, and {shown} shown to the public; "
                             "settle it or remove it" for m in TODO.finditer(value)]
            found += [Violation(at, message) for message in messages if message]
    return sorted(found, key=lambda v: (str(v.position.path), v.position.line))


def is_public(path: Path, sources: Path) -> bool:
    return path.name in PUBLIC and path.parent == sources


def toml_values(path: Path) -> list[tuple[SourcePosition, str]]:
    """The string values of a TOML file that the policy reads, with their lines: those that
    hold an address, and in a public file those that hold a to-do."""
    toml = read_toml(path)
    public = path.name in PUBLIC   # a to-do is only looked for where is_public says
    return [(toml.at(*keys), value) for keys, value in _values(toml.data, ())
            if "://" in value or (public and TODO.search(value))]


def _values(data, keys: tuple):
    """(path, string) for every string value of parsed TOML, in the order written."""
    if isinstance(data, str):
        yield keys, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _values(value, keys + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, keys + (index,) if isinstance(value, dict) else keys)


def _address(address: str) -> str:
    address = address.rstrip(".")
    if address.endswith(")") and address.count("(") < address.count(")"):
        address = address[:-1]  # "(see https://...)": the parenthesis is not the address's
    return address


def _host(address: str) -> str:
    return (urlsplit(_address(address)).hostname or "").lower()


def _address_problem(address: str, policy: SourcePolicy) -> str:
    address = _address(address)
    parts = urlsplit(address)
    host = (parts.hostname or "").lower()
    if host in policy.deny:
        return (f"{address} is on a denied host ({policy.deny[host].reason}; {policy.path.name} line "
                f"{policy.deny[host].position.line}); cite a reputable source instead, or drop the fact")
    if host not in policy.allow:
        return (f"host '{host}' of {address} is on neither list of {policy.path.name}; if it is a reputable "
                f"source, add it to the allow-list as [[allow]] host = \"{host}\" with its kind, or cite "
                "another source")
    if parts.scheme.lower() != "https":
        return f"{address} is not an https address; write the page's https:// address"
    if ":" in parts.netloc or "@" in parts.netloc:
        return f"{address} names a port or a user; write the page's plain address, as the browser shows it"
    return ""


def check_sources(sources: Path, policy: SourcePolicy | None = None, entries: list[Entry] | None = None,
                  urls: tuple[str, ...] = (), values_of=None) -> None:
    """The build's check: the first violation stops it with path:line. Then every allowed
    host must be one that some address uses (`urls`: the readings', which have their own
    check), so that the allow-list says exactly where the sources lead."""
    policy = policy or load_policy(sources)
    used = {_host(url) for url in urls}
    found = violations(sources, policy, entries, used, values_of)
    if found:
        raise EditionError(found[0].position, found[0].message)
    unused = [rule for host, rule in policy.allow.items() if host not in used]
    if unused:
        raise EditionError(unused[0].position, f"host '{unused[0].host}' is allowed, but no address in the "
                                               "sources lies on it; remove its [[allow]] table")
