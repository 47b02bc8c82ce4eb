"""The review before publishing, and the yes/no offers when a push needs one more step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static, TextArea

from homepage_tui.app.git_status import format_status
from homepage_tui.app.screen_css import PUBLISH_CSS_PATH

if TYPE_CHECKING:
    from rich.syntax import Syntax

    from homepage_tui.publish import Review


SHORT = 32  # rows: below this the review takes the whole screen


class PublishReviewScreen(ModalScreen["str | None"]):
    """The diff of the managed files in colour, the other changed files (left alone), and the
    message to edit. Dismisses with the message to publish, or None when cancelled."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("ctrl+s", "publish", "Publish", id="review.publish", priority=True),
        Binding("escape", "cancel", "Cancel", id="review.cancel"),
        Binding("ctrl+b", "toggle_build", "Build check on/off", id="review.toggle_build", priority=True),
    ]

    def __init__(self, review: "Review"):
        super().__init__()
        self.review = review
        self.build_check = True  # jekyll build before committing; ctrl+b skips it for this publish

    def compose(self) -> ComposeResult:
        review = self.review
        status = review.status
        with Vertical(id="publish-review"):
            yield Label("Review and publish", id="review-title")
            target = status.upstream or "no upstream yet"
            yield Static(f"{format_status(status)} → {target}", id="review-target")
            # Scrolls both ways: a diff line longer than the screen is reached with → (or the mouse).
            with ScrollableContainer(id="review-diff"):
                yield Static(self._diff_renderable(), id="review-diff-text")
            yield Static(self._others_text(), id="review-others")
            yield Label("Commit message", id="review-message-label")
            yield TextArea(review.message, id="review-message", soft_wrap=True)
            yield Static(self._build_text(), id="review-build")
            with Horizontal(id="review-buttons"):
                yield Button("Publish", variant="primary", id="review-publish")
                yield Button("Cancel", id="review-cancel")
        yield Footer()

    def _diff_renderable(self) -> "Syntax | Text":
        from rich.syntax import Syntax  # pygments: imported when the review opens, not at start-up

        if self.review.diff_text:
            return Syntax(self.review.diff_text, "diff", theme="ansi_dark", word_wrap=False)
        ahead = self.review.status.ahead
        if ahead:
            return Text(f"No managed file changed; {ahead} local commit(s) will be pushed.")
        return Text("No managed file changed and nothing waiting to be pushed.")

    def _others_text(self) -> str:
        others = self.review.other_changed
        if not others:
            return "No other changed files."
        shown = ", ".join(others[:12]) + (f" and {len(others) - 12} more" if len(others) > 12 else "")
        return f"Not staged, left as they are: {shown}"

    def on_mount(self) -> None:
        self.query_one("#review-message", TextArea).focus()

    def on_resize(self) -> None:
        # At 24 rows the box, the message and the buttons left the diff one line: a short
        # terminal gets the whole screen and a shorter message box.
        self.set_class(self.size.height < SHORT, "-short")

    def _build_text(self) -> str:
        if self.build_check:
            return "Before pushing: check the content, then build the site with Jekyll (ctrl+b: skip the build)"
        return "Before pushing: check the content; the Jekyll build is skipped (ctrl+b: build)"

    def action_toggle_build(self) -> None:
        """Skip (or restore) the Jekyll build check for this publish."""
        self.build_check = not self.build_check
        self.query_one("#review-build", Static).update(self._build_text())

    def action_publish(self) -> None:
        self.dismiss(self.query_one("#review-message", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "review-publish":
            self.action_publish()
        else:
            self.action_cancel()


class ConfirmPublishStep(ModalScreen[bool]):
    """One yes/no question: "Push to origin/main and set upstream?", "Pull with rebase, then push?"."""

    CSS_PATH = PUBLISH_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = ""):
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-publish"):
            yield Label(self.question, id="confirm-question")
            if self.detail:
                yield Static(self.detail, id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes", variant="primary", id="confirm-yes")
                yield Button("No", id="confirm-no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
