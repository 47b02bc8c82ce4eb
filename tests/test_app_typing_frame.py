"""A keystroke in a form field repaints what changed and nothing else (issue 13: key to preview
frame): no layout of the whole screen, the year chart and the status line kept up to date by the
changed entry alone. Through the real app and its Pilot; the screen's layouts are counted on the
real screen, nothing is replaced."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.geometry import Region

from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewBody, PreviewPane
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart, year_counts
from homepage_tui.demo import make_demo
from test_app_preview_typing import open_section

TODAY = dt.date(2025, 3, 14)


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site").root


async def open_first_entry(app, pilot, section: str):
    editor = await open_section(app, pilot, section)
    await pilot.press("enter", "end")
    await pilot.pause()
    return editor


def count_calls(owner, method: str) -> list[int]:
    """Counts calls of `owner.method` from now on (the method itself still runs): the screen's
    `_refresh_layout` is a layout, its compositor's `_arrange_root` an arrangement of the screen."""
    calls = [0]
    original = getattr(owner, method)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    setattr(owner, method, counted)
    return calls


async def test_typing_in_a_field_lays_out_nothing_and_shows_each_key(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_first_entry(app, pilot, "publications")
        field = app.focused
        await pilot.press("x")  # the first edit: the sidebar's mark and the status line appear
        await pilot.pause()
        status = editor.query_one(GitStatusBar).status_text
        assert "1 unsaved" in status
        layouts = count_calls(editor, "_refresh_layout")
        arrangements = count_calls(editor._compositor, "_arrange_root")
        # Typing on past the field's width, and back to the saved text: the unsaved count goes
        # 1 -> 0 -> 1 (the same width on the status line).
        # The preview's body is relaid out only when the entry's drawing gains or loses a line
        # (its scroll range): the title wraps onto another line every few dozen characters.
        body = editor.query_one(PreviewBody)
        long = "abcdefghij" * 12
        heights, grew = len(body._lines), 0
        for key in ["backspace", "x", *long]:
            await pilot.press(key)
            grew += len(body._lines) != heights
            heights = len(body._lines)
        await pilot.pause()
        assert grew < 10
        assert layouts[0] <= grew
        # Nothing off screen was refreshed either (the field's scrollbar, which has no size):
        # that made the compositor arrange the whole screen again at a frame without a layout.
        assert arrangements[0] <= layouts[0]
        assert field.value.endswith("x" + long)
        # The field scrolled with the cursor, so the typed end shows.
        assert field.scroll_x == field.max_scroll_x > 0
        assert field.max_scroll_x == field.virtual_size.width - field.scrollable_content_region.width
        assert "1 unsaved" in editor.query_one(GitStatusBar).status_text
        # Shortened at its end, the long text still fills the box (the scroll stays in range).
        for _ in range(30):
            await pilot.press("backspace")
            assert field.scroll_x == field.max_scroll_x > 0
        assert field.value.endswith(long[:-30])
        assert field.max_scroll_x == field.virtual_size.width - field.scrollable_content_region.width


async def test_the_year_chart_follows_a_year_typed_in_the_form(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_first_entry(app, pilot, "publications")
        chart = editor.query_one(YearChart)
        table = editor.query_one(EntryTable)
        editor.query_one("#publications-year").focus()
        year = editor.query_one("#publications-year").value
        await pilot.press(*["backspace"] * len(year), *"1987")
        await pilot.pause()
        counts = year_counts(r[0] for r in table.entry_rows)
        assert counts.get(1987) == 1
        assert chart._counts == counts
        await pilot.press(*["backspace"] * 4)  # no year at all: the entry leaves the chart
        await pilot.pause()
        assert chart._counts == year_counts(r[0] for r in table.entry_rows)
        assert 1987 not in chart._counts
        await pilot.press(*year)
        await pilot.pause()
        assert chart._counts == year_counts(r[0] for r in table.entry_rows)


def sidebar_lines(sections) -> list[str]:
    return [strip.text for strip in sections.render_lines(Region(0, 0, *sections.size))]


async def test_the_unsaved_mark_redraws_only_its_sections_line(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_first_entry(app, pilot, "publications")
        sections = editor.query_one(SectionList)
        lines = sidebar_lines(sections)
        cache = sections._option_render_cache
        drawn = {key: cache.get(key) for key in cache.keys() if key[0].id != "publications"}
        assert drawn and not any("●" in line for line in lines)
        await pilot.press("x")
        await pilot.pause()
        marked = sidebar_lines(sections)
        row = next(i for i, line in enumerate(lines) if "Publications" in line)
        assert "●" in marked[row] and marked[row].replace("●", " ") == lines[row]
        assert [line for i, line in enumerate(marked) if i != row] == [line for i, line in enumerate(lines) if i != row]
        # The other sections' drawings were kept, not drawn again.
        assert all(cache.get(key) is strips for key, strips in drawn.items())
        await pilot.press("backspace")  # the saved text again: no mark
        await pilot.pause()
        assert sidebar_lines(sections) == lines


async def test_a_keystroke_renders_only_the_edited_entry_for_the_preview(site, monkeypatch):
    from homepage_tui import render

    rendered: list[str] = []
    real = render.render_entry

    def counted(entry, *args, **kwargs):
        rendered.append(entry.get("title", ""))
        return real(entry, *args, **kwargs)

    monkeypatch.setattr(render, "render_entry", counted)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_first_entry(app, pilot, "publications")
        title = app.focused.value
        await pilot.press("x")
        await pilot.pause()
        rendered.clear()
        await pilot.press("y")
        await pilot.pause()
        assert rendered == [title + "xy"]
        assert f"{title}xy" in editor.query_one(PreviewPane).markdown
