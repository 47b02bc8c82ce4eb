"""`P` in the real app refuses what `check` or Jekyll refuses (issues 11 and 15.1): the reasons
on screen with FILE:LINE, nothing committed; the build check can be skipped from the dialogs."""

from __future__ import annotations

import os
import shutil

import pytest
from textual.widgets import Static

from homepage_tui.app.publish_blocked import PublishBlockedScreen
from homepage_tui.app.publish_screen import PublishReviewScreen
from publish_support import git
from test_publish_app import Host, settle

needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None, reason="needs Debian's jekyll")


pytestmark = pytest.mark.usefixtures("git_identity")


@pytest.fixture
def site(site_with_origin):
    return site_with_origin


def broken_liquid(site) -> int:
    page = site.read("_pages/about.md").replace("# News\n", "# News\nI like {% unknowntag %} a lot.\n")
    site.write("_pages/about.md", page)
    return page.splitlines().index("I like {% unknowntag %} a lot.") + 1


async def test_P_with_unreadable_yaml_shows_file_and_line_and_commits_nothing(site):
    site.add_news("2026.11", "Fine.")
    site.write("content/news.yml", site.read("content/news.yml").replace("'2026.11'", "'2026.11", 1))
    head = site.head()
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PublishBlockedScreen)
        problems = str(screen.query_one("#blocked-problems", Static).render())
        assert problems.startswith("content/news.yml:") and ": error: " in problems
        assert not screen.query("#blocked-skip")  # bad content cannot be skipped
        await pilot.press("b")  # not offered here: does nothing
        await settle(app, pilot)
        assert isinstance(app.screen, PublishBlockedScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.finished
    assert site.head() == head == site.origin_head()


@needs_jekyll
async def test_P_with_a_liquid_error_shows_jekylls_error_then_b_publishes_without_the_build(site):
    line = broken_liquid(site)
    site.add_news("2026.11", "Page has a Liquid error.")
    head = site.head()
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PublishBlockedScreen)
        problems = str(screen.query_one("#blocked-problems", Static).render())
        assert problems == f"Jekyll: _pages/about.md:{line}: Liquid syntax error: Unknown tag 'unknowntag'"
        assert site.head() == head  # nothing committed
        await pilot.press("b")
        await settle(app, pilot)
        assert app.finished and app.finished[-1].result.pushed
    assert site.origin_head() == site.head() != head


@needs_jekyll
async def test_the_review_dialog_skips_the_build_with_ctrl_b(site):
    broken_liquid(site)
    site.add_news("2026.11", "Reviewed, build skipped.")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, PublishReviewScreen)
        await pilot.press("ctrl+b")
        assert "the Jekyll build is skipped" in str(app.screen.query_one("#review-build", Static).render())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.finished and app.finished[-1].result.pushed
    assert site.origin_head() == site.head()


async def test_without_jekyll_the_app_says_once_that_the_check_was_skipped(site, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(shutil.which("git"), bin_dir / "git")
    monkeypatch.setenv("PATH", str(bin_dir))
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for n in (1, 2):
            site.add_news(f"2026.1{n}", f"Entry {n}.")
            await pilot.press("P")
            await settle(app, pilot)
        assert len(app.finished) == 2
        skipped = [note for note, _ in app.notes if "build check skipped" in note]
        assert skipped == ["build check skipped: Jekyll is not installed (https://jekyllrb.com/docs/installation/)"]


async def test_P_in_the_editor_refuses_a_news_file_it_cannot_read(tmp_path):
    """Issue 15.1 as reported: News marked "cannot be read", yet P published it."""
    import datetime as dt

    from homepage_tui.app.main import HomepageApp
    from homepage_tui.demo import make_demo

    root = make_demo(tmp_path / "demo").root
    news = root / "content/news.yml"
    news.write_text(news.read_text().replace("- date: '2024.06'", "- date: '2024.06", 1))
    head = git(root, "rev-parse", "HEAD")
    app = HomepageApp(root, today=dt.date(2026, 11, 15))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        assert isinstance(app.screen, PublishBlockedScreen)
        problems = str(app.screen.query_one("#blocked-problems", Static).render())
        assert problems.startswith("content/news.yml:9: error: "), problems  # where YAML trips
    assert git(root, "rev-parse", "HEAD") == head
    assert git(root, "status", "--porcelain") == " M content/news.yml"
