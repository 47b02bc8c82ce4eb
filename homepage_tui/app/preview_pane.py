"""The preview: the section (or the whole page) as the site will show it.

Drawn with rich's `Markdown` (Textual's `Markdown` widget makes a widget per block and took 0.8 s
for the seed page). The text comes from `preview.terminal_markdown`, which hides Liquid, draws
paper boxes and badges, and turns `$\\dagger$` into † and `&nbsp;` into a space.

The body is a line-API `ScrollView`: it renders the markdown into lines itself and draws only the
visible ones. Its size is fixed by the layout, so an update (every keystroke while typing) never
relayouts the screen; a `Static` of auto height did, and that layout was most of a keystroke's
time.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label


class PreviewBody(ScrollView, can_focus=True):
    """Scrollable lines of one rich renderable, re-rendered only when it or the width changes."""

    DEFAULT_CSS = """
    PreviewBody {
        height: 1fr;
        width: 1fr;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._renderable: RenderableType = Text("")
        self._lines: list[Strip] = []
        self._rendered_width = -1

    def update(self, renderable: RenderableType) -> None:
        self._renderable = renderable
        self._rendered_width = -1
        if self.size.width:
            self._render_lines()
        self.refresh()

    def _render_lines(self) -> None:
        width = max(self.scrollable_content_region.width, 1)
        console = self.app.console
        options = console.options.update_width(width).update(highlight=False)
        lines = console.render_lines(self._renderable, options, pad=False)
        self._lines = [Strip(Segment.adjust_line_length(line, width), width) for line in lines]
        self._rendered_width = width
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._rendered_width:
            self._render_lines()
            self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._rendered_width != self.scrollable_content_region.width:
            self._render_lines()
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop(scroll_x, scroll_x + width).apply_style(style)


class PreviewPane(Vertical):
    def compose(self):
        yield Label("Preview", id="preview-title")
        yield PreviewBody(id="preview-body")

    def _set_title(self, title: str) -> None:
        # A label's update relayouts the screen; the title rarely changes while typing.
        if getattr(self, "_title", None) != title:
            self._title = title
            self.query_one("#preview-title", Label).update(title)

    def show_markdown(self, markdown: str, title: str) -> None:
        from rich.markdown import Markdown  # markdown-it and pygments: not on the first frame's path

        self.markdown = markdown
        self._set_title(title)
        # hyperlinks off: the URL is printed after the link text, visible in any terminal.
        self.query_one(PreviewBody).update(Markdown(markdown, hyperlinks=False))

    def show_message(self, message: str, title: str = "Preview") -> None:
        self.markdown = ""
        self._set_title(title)
        self.query_one(PreviewBody).update(Text(message))
