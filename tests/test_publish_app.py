"""The publish keys in a real Textual app (Pilot), against real repositories.

The host app mixes in PublishActions exactly as the main app does (see its docstring).
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Footer, Static, TextArea

from homepage_tui.app.git_status import GIT_STATUS_CSS_PATH, GitStatusBar, format_status
from homepage_tui.app.publish_screen import ConfirmPublishStep, PublishReviewScreen
from homepage_tui.app.publish_worker import (
    PUBLISH_BINDINGS,
    PublishActions,
    PublishFailed,
    PublishFinished,
)
from homepage_tui.publish import RepoStatus
from homepage_tui.site import Site
from publish_support import clone, free_port, git, make_rendered_site


class Host(PublishActions, App):
    BINDINGS = [*PUBLISH_BINDINGS]
    CSS_PATH = GIT_STATUS_CSS_PATH

    def __init__(self, site_root):
        super().__init__()
        self.site = Site.open(site_root)
        self.finished: list[PublishFinished] = []
        self.failed: list[PublishFailed] = []
        self.notes: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static("the editor")
        yield GitStatusBar()
        yield Footer()

    def on_mount(self) -> None:
        self.start_git_status()

    # Textual calls the handler of every class in the MRO: these record, the mixin's act.
    def on_publish_finished(self, message: PublishFinished) -> None:
        self.finished.append(message)

    def on_publish_failed(self, message: PublishFailed) -> None:
        self.failed.append(message)

    def notify(self, message, **kwargs):  # noqa: ANN001, ANN003 (App.notify's signature)
        self.notes.append((message, kwargs.get("severity", "information")))
        return super().notify(message, **kwargs)


pytestmark = pytest.mark.usefixtures("git_identity")


@pytest.fixture
def site(site_with_origin):
    return site_with_origin


async def settle(app, pilot) -> None:
    """Let every git worker finish and the messages they posted be handled."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def status_text(app) -> str:
    return app.query_one(GitStatusBar).status_text


async def test_P_commits_and_pushes_and_the_status_follows(site):
    site.add_news("2026.11", "Published from the app.")
    site.write("README.md", "not managed\n")
    app = Host(site.root)
    async with app.run_test() as pilot:
        await settle(app, pilot)
        assert status_text(app) == "main ↑0 ↓0 · 2 changed"  # the news and the page

        await pilot.press("P")
        await settle(app, pilot)

        assert [m.result.pushed for m in app.finished] == [True]
        assert site.origin_head() == site.head()
        assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"
        assert status_text(app) == "main ↑0 ↓0 · 0 changed"
        assert any(note.startswith(f"published {site.head()[:7]} to origin/main") for note, _ in app.notes)
        assert not app.query_one("#git-progress").display  # the bar goes away when done
    assert git(site.root, "status", "--porcelain") == " M README.md"


async def test_v_reviews_then_publishes_the_edited_message(site):
    site.add_news("2026.11", "Reviewed in the app.")
    site.write("README.md", "not managed\n")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)

        screen = app.screen
        assert isinstance(screen, PublishReviewScreen)
        assert "+  text: Reviewed in the app." in screen.review.diff_text
        assert "README.md" in str(screen.query_one("#review-others", Static).render())
        message = screen.query_one("#review-message", TextArea)
        assert message.text == "news: add 2026.11 entry"

        # Typing a P or a v in the message writes it; it does not publish or review again.
        message.text = ""
        await pilot.press(*"Paper v2")
        await pilot.pause()
        assert message.text == "Paper v2" and not app.finished
        await pilot.press("ctrl+s")
        await settle(app, pilot)

        assert not isinstance(app.screen, PublishReviewScreen)
        assert git(site.origin, "log", "-1", "--format=%s", "main") == "Paper v2"
    assert git(site.root, "diff", "--cached", "--name-only") == ""


async def test_escape_cancels_the_review(site):
    site.add_news("2026.11", "Not yet.")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, PublishReviewScreen)
    assert git(site.root, "log", "-1", "--format=%s") == "render the page"  # nothing new


async def test_rejected_push_offers_pull_with_rebase(site, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/publications.yml", other.read("content/publications.yml") + "- title: Third\n")
    git(other.root, "commit", "-q", "-am", "theirs")
    git(other.root, "push", "-q")
    site.add_news("2026.11", "Mine.")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert status_text(app) == "main ↑0 ↓1 · 2 changed"  # the start-up fetch saw theirs

        await pilot.press("P")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmPublishStep)
        assert app.screen.question == "Pull with rebase, then push?"
        assert site.origin_head() == other.head()

        await pilot.press("y")
        await settle(app, pilot)

        assert app.finished and app.finished[-1].result.pushed
        assert git(site.root, "rev-parse", "HEAD~1") == other.head()
        assert site.origin_head() == site.head()


async def test_no_upstream_offers_to_set_it(tmp_path):
    site = make_rendered_site(tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(site.root, "remote", "add", "origin", str(origin))
    site.add_news("2026.11", "First push.")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmPublishStep)
        assert app.screen.question == "Push to origin/main and set it as upstream?"

        await pilot.press("y")
        await settle(app, pilot)

        assert git(origin, "rev-parse", "main") == site.head()
        assert status_text(app) == "main ↑0 ↓0 · 0 changed"


async def test_unreachable_remote_is_a_notification_and_the_commit_stays(site):
    git(site.root, "remote", "set-url", "origin", f"http://127.0.0.1:{free_port()}/x.git")
    site.add_news("2026.11", "Offline.")
    app = Host(site.root)
    async with app.run_test() as pilot:
        await settle(app, pilot)
        assert status_text(app).endswith("· offline")  # the start-up fetch failed quietly

        await pilot.press("P")
        await settle(app, pilot)

        errors = [note for note, severity in app.notes if severity == "error"]
        assert len(errors) == 1 and "cannot reach" in errors[0] and "committed" in errors[0]
        assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"
        assert status_text(app).startswith("main ↑1 ↓0 · 0 changed")


async def test_publish_is_in_the_command_palette(site):
    app = Host(site.root)
    async with app.run_test() as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Publish" in titles and "Review and publish" in titles
        assert "Quit" in titles  # the app's own commands are still there


def test_status_line_formats():
    status = RepoStatus("main", False, "origin/main", 2, 1, ["content/news.yml"], None)
    assert format_status(status) == "main ↑2 ↓1 · 1 changed"
    detached = RepoStatus(None, True, None, 0, 0, [], "rebase")
    assert format_status(detached, "offline") == "detached HEAD (rebase in progress) no upstream · 0 changed · offline"
