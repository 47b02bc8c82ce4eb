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
