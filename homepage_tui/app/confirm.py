"""A small modal that asks one question and returns the chosen answer's value."""

from __future__ import annotations

from typing import Any, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from homepage_tui.app.screen_css import DIALOGS_CSS_PATH


class Choice:
    """One answer: the key that picks it, its button label, the value returned."""

    def __init__(self, key: str, label: str, value: Any, variant: str = "default"):
        self.key = key
        self.label = label
        self.value = value
        self.variant = variant


class ConfirmModal(ModalScreen[Any]):
    """`question` in bold, `detail` below, one button per choice; escape returns `cancel_value`."""

    CSS_PATH = DIALOGS_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="confirm.cancel")]

    def __init__(self, question: str, detail: str = "", choices: Sequence[Choice] | None = None,
                 cancel_value: Any = None, id: str | None = None):
        super().__init__(id=id)
        self.question = question
        self.detail = detail
        self.choices = list(choices or [Choice("y", "Yes", True, "error"), Choice("n", "No", False)])
        self.cancel_value = cancel_value

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(self.question, id="confirm-question")
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-choices"):
                for i, choice in enumerate(self.choices):
                    yield Button(f"{choice.label} [{choice.key}]", variant=choice.variant,  # type: ignore[arg-type]
                                 id=f"choice-{i}")

    def on_mount(self) -> None:
        self.query_one("#choice-0", Button).focus()

    def on_key(self, event) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        index = int((event.button.id or "choice-0").split("-")[1])
        self.dismiss(self.choices[index].value)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_value)
