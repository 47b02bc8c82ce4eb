"""Issue 15's defects in the real editor (Pilot on a demo site), each test written to fail first."""

from __future__ import annotations

from textual.widgets import TextArea

from homepage_tui.app.main import HomepageApp
from tests.test_app import SIZE, TODAY, content, goto, site, started  # noqa: F401 (fixture)


async def test_typing_at_full_speed_in_a_new_tree_entry_keeps_every_key_in_order(site):
    """Item 3: `a` in a tree section, then a fast burst: saved as typed, cursor at the end."""
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "service")
        await pilot.press("a", *"Organizer of the ICML 2025 workshop")  # no pause between keys
        await pilot.pause()
        area = editor.query_one("#tree-text", TextArea)
        assert area.text == "Organizer of the ICML 2025 workshop"
        assert area.cursor_location == (0, len(area.text))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "- text: Organizer of the ICML 2025 workshop\n" in content(site, "service")


async def settled(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def status(app) -> str:
    from homepage_tui.app.git_status import GitStatusBar

    return app.query_one(GitStatusBar).status_text


async def test_status_bar_counts_unsaved_and_uncommitted_truthfully(site):
    """Item 8: '0 changed' showed while edits were unsaved, and after a reload of a file git saw
    modified. The line counts both."""
    from homepage_tui.app.confirm import ConfirmModal

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await settled(app, pilot)
        assert status(app) == "main ↑0 ↓0 · 0 unsaved · 0 uncommitted"
        await goto(pilot, editor, "awards")
        await pilot.press("enter", "end", "!")
        await pilot.pause()
        assert status(app) == "main ↑0 ↓0 · 1 unsaved · 0 uncommitted"
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert status(app) == "main ↑0 ↓0 · 0 unsaved · 2 uncommitted"  # awards.yml and the page

        path = site / "content" / "news.yml"  # changed behind the editor's back
        path.write_text(path.read_text(encoding="utf-8").replace("Our paper", "Their paper", 1), encoding="utf-8")
        editor.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and app.screen.id == "reload-prompt"
        await pilot.press("r")
        await settled(app, pilot)
        assert status(app) == "main ↑0 ↓0 · 0 unsaved · 3 uncommitted"
