"""`?`: every key of the app, grouped by where it applies, read from the bindings (app/keys.py)
with the user's key overrides applied, and the binding ids the settings file's [keys] takes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from homepage_tui.app.keys import KeyGroup, key_groups
from homepage_tui.app.screen_css import HELP_CSS_PATH


class HelpScreen(ModalScreen[None]):
    CSS_PATH = HELP_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        settings_path = getattr(self.app, "settings_path", None)
        with Vertical(id="help-box"):
            yield Label("Keys", id="help-title")
            yield Static(
                "Every key, by where it applies. Change one in the settings file's [keys] table by its id"
                + (f" ({settings_path})" if settings_path else "") + "; every action is also in the "
                "command palette.", id="help-intro", markup=False)
            with VerticalScroll(id="help-groups"):
                for group in key_groups(self.app):
                    if group.keys:
                        yield Label(group.title, classes="help-group-title")
                        yield Static(self._table(group), classes="help-group")

    @staticmethod
    def _table(group: KeyGroup) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        # Fixed key and id columns, so that the groups' tables line up under each other.
        table.add_column("key", style="bold", no_wrap=True, width=14)
        table.add_column("does", ratio=1)
        table.add_column("id", style="dim", no_wrap=True, width=22)
        for info in group.keys:
            table.add_row(Text(info.keys), Text(info.description), Text(info.binding_id))
        return table

    def on_mount(self) -> None:
        self.query_one("#help-groups").focus()

    def action_close(self) -> None:
        self.dismiss(None)
