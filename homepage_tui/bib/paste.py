"""The whole job of "add a paper by paste": sources in, publication entries and duplicates out.

A source is BibTeX text (one or many entries), or DOIs and arXiv ids (one or several, separated
by spaces, commas or lines). Everything is read and resolved before anything is added: one bad
entry or one failed lookup is an error and nothing of the paste is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from ..errors import HomepageError, ValidationError
from . import bibtex, identifiers
from .convert import SiteConventions, to_publication
from .duplicates import Duplicate, find_duplicates
from .reference import Reference

Progress = Callable[[int, int], None]  # (done, total)


class PasteError(HomepageError):
    """The paste is neither BibTeX nor DOIs/arXiv ids."""


def references_from_text(text: str, resolver=None, progress: Progress | None = None,
                         first_line: int = 1) -> list[Reference]:
    """The references a pasted text describes; raises a one-line HomepageError."""
    if not text.strip():
        raise PasteError("nothing pasted: paste BibTeX, a DOI or an arXiv id")
    kind = identifiers.classify(text)
    if kind is not None and kind[0] == identifiers.BIBTEX:
        refs = bibtex.parse(text, first_line=first_line)
        if progress:
            progress(len(refs), len(refs))
        return refs
    ids = []
    for token in (t for t in re.split(r"[\s,;]+", text.strip()) if t):
        found = identifiers.classify(token)
        if found is None:
            raise PasteError(f"{token[:60]!r} is not BibTeX, a DOI (10.xxxx/...) or an arXiv id (2401.01234)")
        ids.append(found)
    return resolve_ids(ids, resolver, progress)


def resolve_ids(ids: Sequence[tuple[str, str]], resolver=None, progress: Progress | None = None) -> list[Reference]:
    if resolver is None:
        from .resolve import IdResolver
        resolver = IdResolver()
    refs = []
    for n, (kind, identifier) in enumerate(ids):
        refs.append(resolver.resolve(kind, identifier))
        if progress:
            progress(n + 1, len(ids))
    return refs


@dataclass
class Additions:
    """New publication entries, and which of them the section already has."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def duplicate_indexes(self) -> set[int]:
        return {d.new_index for d in self.duplicates}

    def fresh(self) -> list[dict[str, Any]]:
        """The entries that are not duplicates."""
        skip = self.duplicate_indexes
        return [e for i, e in enumerate(self.entries) if i not in skip]


def plan(refs: Sequence[Reference], existing: Sequence[Mapping[str, Any]], own_names: Sequence[str],
         progress: Progress | None = None) -> Additions:
    """Entries in the site's style for `refs`, checked against the section's `existing` entries."""
    conventions = SiteConventions.of(existing, own_names)
    entries = []
    for n, ref in enumerate(refs, start=1):
        entries.append(to_publication(ref, conventions))
        if progress and (n % 20 == 0 or n == len(refs)):
            progress(n, len(refs))
    return Additions(entries=entries, duplicates=find_duplicates(entries, existing))


def check_all(section, entries: Sequence[Mapping[str, Any]]) -> None:
    """Raise a ValidationError naming the entry and field for the first entry that is not valid."""
    for n, entry in enumerate(entries, start=1):
        problems = section.validate(entry)
        if problems:
            title = str(entry.get("title") or "")[:50]
            raise ValidationError({k: f"entry {n} ({title!r}): {v}" for k, v in problems.items()})


def insert_all(section, entries: Sequence[Mapping[str, Any]], at: int = 0) -> None:
    """Put `entries` into the section at `at`, in their order (the caller saves once); every
    entry is checked before the first goes in."""
    check_all(section, entries)
    for offset, entry in enumerate(entries):
        section.insert(at + offset, dict(entry))
