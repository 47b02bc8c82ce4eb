"""The filter line above the entry table: `/` opens it, typing filters, enter goes to the table,
escape clears and closes it.

The bar owns the filter's state: its query (the typed words, spaces normalised) and the pause
after the typing. It posts what happened and the editor applies it:
- `QueryChanged` at every change of the words: the editor refilters the table at once;
- `Settled` once the typing pauses (FILTER_SETTLE) or at enter: the form and the preview follow
  the highlighted row then, not at every key (on 2,000 rows their redraw was most of a key's time);
- `Closed` at escape, after a `QueryChanged("")`.

The messages go straight to the screen, not up through the containers between: the screen then
refilters while it handles the keystroke, and the refilled table joins the frame that shows the
typed character instead of the next one.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

FILTER_SETTLE = 0.25  # seconds after the last filter key before the form and preview follow


class FilterBar(Input):
    BINDINGS = [Binding("escape", "close", "Close filter", id="filter.close")]

    # The text's width changes at every key; as a layout reactive (Widget's) each change relaid out
    # the whole screen (4-8 ms with the forms mounted). The bar's size never depends on its text,
    # and it shows no scrollbar: a repaint is all a change needs.
    virtual_size = Reactive(Size(0, 0), layout=False)

    class QueryChanged(Message):
        """The words typed changed: show the rows holding every word."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Settled(Message):
        """The typing paused (or enter): the form and the preview follow the highlighted row."""

    class Closed(Message):
        """Escape: the filter is cleared and the bar hidden."""

    def __init__(self, **kwargs):
        super().__init__(placeholder="filter: type words from the date, title or venue; escape clears", **kwargs)
        self.query = ""
        self._settle_timer = None

    # ------------------------------------------------------------ state

    def open(self) -> None:
        self.display = True
        self.focus()

    def reset(self) -> None:
        """Clear and hide the bar without posting anything (the editor shows another section)."""
        self._stop_timer()
        self.query = ""  # first: the value's watcher then finds no change to post
        if self.value:
            self.value = ""
        self.display = False

    def action_close(self) -> None:
        self.reset()
        self._post(self.QueryChanged(""))
        self._post(self.Closed())

    async def action_submit(self) -> None:
        self._settle()
        await super().action_submit()

    # ------------------------------------------------------------ typing

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()  # QueryChanged says it; no need to carry Input's own up every container

    def watch_value(self, value: str) -> None:
        query = " ".join(value.split())
        if query == self.query:
            return
        self.query = query
        self._post(self.QueryChanged(query))
        self._stop_timer()
        self._settle_timer = self.set_timer(FILTER_SETTLE, self._settle, name="filter-settle")

    def _settle(self) -> None:
        if self._settle_timer is not None:
            self._stop_timer()
            self._post(self.Settled())

    def _stop_timer(self) -> None:
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None

    def _post(self, message: Message) -> None:
        try:
            screen = self.screen
        except Exception:  # noqa: BLE001 (not mounted on a screen: nothing to tell)
            return
        screen.post_message(message)
