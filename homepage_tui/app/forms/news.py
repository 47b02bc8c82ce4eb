"""News: date (YYYY.MM or YYYY.MM.DD), optional emoji, multi-line markdown text."""

from __future__ import annotations

from textual.app import ComposeResult

from homepage_tui import kinds
from homepage_tui.app.forms.base import EntryForm, FieldArea
from homepage_tui.app.forms.field_input import FieldInput


class NewsForm(EntryForm):
    section_type = kinds.NEWS.name
    REQUIRED = kinds.NEWS.required

    def compose_fields(self) -> ComposeResult:
        yield from self.field("date", "Date", FieldInput(placeholder="YYYY.MM"), "YYYY.MM or YYYY.MM.DD")
        yield from self.field("emoji", "Emoji", FieldInput(placeholder="🎉🎉 (optional)"))
        yield from self.field("text", "Text", FieldArea(classes="tall"), "markdown; links as [text](https://…)")
