"""The always-visible git line: `main ↑1 ↓0 · 2 changed`, and the push progress while publishing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

if TYPE_CHECKING:  # the git layer is imported lazily, off the start-up path
    from homepage_tui.publish import RepoStatus


def format_status(status: "RepoStatus | None", note: str = "") -> str:
    """One line for the status bar; `note` says why it may be stale (e.g. the fetch failed)."""
    if status is None:
        text = "git: …"
    else:
        where = "detached HEAD" if status.detached else status.branch or "?"
        if status.state:
            where += f" ({status.state} in progress)"
        if status.upstream:
            counts = f"↑{status.ahead} ↓{status.behind}"
        else:
            counts = f"no upstream ↑{status.ahead}" if status.ahead else "no upstream"
        changed = len(status.changed_managed)
        text = f"{where} {counts} · {changed} changed"
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

    def show_status(self, status: "RepoStatus | None", note: str = "") -> None:
        self.query_one("#git-status-text", Static).update(format_status(status, note))

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
