"""Why a publish was refused before anything was committed: the checks' FILE:LINE lines, and
Jekyll's own words when the build failed (with the choice to publish without the build check)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from homepage_tui.app.screen_css import PUBLISH_CSS_PATH

if TYPE_CHECKING:
    from homepage_tui.publish.preflight import PreflightError

SKIP_BUILD = "skip-build"
OUTPUT_LINES = 30  # Jekyll's output shown, without Ruby's backtrace


def jekyll_output(text: str) -> str:
    """Jekyll's messages without the backtrace lines (`from /usr/...`) nobody can act on."""
    kept = [ln.rstrip() for ln in text.splitlines()
            if ln.strip() and not ln.lstrip().startswith("from ") and ".rb:" not in ln]
    return "\n".join(kept[-OUTPUT_LINES:])


class PublishBlockedScreen(ModalScreen["str | None"]):
    """Dismisses with SKIP_BUILD when the user publishes without the build check, else None."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("escape", "close", "Close", id="blocked.close"),
        Binding("b", "skip_build", "Publish without build check", id="blocked.skip_build"),
    ]

    def __init__(self, error: "PreflightError"):
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        error = self.error
        with Vertical(id="publish-blocked"):
            yield Label("Not published: nothing was committed", id="blocked-title")
            what = "Jekyll cannot build the site" if error.build_only else "Fix these first"
            yield Label(what, id="blocked-what")
            yield Static("\n".join(error.problems), id="blocked-problems", markup=False)
            if error.build_only and error.build is not None and error.build.output:
                with VerticalScroll(id="blocked-output"):
                    yield Static(jekyll_output(error.build.output), markup=False)
            with Horizontal(id="blocked-buttons"):
                if error.build_only:
                    yield Button("Publish without build check", variant="warning", id="blocked-skip")
                yield Button("Close", variant="primary", id="blocked-close")
        yield Footer()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "skip_build":
            return self.error.build_only
        return True

    def on_mount(self) -> None:
        self.query_one("#blocked-close", Button).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_skip_build(self) -> None:
        self.dismiss(SKIP_BUILD)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(SKIP_BUILD if event.button.id == "blocked-skip" else None)
