"""The filter line (`/`): the bar owns its text and its pause, the editor applies what it posts;
a filter that matches nothing leaves no entry to edit; escape clears it from the table too."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Static, TextArea

from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.filter_bar import FILTER_SETTLE, FilterBar
from homepage_tui.app.forms import EntryForm
from homepage_tui.app.main import HomepageApp

from tests.test_app import SIZE, TODAY, content, goto, site, started  # noqa: F401 (the site fixture)


def shown_form(editor) -> EntryForm | None:
    return next((form for form in editor.query(EntryForm) if form.display), None)


def in_form(editor, widget) -> bool:
    host = editor.query_one("#form-host")
    return widget is not None and host in widget.ancestors


async def test_no_match_leaves_no_entry_in_the_form(site):
    before = content(site, "publications")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        table = editor.query_one(EntryTable)
        assert shown_form(editor) is not None and editor.index == 0
        await pilot.press("slash", *"zqxj")
        await pilot.pause()
        assert table.row_count == 0
        assert editor.index is None  # nothing selected
        assert shown_form(editor) is None
        message = editor.query_one("#form-message", Static)
        assert message.display and "No entry matches" in str(message.render())
        # The keys that open an entry's form find none: enter and right on the (empty) table.
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is table
        await pilot.press("enter", "right", "ctrl+s")
        await pilot.pause()
        assert not in_form(editor, app.focused)
        assert not isinstance(app.focused, (Input, TextArea))
        assert shown_form(editor) is None and editor.index is None
        # Widening the filter again brings the entries back, and the highlighted one into the form.
        await pilot.press("slash", "backspace", "backspace", "backspace", "backspace", "enter")
        await pilot.pause()
        assert table.row_count > 0
        assert editor.index == table.current_index
        assert shown_form(editor) is not None
    assert content(site, "publications") == before


async def test_escape_clears_the_filter_from_the_table(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        table = editor.query_one(EntryTable)
        bar = editor.query_one(FilterBar)
        total = table.row_count
        await pilot.press("slash", *"icml", "enter")
        await pilot.pause()
        assert app.focused is table and 0 < table.row_count < total
        footer_keys = {b.binding.id for b in editor.active_bindings.values()
                       if editor.check_action(b.binding.action, ()) and b.binding.id}
        assert "close_filter" in footer_keys  # shown in the footer while a filter is on
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and bar.value == ""
        assert table.row_count == total
        assert app.focused is table
        # With no filter on, escape on the table is not the filter's.
        assert not editor.check_action("close_filter", ())


class BarApp(App):
    """The bar alone: what it posts is what the editor gets."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[tuple[str, str | None]] = []

    def compose(self):
        yield FilterBar(id="filter")

    def on_filter_bar_query_changed(self, message: FilterBar.QueryChanged) -> None:
        self.posted.append(("query", message.query))

    def on_filter_bar_settled(self, message: FilterBar.Settled) -> None:
        self.posted.append(("settled", None))

    def on_filter_bar_closed(self, message: FilterBar.Closed) -> None:
        self.posted.append(("closed", None))


async def test_the_bar_posts_its_query_and_its_pause():
    app = BarApp()
    async with app.run_test() as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        await pilot.press(*"ab", "space")
        await pilot.pause()
        # One message per change of the words (the trailing space changes none), no pause yet.
        assert app.posted == [("query", "a"), ("query", "ab")]
        assert bar.query == "ab"
        await pilot.pause(FILTER_SETTLE + 0.2)
        assert app.posted[-1] == ("settled", None)
        app.posted.clear()
        await pilot.press("c", "enter")  # enter settles at once
        await pilot.pause()
        assert app.posted == [("query", "ab c"), ("settled", None)]
        app.posted.clear()
        await pilot.press("escape")
        await pilot.pause()
        assert app.posted == [("query", ""), ("closed", None)]
        assert not bar.display and bar.query == ""
        await pilot.pause(FILTER_SETTLE + 0.2)
        assert ("settled", None) not in app.posted  # closing stopped the pause's timer


# ------------------------------------------------------------------ drawing the rows


def table_lines(table) -> list[list[tuple]]:
    from textual.geometry import Region

    region = Region(0, 0, table.size.width, table.size.height)
    return [[(s.text, s.style, s.style.meta if s.style else None) for s in line] for line in table.render_lines(region)]


async def test_rows_are_drawn_as_datatable_draws_them(site):
    """EntryTable builds a row's line from its plain text (fast); DataTable renders it through
    rich. Same segments, styles and mouse meta, under the cursor, the mouse and without focus."""
    from itertools import chain

    from textual.strip import Strip
    from textual.widgets import DataTable

    def line(pair):
        fixed, scrollable = pair
        return [(s.text, s.style, s.style.meta) for s in
                Strip(list(chain.from_iterable(fixed)) + list(chain.from_iterable(scrollable))).simplify()]

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        table = editor.query_one(EntryTable)
        await pilot.hover(EntryTable, offset=(5, 3))  # the mouse over the third row
        compared = 0
        for focused in (True, False):
            if not focused:
                editor.query_one("#sections").focus()
            await pilot.pause()
            assert table.hover_row == 2 and table.cursor_row == 0
            for key in table.rows:
                args = (key, 0, table.rich_style, table.cursor_coordinate, table.hover_coordinate)
                assert table._plain_cells(key) is not None  # the fast path draws it
                assert line(table._render_line_in_row(*args)) == line(DataTable._render_line_in_row(table, *args))
                compared += 1
        assert compared == 2 * table.row_count > 0


async def test_filtering_repaints_every_line_that_changed(site):
    """A filter key repaints only the lines whose row changed (and the cursor's and mouse's):
    what the table shows then is what a full repaint shows."""
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        table = editor.query_one(EntryTable)
        await pilot.hover(EntryTable, offset=(5, 4))
        await pilot.press("down", "down")
        await pilot.press("slash")
        steps = 0
        for key in [*"mo", "backspace", "backspace", *"20", "backspace", "backspace", *"zq", "backspace",
                    "backspace", "i"]:
            await pilot.press(key)
            await pilot.pause()
            shown = table_lines(table)
            table._styles_cache.clear()  # forget every drawn line: draw them all again
            assert shown == table_lines(table), f"stale lines after {key!r}"
            steps += 1
        assert steps == 13


async def test_a_long_filter_keeps_its_cursor_in_view():
    """The bar's text width is not a layout matter (FilterBar.virtual_size): a text longer than
    the bar still scrolls to the cursor, and back with home."""
    app = BarApp()
    async with app.run_test(size=(60, 10)) as pilot:
        bar = app.query_one(FilterBar)
        bar.open()
        await pilot.press(*("abcdefghij" * 12))
        await pilot.pause()
        shown = "".join(segment.text for segment in bar.render_line(0))
        assert bar.scroll_x == bar.max_scroll_x > 0
        assert "hij" + "abcdefghij" * 5 in shown  # the end of the text, where the cursor is
        await pilot.press("home")
        await pilot.pause()
        assert bar.scroll_x == 0
        assert "".join(segment.text for segment in bar.render_line(0)).startswith("abcdefghij" * 5)
