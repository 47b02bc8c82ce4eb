"""One form per entry type; `FORMS` maps a section kind's name (kinds.SectionKind.name) to its form
class: the app's side of the section types (Textual stays in app/)."""

from __future__ import annotations

from homepage_tui import kinds
from homepage_tui.app.forms.award import AwardForm
from homepage_tui.app.forms.base import EntryForm
from homepage_tui.app.forms.news import NewsForm
from homepage_tui.app.forms.publication import PublicationForm
from homepage_tui.app.forms.raw import RAW, RawForm
from homepage_tui.app.forms.tree import TreeForm

FORMS: dict[str, type[EntryForm]] = {
    form.section_type: form for form in (NewsForm, PublicationForm, AwardForm, TreeForm,
                                         RawForm)  # (RawForm: any section's raw entries)
}


def form_key(kind: str) -> str:
    """The FORMS key of the form for `kind` (a section type's name, or RAW): an unknown type's
    sections are list sections."""
    return kind if kind in FORMS else kinds.of(kind).name

__all__ = ["FORMS", "RAW", "form_key", "EntryForm", "NewsForm", "PublicationForm", "AwardForm", "TreeForm", "RawForm"]
