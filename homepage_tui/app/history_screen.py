"""`h`: the history of the selected entry: the commits that changed it, each with the diff of
that entry; `r` restores the entry to the selected version as an ordinary edit (ctrl+z undoes it,
ctrl+s saves it). git runs in a thread worker in the app's git group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Label, Static

from homepage_tui.app.screen_css import PUBLISH_CSS_PATH

if TYPE_CHECKING:
    from homepage_tui.publish.history import EntryVersion

HISTORY_BINDINGS = [Binding("h", "entry_history", "History", id="entry_history",
                            tooltip="The commits that changed this entry, and restore one")]


class HistoryLoaded(Message):
    def __init__(self, versions: "list[EntryVersion] | None", error: str = ""):
        super().__init__()
        self.versions = versions
        self.error = error


class HistoryScreen(ModalScreen["dict | None"]):
    """Dismisses with the fields of the version to restore, or None."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("escape", "close", "Close", id="history.close"),
        Binding("r", "restore", "Restore this version", id="history.restore"),
    ]

    def __init__(self, root, path, section_type: str, entry: dict[str, Any], title: str):
        super().__init__()
        self.root, self.path, self.section_type, self.entry, self.title = root, path, section_type, entry, title
        self.versions: list[EntryVersion] = []
        self.shown: EntryVersion | None = None  # the version whose diff is on screen

    def compose(self) -> ComposeResult:
        with Vertical(id="history-panel"):
            yield Label(f"History: {self.title}", id="history-title")
            yield Static("Reading the history…", id="history-summary")
            with Horizontal(id="history-body"):
                yield DataTable(id="history-table", cursor_type="row")
                with VerticalScroll(id="history-diff"):
                    yield Static("", id="history-diff-text")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("commit", "date", "what")
        table.focus()
        self.load_history()

    @work(thread=True, exclusive=True, group="git")
    def load_history(self) -> None:
        from homepage_tui.errors import HomepageError
        from homepage_tui.publish.history import entry_history

        try:
            versions = entry_history(self.root, self.path, self.section_type, self.entry)
        except HomepageError as error:
            self.post_message(HistoryLoaded(None, str(error)))
            return
        self.post_message(HistoryLoaded(versions))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        summary = self.query_one("#history-summary", Static)
        if message.versions is None:
            summary.update(message.error)
            return
        self.versions = message.versions
        table = self.query_one(DataTable)
        for version in self.versions:
            table.add_row(version.short, version.date, ("added: " if version.added else "") + version.subject)
        if not self.versions:
            summary.update("No commit has this entry yet: it is new, or not committed.")
        else:
            summary.update(f"{len(self.versions)} commit(s) changed this entry; r restores the selected version")
            self._show_diff(0)
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_diff(event.cursor_row)

    def _show_diff(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        from rich.syntax import Syntax  # pygments: imported when a diff is shown, not at start-up

        version = self.versions[row]
        self.shown = version
        body = Syntax(version.diff, "diff", theme="ansi_dark", word_wrap=True) if version.diff else Text("")
        self.query_one("#history-diff-text", Static).update(body)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "restore":
            return bool(self.versions)
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_restore(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if self.versions and 0 <= row < len(self.versions):
            self.dismiss(dict(self.versions[row].fields))


def restore_entry(editor, name: str, index: int, fields: dict[str, Any], sha: str = "") -> bool:
    """Make entry `index` of section `name` exactly `fields`, as the editor's own edits are made:
    one undo step in the session, then the change, the table, form and preview following."""
    from homepage_tui.errors import HomepageError

    section = editor.sections.get(name)
    if section is None:
        return False
    editor.session.begin_change(name, f"restore of entry {index + 1}" + (f" from {sha[:7]}" if sha else ""),
                                index=index)
    try:
        changed = section.replace(index, fields)
    except HomepageError as error:
        editor.notify(str(error), title="Not restored", severity="error")
        return False
    editor._refresh_rows(section, select=index)
    editor.load_entry(index, force=True)
    editor.schedule_preview()
    return changed


class HistoryActions:
    """The `h` key and its palette entry for the main app."""

    def action_entry_history(self) -> None:
        """Show the commits that changed the selected entry."""
        editor = self.editor  # type: ignore[attr-defined]
        if self.screen is not editor:  # type: ignore[attr-defined]
            return
        name, index = editor.current, editor.index
        section = editor.sections.get(name or "")
        if section is None or index is None:
            self.notify("Select an entry first: h shows its history.", title="History")  # type: ignore[attr-defined]
            return
        entry = section.entry(index)
        from homepage_tui.publish.message import entry_label

        screen = HistoryScreen(self.root, section.path, section.type, entry,  # type: ignore[attr-defined]
                               f"{section.title or name}, {entry_label(entry)}")

        def chosen(fields: dict | None) -> None:
            if fields is not None and restore_entry(editor, name, index, fields):
                self.notify("Restored the entry to that version: ctrl+z undoes it, ctrl+s saves it.",  # type: ignore[attr-defined]
                            title="History")

        self.push_screen(screen, callback=chosen)  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # type: ignore[misc]
        yield SystemCommand("Entry history", "The commits that changed the selected entry; restore one (h)",
                            self.action_entry_history)
