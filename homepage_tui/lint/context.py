"""What the rules read: the site's sections (loaded once), its page files, today's date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from homepage_tui.errors import HomepageError
from homepage_tui.regions import find_regions
from homepage_tui.store import read_text


@dataclass
class EntryRef:
    """One entry of a section, with what a rule needs to name its line."""

    section: Any  # homepage_tui.section.Section
    index: int
    fields: dict[str, Any]

    @property
    def path(self) -> Path:
        return self.section.path

    def line(self, key: str | None = None) -> int:
        doc = self.section.file.doc
        return doc.field_line(self.index, key) if key else doc.entry_line(self.index)


@dataclass
class LintContext:
    site: Any  # homepage_tui.site.Site
    today: date
    load_errors: dict[str, str] = field(default_factory=dict)

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return str(path.resolve().relative_to(self.site.root))
        except ValueError:
            return str(path)

    @cached_property
    def sections(self) -> dict[str, Any]:
        """The sections that load (reloaded from disk); the others' errors in `load_errors`."""
        loaded = {}
        for name in self.site.section_names():
            try:
                loaded[name] = self.site.section(name, reload=True)
            except HomepageError as exc:
                self.load_errors[name] = str(exc)
        return loaded

    def sections_of(self, section_type: str) -> list[Any]:
        return [s for s in self.sections.values() if s.type == section_type]

    def entries(self, section_type: str | None = None) -> Iterator[EntryRef]:
        for section in self.sections.values():
            if section_type is not None and section.type != section_type:
                continue
            doc = section.file.doc
            for i in range(len(doc)):
                yield EntryRef(section, i, doc.plain(i))

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
