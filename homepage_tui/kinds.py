"""Section types as objects: everything that differs between news, publications, awards and
list (tree) sections, in one place per type.

A section's type name (site.yml `type:`, else from its file name: model.section_type_for) picks
its kind with `of(name)`. The rest of the code asks the kind (its fields, how it dates, sorts and
summarises an entry, a new entry, its YAML header, how the page writes it by default, the headings
the importer recognises) instead of testing which type it is; tests/test_kinds_hygiene.py keeps it
so. Below render in the layers: render.py reads `default_template`, `block_fields`, `nested` and
`image_box`; no I/O, no Textual here. (The app maps a kind's name to its form class in
app/forms, the importer maps it to its parser in importer/parsers.py.)
"""

from __future__ import annotations

import re

from . import model

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from datetime import date
    from typing import Any, Callable, Mapping

Summary = tuple[str, str, str]


def _norm(value: Any) -> str:
    """A value as compared for sameness: blanks collapsed, case folded."""
    return " ".join(model.text_of(value).split()).casefold()


YEAR_RE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


class SectionKind:
    """One section type. Instances are singletons (`NEWS`, `PUBLICATIONS`, `AWARDS`, `TREE`)."""

    name = ""  # the type as site.yml writes it (model.NEWS, ...)
    fields: tuple[str, ...] = ()  # the fields a form shows, in order (a new entry's key order)
    required: tuple[str, ...] = ()  # fields a form never drops when empty (validation says why)
    recommended: tuple[str, ...] = ()  # fields `check` warns about when left empty
    date_field: str | None = None  # the field that dates an entry; None: entries are undated
    columns: tuple[str | None, str | None, str | None] = (None, "Text", None)  # table headings of a summary
    first_width = 0  # the table's first column, in cells
    default_template = "* {text}"  # how the page writes an entry when site.yml gives no template
    block_fields: tuple[str, ...] = ()  # fields written as markdown blocks (continuation lines indented)
    nested = False  # items carry `children` and are written as an outline (render_tree_item)
    image_box = False  # an entry with an `image` is written as a paper box
    has_authors = False  # entries list authors: the user's own names are found and bolded in them
    from_bibtex = False  # entries can be added from BibTeX, DOIs or arXiv ids (the editor's `b`)
    charts_years = False  # the editor charts how many entries each year has (papers per year)
    merges_subheadings = False  # a sub-heading of the same type (Preprints under Publications) is a group
    spaced_entries = True  # the imported YAML file has a blank line between entries
    appends = False  # a new entry goes at the end (else at the top: newest first)
    headings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (section name, heading words) the importer knows
    no_parse = "not read as an entry"  # why the importer keeps an item raw when no parser reads it
    shape = ""  # what a raw entry's text must look like to become a typed entry (the editor's `t`)
    header = ""  # the YAML file's header comment

    def __repr__(self) -> str:
        return f"<section kind {self.name}>"

    # ------------------------------------------------------------ an entry

    def entry(self, fields: Mapping[str, Any]) -> model.Entry:
        """The entry as its model type (validation, summary, sort key)."""
        return model.make_entry(self.name, fields)

    def validate(self, fields: Mapping[str, Any]) -> dict[str, str]:
        return model.validate_entry(self.name, fields)

    def summary(self, fields: Mapping[str, Any]) -> Summary:
        """(date or year, title or text, venue, organisation or sub-items) for tables and dialogs."""
        return self.entry(fields).summary()

    def sort_key(self, fields: Mapping[str, Any]) -> tuple:
        """Orders entries oldest first by their date (a raw entry sorts first)."""
        return self.entry(fields).sort_key()

    @property
    def dated(self) -> bool:
        """Entries are ordered by date, newest first (`s` sorts them; a merge places by date)."""
        return self.date_field is not None

    def when(self, fields: Mapping[str, Any]) -> tuple[int, ...] | None:
        """The entry's date as (year,), (year, month) or (year, month, day); None when undated or
        unreadable."""
        return None

    def new_entry(self, today: date, usual_emoji: Callable[[], str | None] = lambda: None) -> dict[str, Any]:
        """A new entry as the editor and the command line start it. `usual_emoji` gives the emoji
        the section's entries carry (asked only by a type that has one: reading it costs a pass
        over the section)."""
        return {"text": ""}

    def identity(self, fields: Mapping[str, Any]) -> tuple | None:
        """What makes two entries the same one entered twice (`check`); None: never a duplicate
        (a raw entry, or an entry of a type without one)."""
        return None if "raw" in fields else self._identity(fields)

    def _identity(self, fields: Mapping[str, Any]) -> tuple | None:
        return None

    def tracking_key(self, fields: Mapping[str, Any]) -> tuple[str, str]:
        """(field, value) that follows an entry across versions of its file (its history)."""
        return ("text", _norm(fields.get("text") or fields.get("raw")))

    @property
    def focus_field(self) -> str:
        """The field the cursor goes to in a new entry."""
        return "text" if "text" in self.fields else "title"

    # ------------------------------------------------------------ the file

    def header_for(self, title: str | None = None) -> str:
        """The comment a new content file of this type starts with (a blank line after it)."""
        return self.header + "\n"


class _News(SectionKind):
    name = model.NEWS
    fields = ("date", "emoji", "text")
    required = ("text",)  # an undated item (no date field) stays undated
    date_field = "date"
    columns = ("Date", "Text", None)
    first_width = 10
    default_template = "* [{date}] &nbsp;{?emoji}{emoji} {/emoji}{text}"
    block_fields = ("text",)
    spaced_entries = False
    headings = (("news", ("news", "updates", "新闻", "动态", "消息")),)
    no_parse = "no date where news items put it (e.g. 2024.05, [2024.05], *2024.05*:)"
    shape = "a list item with a date such as [2024.06]"
    header = """\
# News: one entry per item, newest first.
#   date:  'YYYY.MM' or 'YYYY.MM.DD' (keep the quotes: 2024.10 unquoted would read as 2024.1)
#   emoji: optional, shown before the text (e.g. 🎉🎉)
#   text:  markdown; links as [text](https://...)
"""

    def when(self, fields: Mapping[str, Any]) -> tuple[int, ...] | None:
        text = model.text_of(fields.get("date")).strip()
        m = model.DATE_RE.match(text)
        if not m or model.validate_date(text):
            return None
        return tuple(int(g) for g in m.groups() if g is not None)

    def new_entry(self, today: date, usual_emoji: Callable[[], str | None] = lambda: None) -> dict[str, Any]:
        fields: dict[str, Any] = {"date": today.strftime("%Y.%m")}
        if emoji := usual_emoji():
            fields["emoji"] = emoji
        fields["text"] = ""
        return fields

    def _identity(self, fields: Mapping[str, Any]) -> tuple | None:
        return (_norm(fields.get("date")), _norm(fields.get("text")))

    def tracking_key(self, fields: Mapping[str, Any]) -> tuple[str, str]:
        return ("date", model.text_of(fields.get("date")))


class _ByYear(SectionKind):
    """Publications and awards: titled entries dated by a year."""

    date_field = "year"

    def when(self, fields: Mapping[str, Any]) -> tuple[int, ...] | None:
        # Any text names the year: "2023", "2022/23 Fall".
        m = YEAR_RE.search(model.text_of(fields.get("year")))
        return (int(m.group(1)),) if m else None

    def tracking_key(self, fields: Mapping[str, Any]) -> tuple[str, str]:
        return ("title", _norm(fields.get("title")))


class _Publications(_ByYear):
    name = model.PUBLICATIONS
    fields = ("title", "authors", "venue", "year", "kind", "links", "badge", "image")
    required = ("title",)
    recommended = ("authors", "venue", "year")
    columns = ("Year", "Title", "Venue")
    first_width = 6
    default_template = ("* {authors}. {?url}[{title}]({url}){/url}{!url}{title}{/url}. {venue|period}"
                        "{?note} {note}{/note}{?links} {links}{/links}")
    image_box = True
    has_authors = True
    from_bibtex = True
    charts_years = True
    merges_subheadings = True
    headings = (("publications", ("publication", "preprint", "papers", "manuscript", "under review", "submitted",
                                  "论文", "发表", "出版", "在投", "审稿中", "投稿", "成果")),)
    no_parse = "no title with authors found (a quoted, linked or bold title, or authors then title)"
    shape = "a paper: authors, title, venue"
    header = """\
# Publications: one entry per paper.
#   title, venue:  text;  year: 'YYYY';  kind: conference, journal, workshop or preprint
#   authors:  a list of names as printed; your own names (site.yml `names`) are bolded for you;
#             markers such as *, #, $\\dagger$ stay attached to the name
#   links:    name: URL pairs (paper, code, project ...)
#   badge, image:  optional; a paper with an image is shown as a paper box
#   optional: note (text after the venue), group (which list of the page it is in, e.g. preprint),
#             bold (positions of the authors to bold, when matching your names gets it wrong)
"""

    def new_entry(self, today: date, usual_emoji: Callable[[], str | None] = lambda: None) -> dict[str, Any]:
        return {"title": "", "authors": [], "venue": "", "year": today.strftime("%Y")}

    def _identity(self, fields: Mapping[str, Any]) -> tuple | None:
        # A preprint and its accepted version share a title: they differ in venue or year.
        title = _norm(fields.get("title"))
        return (title, _norm(fields.get("venue")), _norm(fields.get("year"))) if title else None


class _Awards(_ByYear):
    name = model.AWARDS
    fields = ("year", "title", "org", "link")
    required = ("title",)
    recommended = ("year",)
    columns = ("Year", "Title", "Organisation")
    first_width = 12
    default_template = "* {year}, {title}{?org}, {org}{/org}{?link} ([Link]({link})){/link}"
    headings = (("awards", ("award", "honor", "honour", "荣誉", "奖")),)
    no_parse = "no year where awards put it (at the start or after the last comma)"
    shape = "a list item with a year and a title"
    header = """\
# Honors and awards: one entry per award.
#   year: when (any text: 2023, 2022/23 Fall);  title: the award;  org: who gave it;  link: optional URL
"""

    def new_entry(self, today: date, usual_emoji: Callable[[], str | None] = lambda: None) -> dict[str, Any]:
        return {"year": today.strftime("%Y"), "title": "", "org": ""}

    def _identity(self, fields: Mapping[str, Any]) -> tuple | None:
        return (_norm(fields.get("year")), _norm(fields.get("title")), _norm(fields.get("org")))


class _Tree(SectionKind):
    """Service, education, experience, teaching and any other list: markdown items with
    sub-items. The type of every section no other kind claims."""

    name = model.TREE
    fields = ("text", "children")
    required = ("text",)
    columns = (None, "Text", "Items")
    block_fields = ("text",)
    nested = True
    appends = True
    headings = (
        ("education", ("education", "教育", "学历")),
        ("teaching", ("teaching", "教学", "助教")),
        ("talks", ("talk", "报告", "演讲", "讲座")),
        ("internships", ("internship", "实习")),
        ("experience", ("experience", "经历", "工作")),
        ("service", ("service", "reviewer", "reviewing", "professional activit", "服务", "审稿")),
    )
    shape = "a list item (- or * and its text, sub-items indented)"
    header = """\
# A list section: one entry per top-level item.
#   text:      markdown for the item
#   children:  optional list of sub-items, each with its own text (and children)
"""

    def header_for(self, title: str | None = None) -> str:
        header = self.header
        if title:
            header = header.replace("# A list section:", f"# {title}: a list section,", 1)
        return header + "\n"


NEWS = _News()
PUBLICATIONS = _Publications()
AWARDS = _Awards()
TREE = _Tree()
ALL: tuple[SectionKind, ...] = (NEWS, PUBLICATIONS, AWARDS, TREE)  # the importer's heading order
BY_NAME: dict[str, SectionKind] = {k.name: k for k in ALL}


def of(name: str | None) -> SectionKind:
    """The kind of a section type name; an unknown type is a list section, as render treats it."""
    return BY_NAME.get(name or "", TREE)
