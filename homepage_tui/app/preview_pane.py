"""The preview: the section (or the whole page) as the site will show it, drawn by rich's
`Markdown` inside one `Static`. Textual's `Markdown` widget makes a widget per block and took
0.8 s for the seed page; one rich renderable takes milliseconds. The text comes from
`preview.terminal_markdown`, which hides Liquid, draws paper boxes and badges, and turns
`$\\dagger$` into † and `&nbsp;` into a space."""

from __future__ import annotations

import time

from rich.markdown import Markdown
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Label, Static


class PreviewBody(Static):
    """Records when it last drew, so the benchmark measures the paint and not only the update."""

    painted_at: float = 0.0
    paints: int = 0

    def render_lines(self, crop):
        lines = super().render_lines(crop)
        self.painted_at = time.perf_counter()
        self.paints += 1
        return lines


class PreviewPane(VerticalScroll):
    def compose(self):
        yield Label("Preview", id="preview-title")
        yield PreviewBody("", id="preview-body")

    def show_markdown(self, markdown: str, title: str) -> None:
        self.markdown = markdown
        self.query_one("#preview-title", Label).update(title)
        # hyperlinks off: the URL is printed after the link text, visible in any terminal.
        self.query_one(PreviewBody).update(Markdown(markdown, hyperlinks=False))

    def show_message(self, message: str, title: str = "Preview") -> None:
        self.markdown = ""
        self.query_one("#preview-title", Label).update(title)
        self.query_one(PreviewBody).update(Text(message))
