"""An entry the importer kept verbatim (`raw:`): its markdown in one text area, saved by splicing
like any field; `t` turns it into a typed entry when the text parses."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult

from homepage_tui.app.forms.base import EntryForm, FieldArea

RAW = "raw"  # the form's key in FORMS: not a section type, the form of any section's raw entries


class RawForm(EntryForm):
    section_type = RAW
    REQUIRED = ("raw",)

    def compose_fields(self) -> ComposeResult:
        yield from self.field("raw", "Markdown, as the page has it", FieldArea(classes="tall"),
                              "kept verbatim; t makes it a typed entry when it parses")

    def from_text(self, key: str, text: str) -> tuple[Any, str | None]:
        if key == "raw":
            return text, None  # exactly as typed: indentation and blank lines are the markdown's
        return super().from_text(key, text)
