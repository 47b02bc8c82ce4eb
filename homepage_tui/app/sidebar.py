"""The section list: each managed section with its entry count, a dot when it has unsaved edits,
and a warning sign when its file cannot be read."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class SectionList(OptionList):
    """Option ids are the section names; the app updates counts and marks, never a thread."""

    BINDINGS = [Binding("right", "entries", "Entries", id="sections.entries", show=False)]

    def action_entries(self) -> None:
        self.screen.query_one("#entries").focus()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._info: dict[str, dict] = {}

    def set_sections(self, names: list[str], titles: dict[str, str]) -> None:
        self._info = {n: {"title": titles.get(n) or n, "count": None, "dirty": False, "error": False}
                      for n in names}
        self.set_options([Option(self._prompt(n), id=n) for n in names])
        if names:
            self.highlighted = 0

    def update_section(self, name: str, count: int | None = None, dirty: bool | None = None,
                       error: bool | None = None) -> None:
        info = self._info.get(name)
        if info is None:
            return
        before = dict(info)
        for key, value in (("count", count), ("dirty", dirty), ("error", error)):
            if value is not None:
                info[key] = value
        if info != before:  # called at every keystroke: redraw the list only when it changes
            self._redraw(name)

    def _redraw(self, name: str) -> None:
        """Draw section `name`'s line again, and only it. OptionList.replace_option_prompt drops
        every option's drawing and repaints the whole list (a rich grid per section: the most
        costly part of a keystroke's frame when the unsaved mark appears). Uses OptionList's
        caches as replace_option_prompt does (Textual 8); the public way when they differ, or
        when the line's height changes (the count grew a digit and the title wraps anew)."""
        prompt = self._prompt(name)
        try:
            index = self.get_option_index(name)
            option = self.get_option_at_index(index)
            line, height = self._line_cache.index_to_line[index], self._line_cache.heights[index]
            renders = self._option_render_cache
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            padding = self.get_component_styles("option-list--option").padding
            option._set_prompt(prompt)
            new_height = self._get_visual(option).get_height(self.styles, width - padding.width) + option._divider
        except (AttributeError, KeyError):
            self.replace_option_prompt(name, prompt)
            return
        if new_height != height:
            self._clear_caches()
            return
        for key in [k for k in renders.keys() if k[0] is option]:
            renders.discard(key)
        self.refresh_lines(line, height)

    @property
    def dirty_count(self) -> int:
        return sum(1 for info in self._info.values() if info["dirty"])

    def select_section(self, name: str) -> None:
        if name in self._info:
            self.highlighted = list(self._info).index(name)

    @property
    def current(self) -> str | None:
        if self.highlighted is None or not self._info:
            return None
        return list(self._info)[self.highlighted]

    def _prompt(self, name: str) -> Table:
        """Unsaved mark, the title, the count on the right. A long title wraps at its words onto
        a second line rather than being cut ("Professional Activities" in a narrow column)."""
        info = self._info[name]
        if info["error"]:
            count = Text("⚠", style="bold red")
        elif info["count"] is None:
            count = Text("…", style="dim")
        else:
            count = Text(str(info["count"]), style="dim")
        grid = Table.grid(expand=True)
        grid.add_column(width=2)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(Text("●" if info["dirty"] else " ", style="bold yellow"), Text(info["title"]), count)
        return grid
