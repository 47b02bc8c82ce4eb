"""One managed section: its content file, its type and style, and the edits a user makes.

This is the small API the editor and the command line share: read entries as plain data,
validate, update, insert, delete, move, sort, save. It knows nothing of the site layout (site.py
builds sections) nor of Textual or git.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import kinds, model
from .errors import ValidationError
from .record import Record
from .render import SectionStyle
from .store import DELETE, ContentFile

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path
    from typing import Any, Iterable

def header_for(section_type: str, title: str | None = None) -> str:
    """The comment a new content file of this type starts with."""
    return kinds.of(section_type).header_for(title)


class Section(Record):
    FIELDS = ("name", "type", "style", "file", "title")

    def __init__(self, name: str, type: str, style: SectionStyle, file: ContentFile, title: str = ""):
        self.name = name
        self.type = type
        self.style = style
        self.file = file
        self.title = title

    @property
    def kind(self) -> kinds.SectionKind:
        return kinds.of(self.type)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def entries(self) -> list[dict[str, Any]]:
        """Every entry as plain data, text fields as written."""
        doc = self.file.doc
        return [doc.plain(i) for i in range(len(doc))]

    def entries_view(self) -> list[dict[str, Any]]:
        """Every entry's plain data without copying it: read it, never change it (rendering)."""
        doc = self.file.doc
        return [doc.plain_view(i) for i in range(len(doc))]

    def entry(self, index: int) -> dict[str, Any]:
        return self.file.doc.plain(index)

    def __len__(self) -> int:
        return len(self.file.doc)

    @property
    def dirty(self) -> bool:
        return self.file.dirty

    def validate(self, fields: Mapping[str, Any]) -> dict[str, str]:
        return self.kind.validate(fields)

    def _checked(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        problems = self.validate({k: v for k, v in fields.items() if v is not DELETE})
        if problems:
            raise ValidationError(problems)
        return dict(fields)

    def update(self, index: int, fields: Mapping[str, Any], order: Iterable[str] = ()) -> bool:
        """Set entry `index` to `fields` (keys missing from `fields` are kept); validated first.
        A key the entry lacks goes where `order` (the entry's keys as the user first saw them) puts it."""
        merged = {**self.entry(index), **fields}
        self._checked(merged)
        cleaned = {k: v for k, v in fields.items()}
        return self.file.doc.set_fields(index, cleaned, order)

    def key_order(self, index: int) -> list[str]:
        """Where the fields of entry `index` go: its own keys in its order, and each key a
        neighbouring entry has and it lacks after the key the neighbour has before it. A field typed
        after a new entry was added (its authors, once the title made it valid) then takes the
        place its neighbours give it, not the end."""
        own = list(self.entry(index))
        like: list[str] = []
        for near in (index + 1, index - 1):
            if 0 <= near < len(self) and self.file.doc.is_mapping(near):
                keys = list(self.entry(near))
                if "raw" not in keys:
                    like = keys
                    break
        out = list(own)
        for i, key in enumerate(like):
            if key in out:
                continue
            before = next((k for k in reversed(like[:i]) if k in out), None)
            out.insert(out.index(before) + 1 if before is not None else 0, key)
        return out

    def replace(self, index: int, fields: Mapping[str, Any]) -> bool:
        """Make entry `index` exactly `fields`: keys it no longer has are removed."""
        self._checked(fields)
        current = self.entry(index)
        first = next(iter(current), None)
        if first is not None and first not in fields:
            # The entry's first key goes (a raw entry made typed): write the entry anew.
            self.file.doc.replace_entry(index, fields)
            return True
        updates: dict[str, Any] = dict(fields)
        for key in current:
            if key not in fields:
                updates[key] = DELETE
        return self.file.doc.set_fields(index, updates)

    def insert(self, index: int, fields: Mapping[str, Any]) -> None:
        self.file.doc.insert(index, self._checked(fields))

    def delete(self, index: int) -> None:
        self.file.doc.delete(index)

    def move(self, index: int, to: int) -> None:
        if 0 <= to < len(self):
            self.file.doc.move(index, to)

    def sort_by_date(self, newest_first: bool = True) -> None:
        """Entries ordered by their date (news) or year; comments move with their entries.
        Entries with a `group` (a list of its own on the page, e.g. preprints) stay together, the
        groups in the order they first appear: the page is the same either way, and the file
        stays readable."""
        sort_key = self.kind.sort_key
        entries = self.entries
        keyed = [(sort_key(e), i) for i, e in enumerate(entries)]
        order = [i for _, i in sorted(keyed, key=lambda t: (t[0], -t[1]), reverse=newest_first)]
        groups = [model.text_of(e.get("group")) if isinstance(e, Mapping) else "" for e in entries]
        rank: dict[str, int] = {}
        for group in groups:
            rank.setdefault(group, len(rank))
        order.sort(key=lambda i: rank[groups[i]])  # stable: dates stay in order within a group
        self.file.doc.reorder(order)

    def save(self) -> bool:
        return self.file.save()

    def cannot_add(self) -> str | None:
        """Why a new entry cannot be added here, or None. A section whose entries the importer
        kept raw has no template: a new entry would be written unlike its neighbours."""
        if self.style.no_template:
            return (f"new entries cannot be added to {self.title or self.name}: {self.style.no_template}; "
                    "edit its raw entries instead")
        return None

    def usual_emoji(self) -> str | None:
        """The emoji of the newest news entry: a new entry looks like the ones before it."""
        for entry in self.entries:
            if "raw" not in entry:
                return model.text_of(entry.get("emoji")) or None
        return None

    def new_entry_defaults(self, today: date | None = None) -> dict[str, Any]:
        """A new entry for this section's type, as the editor and add-news start it: dated this
        month (or year), news with the emoji the newest entry has."""
        if today is None:
            from datetime import date

            today = date.today()
        return self.kind.new_entry(today, self.usual_emoji)
