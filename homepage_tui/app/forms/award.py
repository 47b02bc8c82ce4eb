"""Awards: year, title, organisation, optional link."""

from __future__ import annotations

from textual.app import ComposeResult

from homepage_tui import kinds
from homepage_tui.app.forms.base import EntryForm
from homepage_tui.app.forms.field_input import FieldInput


class AwardForm(EntryForm):
    section_type = kinds.AWARDS.name
    REQUIRED = kinds.AWARDS.required

    def compose_fields(self) -> ComposeResult:
        yield from self.field("year", "Year", FieldInput(placeholder="2024"), "any text: 2023, 2022/23 Fall")
        yield from self.field("title", "Title", FieldInput())
        yield from self.field("org", "Organisation", FieldInput())
        yield from self.field("link", "Link", FieldInput(placeholder="https://… (optional)"))
