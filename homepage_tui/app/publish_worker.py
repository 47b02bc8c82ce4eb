"""Publishing from the app: the P and v keys, git work in a thread worker, results as messages.

The main app mixes `PublishActions` in before `App` and adds `PUBLISH_BINDINGS` and the status
line's `GIT_STATUS_CSS_PATH` (the publish screens bring their own sheet); see the class docstring.
Git never runs on the UI thread: every call goes through one thread worker group ("git") and one
lock, so a publish never races the start-up fetch.
The git layer is imported inside the workers, keeping GitPython off the start-up path.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.errors import HomepageError, PublishError

# The publish screens (the review's TextArea among them) are imported when one is first shown:
# the editor's first frame does not wait for them (test_app_startup_imports).

if TYPE_CHECKING:
    from homepage_tui.publish import PublishResult, RepoStatus, Review

PUBLISH_BINDINGS = [
    Binding("P", "publish", "Publish", id="publish"),
    Binding("v", "review_publish", "Review+publish", id="review_publish"),
]
FETCH_TIMEOUT = 20.0  # the start-up fetch gives up after this; the app never waits for it


class PublishFinished(Message):
    def __init__(self, result: "PublishResult"):
        super().__init__()
        self.result = result


class PublishFailed(Message):
    def __init__(self, error: HomepageError):
        super().__init__()
        self.error = error


class PublishChecked(Message):
    """The checks before publishing passed; `notes` are what the user should hear anyway."""

    def __init__(self, notes: list[str]):
        super().__init__()
        self.notes = notes


class GitStatusChanged(Message):
    def __init__(self, status: "RepoStatus | None", note: str = ""):
        super().__init__()
        self.status = status
        self.note = note


class ReviewReady(Message):
    def __init__(self, review: "Review"):
        super().__init__()
        self.review = review


class PublishActions:
    """Publish keys and git status for the main app::

        class HomepageApp(PublishActions, App):
            BINDINGS = [..., *PUBLISH_BINDINGS]
            CSS_PATH = [..., GIT_STATUS_CSS_PATH]

            def compose(self):
                ...
                yield GitStatusBar()

            def on_mount(self):
                self.start_git_status()  # local status at once, then a background fetch

    `publish_paths()` reads `self.site` (a Site); override it if the app keeps the site elsewhere.
    Call `refresh_git_status()` after saving content so the changed count follows.
    """

    git_status: "RepoStatus | None" = None
    _publish_busy: bool = False
    _build_skip_said: bool = False

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 (passed on to App)
        super().__init__(*args, **kwargs)
        # Made here, on the UI thread, before any worker can run: one lock for every git worker.
        self._git_lock = threading.Lock()

    # -- what the host provides ------------------------------------------------------------------

    def publish_paths(self) -> tuple[Path, list[Path]]:
        """The site root and the managed files; by default from the app's `site` attribute."""
        site = self.site  # type: ignore[attr-defined]
        return site.root, site.managed_paths()

    # -- keys and palette ------------------------------------------------------------------------

    def action_publish(self) -> None:
        """Commit the changed managed files with the generated message, then push."""
        if self._blocked():
            return
        self._start_publish()

    def action_review_publish(self) -> None:
        """Show the diff, the files left alone and the message first; publish on confirmation."""
        if self._blocked():
            return
        paths = self._paths_or_notify()
        if paths is None:
            return
        root, managed = paths

        def work() -> None:
            from homepage_tui.publish import review

            with self._git_lock:
                try:
                    self.post_message(ReviewReady(review(root, managed)))
                except Exception as error:  # noqa: BLE001 (reported to the user, not swallowed)
                    self.post_message(PublishFailed(_as_user_error(error)))

        self.run_worker(work, thread=True, group="git", name="review", exit_on_error=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # type: ignore[misc]
        yield SystemCommand(
            "Publish", "Commit the changed content and push it (P)", self.action_publish
        )
        yield SystemCommand(
            "Review and publish",
            "See the diff and edit the commit message, then push (v)",
            self.action_review_publish,
        )

    # -- git status ------------------------------------------------------------------------------

    def start_git_status(self, fetch: bool = True) -> None:
        """Show the local status at once, then fetch in the background (bounded by FETCH_TIMEOUT)
        and show ahead/behind as the remote has them. Never blocks; call it from on_mount."""
        paths = self._paths_or_notify(quiet=True)
        if paths is None:
            return
        root, managed = paths

        def work() -> None:
            from homepage_tui.publish import fetch as git_fetch

            self._post_status(root, managed)
            if not fetch:
                return
            with self._git_lock:
                try:
                    note = "" if git_fetch(root, timeout=FETCH_TIMEOUT) else "no remote"
                except Exception as error:  # noqa: BLE001 (shown on the status line)
                    note = _fetch_note(error)
            self._post_status(root, managed, note)

        self.run_worker(work, thread=True, group="git", name="git-status", exit_on_error=False)

    def refresh_git_status(self) -> None:
        """Recount the changed files and ahead/behind (local only, in a worker)."""
        self.start_git_status(fetch=False)

    def on_git_status_changed(self, message: GitStatusChanged) -> None:
        self.git_status = message.status
        for bar in self._status_bars():
            bar.show_status(message.status, message.note)

    # -- publishing ------------------------------------------------------------------------------

    def _start_publish(
        self, message: str | None = None, rebase: bool = False, set_upstream: bool = False,
        build: bool = True, resolutions: dict | None = None,
    ) -> None:
        paths = self._paths_or_notify()
        if paths is None:
            return
        root, managed = paths
        self._publish_busy = True
        self._publish_options = {"message": message, "rebase": rebase, "set_upstream": set_upstream}
        progress = self._progress_forwarder()

        def work() -> None:
            from homepage_tui.publish import publish

            with self._git_lock:
                try:
                    self._check_before_publish(root, managed, build)
                    result = publish(
                        root, managed, message=message, rebase=rebase,
                        set_upstream=set_upstream, progress=progress, resolutions=resolutions,
                    )
                except Exception as error:  # noqa: BLE001 (reported to the user, not swallowed)
                    self.post_message(PublishFailed(_as_user_error(error)))
                else:
                    self.post_message(PublishFinished(result))
            self._post_status(root, managed)

        self.run_worker(work, thread=True, group="git", name="publish", exit_on_error=False)

    @property
    def publish_busy(self) -> bool:
        """A publish is running (its pull may be rewriting the content files)."""
        return self._publish_busy

    def _check_before_publish(self, root: Path, managed: list[Path], build: bool) -> None:
        """From the git worker: the checks of `check` and `render --check`, then Jekyll, on a
        fresh Site (the editor's own keeps its sections). Raises PreflightError when refused."""
        from homepage_tui.publish import repo_status
        from homepage_tui.publish.preflight import preflight
        from homepage_tui.site import Site

        status = repo_status(root, managed)
        if not (status.changed_managed or status.ahead or not status.upstream):
            return  # nothing to publish: publish() says so
        if build:
            self.call_from_thread(self._show_progress, "Building the site with Jekyll", None)
        report = preflight(Site.open(root), build=build)
        self.post_message(PublishChecked(report.notes))

    def on_publish_checked(self, message: PublishChecked) -> None:
        self._hide_progress()
        if message.notes and not self._build_skip_said:
            self._build_skip_said = True  # said once a session, not at every publish
            self.notify("\n".join(message.notes), title="Publish", severity="warning", timeout=8)

    def on_publish_finished(self, message: PublishFinished) -> None:
        self._publish_busy = False
        self._hide_progress()
        result = message.result
        subject = (result.message or "").splitlines()[0] if result.message else ""
        self.notify(result.describe() + (f"\n{subject}" if subject else ""), title="Published")

    def on_publish_failed(self, message: PublishFailed) -> None:
        from homepage_tui.publish import NoUpstreamError, PushRejectedError
        from homepage_tui.publish.preflight import PreflightError
        from homepage_tui.publish.rebase import MergeConflictError
        from homepage_tui.app.merge_screen import MergeChoiceScreen
        from homepage_tui.app.publish_blocked import SKIP_BUILD, PublishBlockedScreen
        from homepage_tui.app.publish_screen import ConfirmPublishStep

        self._publish_busy = False
        self._hide_progress()
        error = message.error
        if isinstance(error, PreflightError):
            options = dict(getattr(self, "_publish_options", {}))
            self.push_screen(
                PublishBlockedScreen(error),
                callback=lambda choice: self._start_publish(**options, build=False)
                if choice == SKIP_BUILD else None,
            )
        elif isinstance(error, MergeConflictError):
            # The rebase was undone; once a side is picked for each field, pull and push again.
            self.push_screen(
                MergeChoiceScreen(error.conflicts),
                callback=lambda picks: self._start_publish(rebase=True, resolutions=picks)
                if picks else None,
            )
        elif isinstance(error, NoUpstreamError):
            self.push_screen(
                ConfirmPublishStep(
                    f"Push to {error.remote}/{error.branch} and set it as upstream?", str(error)
                ),
                callback=lambda yes: self._start_publish(set_upstream=True) if yes else None,
            )
        elif isinstance(error, PushRejectedError):
            self.push_screen(
                ConfirmPublishStep("Pull with rebase, then push?", str(error)),
                callback=lambda yes: self._start_publish(rebase=True) if yes else None,
            )
        else:
            self.notify(str(error), title="Publish failed", severity="error", timeout=15)

    def on_review_ready(self, message: ReviewReady) -> None:
        from homepage_tui.app.publish_screen import PublishReviewScreen

        review = message.review
        if not review.managed_changed and not review.status.ahead:
            self.notify("Nothing to publish: no managed file changed.", title="Review")
            return
        screen = PublishReviewScreen(review)
        self.push_screen(screen, callback=lambda text: self._review_closed(text, screen.build_check))

    def _review_closed(self, text: str | None, build: bool = True) -> None:
        if text is not None:
            self._start_publish(message=text, build=build)

    # -- helpers ---------------------------------------------------------------------------------

    def _blocked(self) -> bool:
        from homepage_tui.app.merge_screen import MergeChoiceScreen
        from homepage_tui.app.publish_blocked import PublishBlockedScreen
        from homepage_tui.app.publish_screen import ConfirmPublishStep, PublishReviewScreen

        if isinstance(self.screen, (PublishReviewScreen, ConfirmPublishStep, PublishBlockedScreen, MergeChoiceScreen)):  # type: ignore[attr-defined]
            return True
        if self._publish_busy:
            self.notify("A publish is already running.", severity="warning")
            return True
        return False

    def _paths_or_notify(self, quiet: bool = False) -> tuple[Path, list[Path]] | None:
        try:
            root, managed = self.publish_paths()
        except HomepageError as error:
            if not quiet:
                self.notify(str(error), title="Publish", severity="error")
            return None
        return root, list(managed)

    def _post_status(self, root: Path, managed: list[Path], note: str = "") -> None:
        """From a worker thread: read the status and send it to the UI (post_message is thread-safe)."""
        from homepage_tui.publish import repo_status

        try:
            status = repo_status(root, managed)
        except HomepageError as error:
            self.post_message(GitStatusChanged(None, str(error)))
            return
        self.post_message(GitStatusChanged(status, note))

    def _progress_forwarder(self) -> Callable[[str, "float | None"], None]:
        """A progress callback for the git thread: forwards whole-percent changes to the UI."""
        last: list[tuple[str, int | None]] = []

        def forward(stage: str, fraction: float | None) -> None:
            key = (stage, None if fraction is None else int(fraction * 100))
            if last and last[-1] == key:
                return
            last[:] = [key]
            self.call_from_thread(self._show_progress, stage, fraction)

        return forward

    def _status_bars(self) -> list[GitStatusBar]:
        bars: list[GitStatusBar] = []
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            bars.extend(screen.query(GitStatusBar))
        return bars

    def _show_progress(self, stage: str, fraction: float | None) -> None:
        for bar in self._status_bars():
            bar.show_progress(stage, fraction)

    def _hide_progress(self) -> None:
        for bar in self._status_bars():
            bar.hide_progress()


def _as_user_error(error: Exception) -> HomepageError:
    """A bug below must reach the user as a message, not kill the app with their edits in it."""
    if isinstance(error, HomepageError):
        return error
    return PublishError(f"publish failed unexpectedly: {type(error).__name__}: {error}")


def _fetch_note(error: Exception) -> str:
    from homepage_tui.publish import AuthRequiredError, RemoteUnreachableError

    if isinstance(error, RemoteUnreachableError):
        return "offline"
    if isinstance(error, AuthRequiredError):
        return "fetch needs credentials"
    return "fetch failed"
