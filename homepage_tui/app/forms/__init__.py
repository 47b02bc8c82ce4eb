"""One form per entry type; `FORMS` maps a section type to its form class."""

from __future__ import annotations

from homepage_tui import model
from homepage_tui.app.forms.award import AwardForm
from homepage_tui.app.forms.base import EntryForm
from homepage_tui.app.forms.news import NewsForm
from homepage_tui.app.forms.publication import PublicationForm
from homepage_tui.app.forms.raw import RAW, RawForm
from homepage_tui.app.forms.tree import TreeForm

FORMS: dict[str, type[EntryForm]] = {
    model.NEWS: NewsForm,
    model.PUBLICATIONS: PublicationForm,
    model.AWARDS: AwardForm,
    model.TREE: TreeForm,
    RAW: RawForm,  # any section's raw entries
}

__all__ = ["FORMS", "RAW", "EntryForm", "NewsForm", "PublicationForm", "AwardForm", "TreeForm", "RawForm"]
