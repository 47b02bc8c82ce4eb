"""The content model: entry types, their fields, and their validation.

Entries are stored as YAML mappings (see store.py); this module gives them types so that forms,
the renderer and `check` agree on what each field is. No I/O, no Textual, no git here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .record import Record

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any

# Section types. A section's type comes from site.yml, else from its file name.
NEWS = "news"
PUBLICATIONS = "publications"
AWARDS = "awards"
TREE = "tree"
SECTION_TYPES = (NEWS, PUBLICATIONS, AWARDS, TREE)

PUBLICATION_KINDS = ("conference", "journal", "workshop", "preprint", "book", "thesis", "other")

DATE_RE = re.compile(r"^(\d{4})(?:\.(\d{1,2})(?:\.(\d{1,2}))?)?$")
# A range: "2024.09 - 2025.06", "2024.09 - present", "2024.09 - 至今" (pages write news that way).
RANGE_RE = re.compile(r"^(?P<start>\S+)\s*(?:-|–|—|~|to|至)\s*(?P<end>\S+)$")
OPEN_END = ("present", "now", "today", "ongoing", "至今", "现在", "今")
URL_RE = re.compile(r"^(https?://|mailto:|/|\.{0,2}/|#)[^\s]*$|^[\w./-]+\.(pdf|html?|png|jpe?g|gif|svg)$")


def section_type_for(name: str) -> str:
    """The default type of a section named `name` (its file stem)."""
    stem = name.split(".")[0].lower()
    if stem in ("news", "updates"):
        return NEWS
    if stem in ("publications", "papers", "preprints", "pubs"):
        return PUBLICATIONS
    if stem in ("awards", "honors", "honours"):
        return AWARDS
    return TREE


def text_of(value: Any) -> str:
    """A field value as the text the user wrote (None becomes empty)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def validate_date(date: str) -> str | None:
    """None when `date` is a valid date as pages write them, else the message: YYYY.MM or
    YYYY.MM.DD (a one-digit month or day as written, 2026.6), a year alone, or a range of
    those ("2024.09 - 2025.06", "2024.09 - present", "2024.09 - 至今")."""
    date = date.strip()
    m = DATE_RE.match(date)
    r = RANGE_RE.match(date) if not m else None
    if r:
        problem = validate_date(r.group("start"))
        if problem is None and r.group("end").casefold() not in OPEN_END:
            problem = validate_date(r.group("end"))
        return None if problem is None else f"date range {date!r}: {problem}"
    if not m:
        return f"date {date!r} is not YYYY.MM or YYYY.MM.DD"
    if m.group(2) is None:
        return None
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return f"date {date!r} has month {month:02d}; months are 01 to 12"
    if m.group(3) is not None:
        day, year = int(m.group(3)), int(m.group(1))
        days = [31, 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28,
                31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if not 1 <= day <= days:
            return f"date {date!r} has day {day:02d}; that month has {days} days"
    return None


NEW_DATE_RE = re.compile(r"^\d{4}\.\d{2}(?:\.\d{2})?$")


def validate_new_date(date: str) -> str | None:
    """validate_date for a date typed for a new entry on the command line: only YYYY.MM or
    YYYY.MM.DD (2026.1 could be a mistyped 2026.10; a page's own forms are for imported entries)."""
    if not NEW_DATE_RE.match(date.strip()):
        return f"date {date!r} is not YYYY.MM or YYYY.MM.DD"
    return validate_date(date)


def validate_url(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    if " " in url or not URL_RE.match(url):
        return f"link {url!r} is not a URL (expected http(s)://…, mailto: or a site path)"
    return None


def date_sort_key(text: str) -> tuple:
    """A key that orders dates and years oldest first; unparseable text sorts first."""
    nums = [int(n) for n in re.findall(r"\d+", text or "")]
    if not nums:
        return (0,)
    # "2023/24" is an academic year: its first number is the year.
    return tuple(nums[:3])


class Entry(Record):
    """Common base: `fields` is the entry's mapping as stored (keys in the file's order)."""

    FIELDS = ("fields",)

    def __init__(self, fields: dict[str, Any] | None = None):
        self.fields = {} if fields is None else fields

    kind_of_entry = "entry"

    @property
    def is_raw(self) -> bool:
        return "raw" in self.fields

    def get(self, key: str) -> str:
        return text_of(self.fields.get(key))

    def summary(self) -> tuple[str, str, str]:
        """(date or year, title or text, venue or organisation) for tables."""
        if self.is_raw:
            first = next((ln.strip() for ln in self.get("raw").splitlines() if ln.strip()), "")
            return ("", f"(raw) {first}", "")
        return self._summary()

    def validate(self) -> dict[str, str]:
        """Field name to message; a raw entry is the user's own markdown and always valid."""
        return {} if self.is_raw else self._validate()

    def sort_key(self) -> tuple:
        return (0,)

    def _summary(self) -> tuple[str, str, str]:
        return ("", "", "")

    def _validate(self) -> dict[str, str]:
        return {}


class NewsEntry(Entry):
    kind_of_entry = NEWS

    def _summary(self) -> tuple[str, str, str]:
        return (self.get("date"), self.get("text"), "")

    def sort_key(self) -> tuple:
        return date_sort_key(self.get("date"))

    def _validate(self) -> dict[str, str]:
        problems = {}
        date = self.get("date")
        if "date" not in self.fields:
            pass  # an undated item, as some pages write their news
        elif not date:
            problems["date"] = "date is required (YYYY.MM)"
        elif (msg := validate_date(date)) is not None:
            problems["date"] = msg
        if not self.get("text").strip():
            problems["text"] = "text is required"
        return problems


class TitledByYear(Entry):
    """Publications and awards: a title, dated by a year, shown with a third field."""

    third_field = ""

    def _summary(self) -> tuple[str, str, str]:
        return (self.get("year"), self.get("title"), self.get(self.third_field))

    def sort_key(self) -> tuple:
        return date_sort_key(self.get("year"))

    def _validate(self) -> dict[str, str]:
        return {} if self.get("title").strip() else {"title": "title is required"}


class Publication(TitledByYear):
    kind_of_entry = PUBLICATIONS
    third_field = "venue"

    def _validate(self) -> dict[str, str]:
        problems = super()._validate()
        authors = self.fields.get("authors")
        if authors is not None and not isinstance(authors, list):
            problems["authors"] = "authors must be a list of names"
        year = self.get("year")
        if year and not re.fullmatch(r"\d{4}", year.strip()):
            problems["year"] = f"year {year!r} is not a four-digit year"
        kind = self.get("kind")
        if kind and kind not in PUBLICATION_KINDS:
            problems["kind"] = f"kind {kind!r} is not one of {', '.join(PUBLICATION_KINDS)}"
        links = self.fields.get("links")
        if links is not None:
            if not isinstance(links, Mapping):
                problems["links"] = "links must map a name to a URL"
            else:
                for name, url in links.items():
                    if (msg := validate_url(text_of(url))) is not None:
                        problems["links"] = f"{name}: {msg}"
                        break
        return problems


class Award(TitledByYear):
    kind_of_entry = AWARDS
    third_field = "org"

    def _validate(self) -> dict[str, str]:
        problems = super()._validate()
        if (msg := validate_url(self.get("link"))) is not None:
            problems["link"] = msg
        return problems


class TreeItem(Entry):
    """An item of a generic list section: markdown `text` and optional `children` (same shape)."""

    kind_of_entry = TREE

    def _summary(self) -> tuple[str, str, str]:
        children = self.fields.get("children") or []
        count = len(children)
        return ("", self.get("text"), f"{count} sub-item{'' if count == 1 else 's'}" if children else "")

    def sort_key(self) -> tuple:
        return date_sort_key(self.get("text"))

    def _validate(self) -> dict[str, str]:
        problems = {}
        if not self.get("text").strip() and not self.fields.get("children"):
            problems["text"] = "text is required"
        children = self.fields.get("children")
        if children is not None and not isinstance(children, list):
            problems["children"] = "children must be a list of items"
        return problems


ENTRY_CLASSES: dict[str, type[Entry]] = {
    NEWS: NewsEntry,
    PUBLICATIONS: Publication,
    AWARDS: Award,
    TREE: TreeItem,
}

def make_entry(section_type: str, fields: Mapping[str, Any]) -> Entry:
    return ENTRY_CLASSES.get(section_type, TreeItem)(dict(fields))


def validate_entry(section_type: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """Field name to message for everything wrong with `fields`; empty when valid."""
    if not isinstance(fields, Mapping):
        return {"entry": "entry must be a mapping of fields"}
    return make_entry(section_type, fields).validate()
