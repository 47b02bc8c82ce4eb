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


def screen_rows(app) -> list[str]:
    """The screen's text, row by row, from its SVG screenshot."""
    import html
    import re

    rows: dict[float, list[str]] = {}
    for m in re.finditer(r'<text[^>]*?y="([\d.]+)"[^>]*>([^<]*)</text>', app.export_screenshot()):
        rows.setdefault(float(m.group(1)), []).append(html.unescape(m.group(2)).replace("\xa0", " "))
    return ["".join(parts).rstrip("\n") for _, parts in sorted(rows.items())]


async def footer_at(site, size, *keys) -> str:
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await settled(app, pilot)
        await pilot.press(*keys)
        await pilot.pause()
        return screen_rows(app)[-1]


async def test_footer_shows_the_keys_that_matter_for_the_focused_pane(site):
    """Item 10: at 120 columns `v` was cut off; at 80 `P`, `v`, `w` and the moves; the line ended
    with a stray letter after the palette key."""
    wide = await footer_at(site, (120, 40))
    for key in ("a Add", "d Delete", "^s Save", "^z Undo", "P Publish", "v Review", "/ Filter", "s Sort",
                "Move", "? Help"):
        assert key in wide, (key, wide)
    narrow = await footer_at(site, (80, 24))
    for key in ("a Add", "^s Save", "^z Undo", "P Publish", "v Review"):
        assert key in narrow, (key, narrow)
    for line in (wide, narrow):
        assert line.rstrip().endswith("^p palette"), line  # nothing cut, nothing after it
    form = await footer_at(site, (80, 24), "enter")  # the form: typing keys are text there
    assert "a Add" not in form and "P Publish" not in form
    for key in ("esc", "^s Save", "^z Undo"):
        assert key in form, (key, form)
    assert form.rstrip().endswith("^p palette"), form
