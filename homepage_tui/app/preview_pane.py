"""The preview: the section (or the whole page) as the site will show it.

Drawn with rich's `Markdown` (Textual's `Markdown` widget makes a widget per block and took 0.8 s
for the seed page). The text comes from `preview.terminal_markdown`, which hides Liquid, draws
paper boxes and badges, and turns `$\\dagger$` into † and `&nbsp;` into a space.

A keystroke must show in the preview in the frame that shows the typed character, so:
- the section arrives as blocks, one per entry (`preview.preview_blocks`); the body keeps each
  block's drawn lines, so a keystroke draws only the edited entry (a few ms) and repaints only the
  lines that changed;
- the body is a line-API `ScrollView` of a size fixed by the layout: an update never relayouts
  the screen (a `Static` of auto height did, and that layout was most of a keystroke's time);
- the pane owns when it draws: at once, unless its last drawing drew a long block anew (more
  than PACED_CHARS of markdown: the whole page, a long section that cannot be drawn entry by
  entry, which every keystroke would draw again); then at most every `debounce_ms` (the setting)
  while typing, the last drawing shown until then. The rule is by size, not by a clock, so that what the user sees does not depend on
  how busy the machine is.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Sequence

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label

from homepage_tui.record import Record

if TYPE_CHECKING:  # homepage_tui.preview is not on the first frame's path
    from homepage_tui.preview import PreviewBlock


PACED_CHARS = 6000  # a block of more markdown than this (a few entries' worth) is paced
PAGE_INTERVAL = 0.3  # the whole page is redrawn at most this often while typing


class PreviewContent(Record):
    """What the preview shows: markdown blocks (one per entry), or a message; and its title."""

    FIELDS = ("title", "blocks", "message", "markdown")

    def __init__(self, title: str, blocks: tuple[PreviewBlock, ...] = (), message: str | None = None):
        self.title = title
        self.blocks = blocks
        self.message = message
        self.markdown = "".join(("\n" * (b.gap + 1) if i else "") + b.markdown.rstrip("\n")
                                for i, b in enumerate(blocks)) + ("\n" if blocks else "")


class PreviewBody(ScrollView, can_focus=True):
    """Scrollable lines of markdown blocks (or one rich renderable). Each block's lines are kept
    while the width stays, so that an update draws only the blocks that changed, and only the
    lines that differ from those shown are repainted."""

    DEFAULT_CSS = """
    PreviewBody {
        height: 1fr;
        width: 1fr;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._content: Sequence[PreviewBlock] | RenderableType = Text("")
        self._lines: list[Strip] = []
        self._rendered_width = -1
        self._blocks: dict[str, list[Strip]] = {}  # a block's markdown -> its lines at this width
        self._style = None
        self.largest_drawn = 0

    def update(self, content: Sequence[PreviewBlock] | RenderableType) -> None:
        """Show `content`: blocks (drawn one by one, each kept) or any rich renderable.
        `largest_drawn` then says how long the longest block drawn anew was."""
        self._content = content
        self.largest_drawn = 0
        width = self.scrollable_content_region.width
        if not self.size.width or width != self._rendered_width:
            self._rendered_width = -1
            if self.size.width:
                self._render_lines()
            self.refresh()
            return
        before = self._lines
        self._render_lines()
        self._refresh_changed(before, self._lines)
        # Tell the screen now, not when this widget next idles: the editor updates the preview
        # while it handles the keystroke, so the repaint joins the frame that shows the typed
        # character instead of the next one.
        check = getattr(self, "_check_refresh", None)
        if check is not None:
            check()

    def _render_lines(self) -> None:
        width = max(self.scrollable_content_region.width, 1)
        if width != self._rendered_width:
            self._blocks.clear()
        content = self._content
        if isinstance(content, (list, tuple)):
            lines = self._block_lines(content, width)
        else:
            lines = self._draw(content, width)
        self._lines = lines
        self._rendered_width = width
        if self.virtual_size != Size(width, len(lines)):
            self.virtual_size = Size(width, len(lines))

    def _draw(self, renderable: RenderableType, width: int) -> list[Strip]:
        console = self.app.console
        options = console.options.update_width(width).update(highlight=False)
        lines = console.render_lines(renderable, options, pad=False)
        return [Strip(Segment.adjust_line_length(line, width), width) for line in lines]

    def _block_lines(self, blocks: Sequence[PreviewBlock], width: int) -> list[Strip]:
        """The blocks' lines (preview.join_blocks), each block drawn once while the width stays."""
        from homepage_tui.preview import join_blocks

        kept, drawn = self._blocks, {}

        def lines_of(markdown: str) -> list[Strip]:
            strips = drawn.get(markdown) or kept.get(markdown)
            if strips is None:
                # markdown-it and pygments: not on the first frame's path
                from homepage_tui.page_markdown import PageMarkdown

                # hyperlinks off: the URL is printed after the link text, visible in any terminal.
                strips = self._draw(PageMarkdown(markdown, hyperlinks=False), width)
                self.largest_drawn = max(self.largest_drawn, len(markdown))
            drawn[markdown] = strips
            return strips

        lines = join_blocks(blocks, lines_of, _blank_strip, Strip.blank(width))
        self._blocks = drawn  # the blocks shown now; one scrolled out of the window is drawn again
        return lines

    def _refresh_changed(self, before: list[Strip], after: list[Strip]) -> None:
        """Repaint the lines that are not the same strips as before (kept blocks are)."""
        top = 0
        common = min(len(before), len(after))
        while top < common and before[top] is after[top]:
            top += 1
        if len(before) == len(after):
            bottom = len(after)
            while bottom > top and before[bottom - 1] is after[bottom - 1]:
                bottom -= 1
            if bottom > top:
                self.refresh_lines(top, bottom - top)
        else:  # lines moved: everything from the first change to the end of the view
            self.refresh_lines(top, max(len(before), len(after)) - top)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._rendered_width:
            self._render_lines()
            self.refresh()

    def render_lines(self, crop):
        self._style = self.rich_style  # once per repaint, not per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self._rendered_width != self.scrollable_content_region.width:
            self._render_lines()
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        style = self._style if self._style is not None else self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop(scroll_x, scroll_x + width).apply_style(style)


def _blank_strip(strip: Strip) -> bool:
    return not strip.text.strip()


class PreviewPane(Vertical):
    """The title and the body, and the preview's own state: shown or not, the section or the
    whole page, and when to draw. The editor asks it to draw with `request(make)`, where `make`
    returns the `PreviewContent`; the pane calls it when it draws (at once, or paced)."""

    class Toggled(Message):
        """The preview was shown or hidden, or switched between the section and the page."""

        def __init__(self, shown: bool, whole_page: bool) -> None:
            super().__init__()
            self.shown = shown
            self.whole_page = whole_page

    def __init__(self, shown: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = shown
        self.whole_page = False
        self.markdown = ""
        self._title: str | None = None
        self._shown: PreviewContent | None = None
        self._make: Callable[[], PreviewContent | None] | None = None  # the latest request, not drawn yet
        self._timer = None
        self._next_at = 0.0  # a paced drawing waits until then

    def compose(self):
        yield Label("Preview", id="preview-title")
        yield PreviewBody(id="preview-body")

    # ------------------------------------------------------------ state

    def set_shown(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.post_message(self.Toggled(self.shown, self.whole_page))

    def set_whole_page(self, whole_page: bool) -> None:
        if whole_page != self.whole_page:
            self.whole_page = whole_page
            self._next_at = 0.0  # the other view draws at once
            self.post_message(self.Toggled(self.shown, self.whole_page))

    # ------------------------------------------------------------ drawing

    def request(self, make: Callable[[], PreviewContent | None]) -> None:
        """Draw what `make` returns (None: keep what is shown): now, or when a paced drawing is
        due (then the latest request's)."""
        self._make = make
        if not self.shown or self._timer is not None:
            return
        wait = self._next_at - time.perf_counter()
        if wait <= 0:
            self._draw()
        else:
            self._timer = self.set_timer(wait, self._timed)

    def _timed(self) -> None:
        self._timer = None
        if self.shown and self._make is not None:
            self._draw()

    def _draw(self) -> None:
        make, self._make = self._make, None
        if make is None:
            return
        start = time.perf_counter()
        self.show(make())
        # One entry redrawn: drawn at every key. A long drawing: at most every interval.
        from homepage_tui.app.settings import preview_interval

        long = self.whole_page or self.query_one(PreviewBody).largest_drawn > PACED_CHARS
        least = PAGE_INTERVAL if self.whole_page else 0.0
        self._next_at = start + preview_interval(self.app, least) if long else 0.0

    def show(self, content: PreviewContent | None) -> None:
        """Show `content` now (None: keep what is shown)."""
        if content is None or content == self._shown:
            return
        self._shown = content
        self._set_title(content.title)
        body = self.query_one(PreviewBody)
        if content.message is not None:
            self.markdown = ""
            body.update(Text(content.message))
        else:
            self.markdown = content.markdown
            body.update(list(content.blocks))

    def show_message(self, message: str, title: str = "Preview") -> None:
        self._make = None
        self.show(PreviewContent(title, message=message))

    def _set_title(self, title: str) -> None:
        # A label's update relayouts the screen; the title rarely changes while typing.
        if self._title != title:
            self._title = title
            self.query_one("#preview-title", Label).update(title)
