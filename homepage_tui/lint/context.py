"""What the rules read: the site's sections (loaded once), its page files, today's date."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from homepage_tui import kinds
from homepage_tui.errors import HomepageError
from homepage_tui.regions import find_regions
from homepage_tui.record import Record
from homepage_tui.store import read_text

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from datetime import date
    from typing import Any, Iterator


def entry_lines(doc) -> list[int]:
    """The 1-based first line of every entry, in one pass over the document's pieces (the
    store's entry_line walks from the top for each entry: quadratic over a large file)."""
    n = len(doc.header)
    lines = []
    for sep, piece in zip(doc.seps, doc.pieces):
        n += len(sep) + len(piece.lead)
        lines.append(n + 1)
        n += len(piece.body)
    return lines


class EntryRef(Record):
    """One entry of a section, with what a rule needs to name its line."""

    FIELDS = ("section", "index", "fields", "starts")
    HIDDEN = ("starts",)

    def __init__(self, section: Any, index: int, fields: dict[str, Any], starts: list[int] | None = None):
        self.section = section  # homepage_tui.section.Section
        self.index = index
        self.fields = fields
        self.starts = [] if starts is None else starts  # entry_lines() of its document

    @property
    def path(self) -> Path:
        return self.section.path

    def line(self, key: str | None = None) -> int:
        """The entry's line, or its field `key`'s (as the store's field_line counts it)."""
        doc = self.section.file.doc
        base = self.starts[self.index] if self.starts else doc.entry_line(self.index)
        if key is None:
            return base
        # Read from the entry's own lines: asking ruamel for positions would parse the entry
        # again (milliseconds each, seconds over hundreds of problems).
        key_re = re.compile(rf"^[ -]*(['\"]?){re.escape(key)}\1\s*:")
        for offset, text in enumerate(doc.pieces[self.index].body):
            if key_re.match(text):
                return base + offset
        return base


class LintContext(Record):
    FIELDS = ("site", "today", "load_errors", "cache")

    def __init__(self, site: Any, today: date, load_errors: dict[str, str] | None = None,
                 cache: dict[Any, Any] | None = None):
        self.site = site  # homepage_tui.site.Site
        self.today = today
        self.load_errors = {} if load_errors is None else load_errors
        self.cache = {} if cache is None else cache  # what several rules share (the links, paths)

    def rel(self, path: Path | str) -> str:
        # Asked once per entry and link: resolve() walks the path's folders each time.
        key = ("rel", str(path))
        if key not in self.cache:
            path = Path(path)
            try:
                self.cache[key] = str(path.resolve().relative_to(self.site.root))
            except ValueError:
                self.cache[key] = str(path)
        return self.cache[key]

    @cached_property
    def sections(self) -> dict[str, Any]:
        """The sections that load; the others' errors in `load_errors`. The site's own (which
        `validation`, run first, has just reloaded from disk): callers pass a fresh Site."""
        loaded = {}
        for name in self.site.section_names():
            try:
                loaded[name] = self.site.section(name)
            except HomepageError as exc:
                self.load_errors[name] = str(exc)
        return loaded

    @cached_property
    def _starts(self) -> dict[str, list[int]]:
        return {name: entry_lines(section.file.doc) for name, section in self.sections.items()}

    def sections_of(self, kind: kinds.SectionKind) -> list[Any]:
        return [s for s in self.sections.values() if s.kind is kind]

    def entries(self, kind: kinds.SectionKind | None = None) -> Iterator[EntryRef]:
        """Every entry, or those of the sections of type `kind`."""
        for section in self.sections.values():
            if kind is not None and section.kind is not kind:
                continue
            doc = section.file.doc
            starts = self._starts[section.name]
            for i in range(len(doc)):
                # the store's read-only view (rules only read fields): a copy per entry per rule
                # was most of what reading entries cost
                yield EntryRef(section, i, doc.plain_view(i), starts)

    @cached_property
    def page_texts(self) -> dict[Path, str]:
        """The page and its includes, as text (empty when the page cannot be found)."""
        out: dict[Path, str] = {}
        try:
            files = self.site.page_files()
        except HomepageError:
            return out
        for path in files:
            try:
                out[path], _ = read_text(path)
            except HomepageError:
                continue
        return out

    @cached_property
    def region_sections(self) -> set[str]:
        names: set[str] = set()
        for path, text in self.page_texts.items():
            try:
                names.update(region.section for region in find_regions(text, str(path)))
            except HomepageError:
                continue
        return names
