"""Awards: year, title, organisation, optional link."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from homepage_tui import kinds
from homepage_tui.app.forms.base import EntryForm


class AwardForm(EntryForm):
    section_type = kinds.AWARDS.name
    REQUIRED = kinds.AWARDS.required

    def compose_fields(self) -> ComposeResult:
        yield from self.field("year", "Year", Input(placeholder="2024"), "any text: 2023, 2022/23 Fall")
        yield from self.field("title", "Title", Input())
        yield from self.field("org", "Organisation", Input())
        yield from self.field("link", "Link", Input(placeholder="https://… (optional)"))
