"""The always-visible status line: `main ↑1 ↓0 · 1 unsaved · 2 uncommitted` (edits not yet
written, and managed files git sees changed), and the push progress while publishing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

GIT_STATUS_CSS_PATH = Path(__file__).with_name("git_status.tcss")  # the host app's CSS_PATH has it

if TYPE_CHECKING:  # the git layer is imported lazily, off the start-up path
    from homepage_tui.publish import RepoStatus


def format_status(status: "RepoStatus | None", note: str = "", unsaved: int | None = None) -> str:
    """One line for the status bar; `note` says why it may be stale (e.g. the fetch failed);
    `unsaved` is the number of sections with edits not yet saved (None: not an editor's line)."""
    edits = f"{unsaved} unsaved · " if unsaved is not None else ""
    if status is None:
        text = f"git: … · {edits}".rstrip(" ·")
    else:
        where = "detached HEAD" if status.detached else status.branch or "?"
        if status.state:
            where += f" ({status.state} in progress)"
        if status.upstream:
            counts = f"↑{status.ahead} ↓{status.behind}"
        else:
            counts = f"no upstream ↑{status.ahead}" if status.ahead else "no upstream"
        changed = len(status.changed_managed)
        text = f"{where} {counts} · {edits}{changed} {'uncommitted' if unsaved is not None else 'changed'}"
    return f"{text} · {note}" if note else text


class GitStatusBar(Horizontal):
    """Branch, ahead/behind and changed managed files; a progress bar replaces nothing, it joins
    the line while a push runs. Fed by the app (`show_status`, `show_progress`), never by a thread."""

    def compose(self) -> ComposeResult:
        yield Static(format_status(None), id="git-status-text")
        yield Static("", id="git-progress-stage")
        yield ProgressBar(total=100, show_eta=False, id="git-progress")

    def on_mount(self) -> None:
        self.hide_progress()

    _status: "RepoStatus | None" = None
    _note = ""
    _unsaved: int | None = None

    def show_status(self, status: "RepoStatus | None", note: str = "") -> None:
        self._status, self._note = status, note
        self._show()

    def show_unsaved(self, count: int) -> None:
        """The editor's count of sections with unsaved edits (the line then says `uncommitted`
        for git's count, so the two are never confused)."""
        if count != self._unsaved:
            self._unsaved = count
            self._show()

    _shown = ""

    def _show(self) -> None:
        text = format_status(self._status, self._note, self._unsaved)
        if text == self._shown:
            return
        # The line's width is its text's (width: auto): only a new width needs a layout of the
        # screen. The unsaved count changes at keystrokes (1 unsaved, 0 once the typing is undone).
        layout = cell_len(text) != cell_len(self._shown)
        self._shown = text
        self.query_one("#git-status-text", Static).update(text, layout=layout)

    @property
    def status_text(self) -> str:
        return str(self.query_one("#git-status-text", Static).render())

    def show_progress(self, stage: str, fraction: float | None) -> None:
        bar = self.query_one("#git-progress", ProgressBar)
        stage_label = self.query_one("#git-progress-stage", Static)
        bar.display = stage_label.display = True
        stage_label.update(stage)
        if fraction is None:
            bar.update(total=None)  # indeterminate: git does not know the size yet
        else:
            bar.update(total=100, progress=round(fraction * 100))

    def hide_progress(self) -> None:
        self.query_one("#git-progress", ProgressBar).display = False
        self.query_one("#git-progress-stage", Static).display = False
