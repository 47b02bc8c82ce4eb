"""The check panel in the real app (`c`): the problems `check` finds, enter jumps to the entry,
and `g` adds a missing region under a heading the user names (issue 15.6 from the app)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from homepage_tui.app.check_panel import CheckScreen, HeadingPrompt
from homepage_tui.app.main import HomepageApp
from homepage_tui.demo import make_demo

TODAY = dt.date(2024, 8, 1)


async def settle(app, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def rows(screen: CheckScreen) -> list[tuple[str, str, str]]:
    table = screen.query_one(DataTable)
    return [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def test_c_lists_the_problems_and_g_puts_a_section_on_the_page(tmp_path):
    root = make_demo(tmp_path / "demo").root
    settings = root / "content/site.yml"
    settings.write_text(settings.read_text() + "  talks:\n    type: tree\n    title: Invited Talks\n")
    (root / "content/talks.yml").write_text("- text: A talk at MLSys 2024\n")
    app = HomepageApp(root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        found = rows(screen)
        assert ("! warning", "content/news.yml:8", "[paper]() links nowhere: add the URL or remove it") in found
        region_row = next(i for i, r in enumerate(found) if "'talks' has no region" in r[2])
        screen.query_one(DataTable).move_cursor(row=region_row)
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, HeadingPrompt)
        assert app.screen.query_one(Input).value == "Invited Talks"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        assert not any("'talks' has no region" in r[2] for r in rows(app.screen))
    page = (root / "_pages/about.md").read_text()
    assert page.endswith("# Invited Talks\n<!-- homepage-tui:begin talks -->\n\n* A talk at MLSys 2024\n\n"
                         "<!-- homepage-tui:end talks -->\n")


async def test_enter_jumps_to_the_entry_with_the_problem(tmp_path):
    root = make_demo(tmp_path / "demo").root
    awards = root / "content/awards.yml"
    text = awards.read_text()
    third = [i for i, line in enumerate(text.splitlines()) if line.startswith("- ")][2]
    lines = text.splitlines(keepends=True)
    assert lines[third + 3].startswith("  link: ")
    lines[third + 3] = "  link: http://github.com/award\n"
    awards.write_text("".join(lines))
    app = HomepageApp(root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.editor.current == "news"
        await pilot.press("c")
        await settle(app, pilot)
        found = rows(app.screen)
        row = next(i for i, r in enumerate(found) if r[1] == f"content/awards.yml:{third + 4}")
        assert "uses http:// but github.com serves https" in found[row][2]
        app.screen.query_one(DataTable).move_cursor(row=row)
        await pilot.press("enter")
        await settle(app, pilot)
        editor = app.editor
        assert app.screen is editor
        assert editor.current == "awards" and editor.index == 2
