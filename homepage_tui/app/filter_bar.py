"""The filter line above the entry table: `/` opens it, typing filters, escape closes it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    BINDINGS = [Binding("escape", "close", "Close filter", id="filter.close")]

    class Closed(Message):
        """Escape: the filter is cleared and the bar hidden."""

    def __init__(self, **kwargs):
        super().__init__(placeholder="filter: type words from the date, title or venue; escape clears", **kwargs)

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Closed())
