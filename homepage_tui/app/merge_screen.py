"""The same field edited here and on the remote: both values side by side, the user picks one
per field (`m` mine, `t` theirs), and the publish runs again with those choices. Until then the
repository is as it was before publishing (the rebase was undone)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from homepage_tui.app.screen_css import PUBLISH_CSS_PATH

if TYPE_CHECKING:
    from homepage_tui.publish.content_merge import FieldConflict


def shown(value: Any) -> str:
    if value is None:
        return "(removed)"
    if isinstance(value, list):
        return "\n".join(f"- {v}" for v in value) or "(empty list)"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {v}" for k, v in value.items()) or "(empty)"
    return str(value)


class MergeChoiceScreen(ModalScreen["dict | None"]):
    """Dismisses with {conflict.key: "mine" | "theirs"} for every conflict, or None (cancel)."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("m", "pick('mine')", "Keep mine", id="merge.mine"),
        Binding("t", "pick('theirs')", "Take theirs", id="merge.theirs"),
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
    ]

    def __init__(self, conflicts: "list[FieldConflict]"):
        super().__init__()
        self.conflicts = list(conflicts)
        self.at = 0
        self.choices: dict = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-choice"):
            yield Label("Edited on both sides: pick one", id="merge-title")
            yield Static("", id="merge-where")
            with Horizontal(id="merge-sides"):
                with Vertical(id="merge-mine", classes="merge-side"):
                    yield Label("Here (yours)  [m]", classes="merge-side-title")
                    yield Static("", id="merge-mine-value", markup=False)
                with Vertical(id="merge-theirs", classes="merge-side"):
                    yield Label("On the remote  [t]", classes="merge-side-title")
                    yield Static("", id="merge-theirs-value", markup=False)
            yield Static("", id="merge-base", markup=False)
            with Horizontal(id="merge-buttons"):
                yield Button("Keep mine", variant="primary", id="merge-pick-mine")
                yield Button("Take theirs", id="merge-pick-theirs")
                yield Button("Cancel", id="merge-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        conflict = self.conflicts[self.at]
        count = f" ({self.at + 1} of {len(self.conflicts)})" if len(self.conflicts) > 1 else ""
        self.query_one("#merge-where", Static).update(
            f"{conflict.path}: {conflict.label}, field “{conflict.field}”{count}")
        self.query_one("#merge-mine-value", Static).update(shown(conflict.mine))
        self.query_one("#merge-theirs-value", Static).update(shown(conflict.theirs))
        self.query_one("#merge-base", Static).update(f"Before either edit: {shown(conflict.base)}")

    def action_pick(self, side: str) -> None:
        self.choices[self.conflicts[self.at].key] = side
        if self.at + 1 < len(self.conflicts):
            self.at += 1
            self._show()
        else:
            self.dismiss(self.choices)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "merge-pick-mine":
            self.action_pick("mine")
        elif event.button.id == "merge-pick-theirs":
            self.action_pick("theirs")
        else:
            self.action_cancel()
