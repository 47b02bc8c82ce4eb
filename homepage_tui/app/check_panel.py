"""The check panel (`c`): what `homepage-tui check` reports, in the app. Enter jumps to the
entry a problem is on; `g` puts a section that has no region on the page, under a heading the
user names. The rules run in a thread worker on a fresh Site (the editor's own keeps its edits).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from homepage_tui.app.screen_css import PUBLISH_CSS_PATH

if TYPE_CHECKING:
    from homepage_tui.lint import Problem

CHECK_BINDINGS = [Binding("c", "check_site", "Check", id="check_site", tooltip="Check the site as `check` does")]


class CheckDone(Message):
    def __init__(self, problems: "list[Problem] | None", error: str = ""):
        super().__init__()
        self.problems = problems
        self.error = error


class HeadingPrompt(ModalScreen["str | None"]):
    """Asks for the heading a section's new region goes under."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="heading.cancel")]

    def __init__(self, section: str, suggestion: str):
        super().__init__()
        self.section = section
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="heading-prompt"):
            yield Label(f"Put {self.section!r} on the page under the heading:", id="heading-question")
            yield Input(self.suggestion, id="heading-input")
            yield Static("An existing heading with these words gets the region; otherwise a new "
                         "`# heading` is added at the end of the page.", id="heading-hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CheckScreen(ModalScreen["tuple[str, int] | None"]):
    """Dismisses with (file, line) to jump to, or None."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("escape", "close", "Close", id="check.close"),
        Binding("enter", "jump", "Go to", id="check.jump", priority=True),
        Binding("g", "add_region", "Add region", id="check.add_region"),
        Binding("r", "rerun", "Check again", id="check.rerun"),
    ]

    def __init__(self, root: Path, today):
        super().__init__()
        self.root = Path(root)
        self.today = today
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="check-panel"):
            yield Label("Check", id="check-title")
            yield Static("Checking…", id="check-summary")
            yield DataTable(id="check-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "where", "problem")
        table.focus()
        self.run_check()

    @work(thread=True, exclusive=True, group="check")
    def run_check(self) -> None:
        from homepage_tui.errors import HomepageError
        from homepage_tui.lint import lint_site
        from homepage_tui.site import Site

        try:
            self.post_message(CheckDone(lint_site(Site.open(self.root), today=self.today)))
        except HomepageError as error:
            self.post_message(CheckDone(None, str(error)))

    def on_check_done(self, message: CheckDone) -> None:
        from homepage_tui.lint import summary

        table = self.query_one(DataTable)
        table.clear()
        status = self.query_one("#check-summary", Static)
        if message.problems is None:
            status.update(message.error)
            return
        self.problems = message.problems
        for problem in self.problems:
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            mark = "✗ error" if problem.severity == "error" else "! warning"
            table.add_row(mark, where, problem.message)
        status.update(summary(self.problems) if self.problems else "No problems: the site is ready to publish.")
        self.refresh_bindings()

    def _selected(self) -> "Problem | None":
        table = self.query_one(DataTable)
        if not self.problems or table.cursor_row is None or not 0 <= table.cursor_row < len(self.problems):
            return None
        return self.problems[table.cursor_row]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "add_region":
            problem = self._selected()
            return problem is not None and problem.rule == "no-region"
        return True

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_rerun(self) -> None:
        self.query_one("#check-summary", Static).update("Checking…")
        self.run_check()

    def action_jump(self) -> None:
        problem = self._selected()
        if problem is not None and problem.line:
            self.dismiss((problem.path, problem.line))

    def action_add_region(self) -> None:
        problem = self._selected()
        if problem is None or problem.rule != "no-region":
            return
        name = problem.message.split("'")[1]
        from homepage_tui.site import Site

        settings = Site.open(self.root).section_settings(name)
        suggestion = str(settings.get("title") or name.replace("_", " ").title())

        def chosen(heading: str | None) -> None:
            if heading:
                self._add_region(name, heading)

        self.app.push_screen(HeadingPrompt(name, suggestion), callback=chosen)

    def _add_region(self, name: str, heading: str) -> None:
        from homepage_tui.add_region import add_region
        from homepage_tui.errors import HomepageError
        from homepage_tui.site import Site

        try:
            page, line = add_region(Site.open(self.root), name, heading)
        except HomepageError as error:
            self.notify(str(error), title="Add region", severity="error")
            return
        self.notify(f"{page.name}:{line}: {name!r} is on the page now (under “{heading}”)", title="Add region")
        self.action_rerun()


class CheckActions:
    """The `c` key and its palette entry for the main app (like PublishActions)."""

    def action_check_site(self) -> None:
        """Check the content and the page as `homepage-tui check` does."""
        if isinstance(self.screen, CheckScreen):  # type: ignore[attr-defined]
            return
        root = getattr(self, "root", None)
        if root is None:
            return
        self.push_screen(CheckScreen(root, getattr(self, "today", None)),  # type: ignore[attr-defined]
                         callback=self._check_closed)

    def _check_closed(self, where: "tuple[str, int] | None") -> None:
        if where is not None:
            self.show_problem(*where)

    def show_problem(self, path: str, line: int) -> None:
        """Show the entry that holds `line` of content file `path` (other files: nothing to show)."""
        editor = self.editor  # type: ignore[attr-defined]
        target = (Path(self.root) / path).resolve()  # type: ignore[attr-defined]
        for name, section in editor.sections.items():
            if section.path.resolve() != target:
                continue
            doc = section.file.doc
            index = max((i for i in range(len(doc)) if doc.entry_line(i) <= line), default=0)
            editor.show_section(name, keep=index)
            return

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # type: ignore[misc]
        yield SystemCommand("Check the site", "What `homepage-tui check` reports, and add missing regions (c)",
                            self.action_check_site)
