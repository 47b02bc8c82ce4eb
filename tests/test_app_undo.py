"""Undo and redo in the real editor (issue 15 item 9): a step per edit, a pause in typing ends a
step, a message says what was undone and where, ctrl+y redoes. The session's clock is replaced by
one the test advances, so that "a pause" needs no sleeping."""

from __future__ import annotations

from textual.widgets import TextArea

from homepage_tui.app.main import HomepageApp
from tests.test_app import SIZE, TODAY, content, goto, site, started  # noqa: F401 (fixture)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_two_author_edits_undo_one_at_a_time_and_redo(site):
    clock = Clock()
    before = content(site, "publications")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        editor.session.clock = clock
        pubs = editor.sections["publications"]
        await goto(pilot, editor, "publications")
        authors = pubs.entry(0)["authors"]
        await pilot.press("enter", "tab")  # the form, then its authors
        area = editor.query_one("#publications-authors", TextArea)
        assert app.focused is area
        area.move_cursor((0, len(area.document.get_line(0))))
        await pilot.press("asterisk")
        await pilot.pause()
        clock.now += 5  # the user pauses, then edits the last author
        last = area.document.line_count - 1
        area.move_cursor((last, len(area.document.get_line(last))))
        await pilot.press("number_sign")
        await pilot.pause()
        assert pubs.entry(0)["authors"] == [authors[0] + "*"] + authors[1:-1] + [authors[-1] + "#"]

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert pubs.entry(0)["authors"] == [authors[0] + "*"] + authors[1:]
        assert area.text.splitlines() == pubs.entry(0)["authors"]  # the form shows it too
        title = editor.session.title("publications")
        assert messages(app)[-1] == f"Undone: typing in authors of entry 1 in {title}"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert pubs.entry(0)["authors"] == authors
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert messages(app)[-1] == f"Redone: typing in authors of entry 1 in {title}"
        assert pubs.entry(0)["authors"] == [authors[0] + "*"] + authors[1:]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not pubs.dirty
    assert content(site, "publications") == before


async def test_undo_in_another_section_shows_it_and_says_so(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        editor.session.clock = Clock()  # no pause in the typing, however slow the machine
        await goto(pilot, editor, "awards")
        await pilot.press("enter", "end", *" (x)")
        await pilot.pause()
        awards = editor.sections["awards"]
        assert awards.entry(0)["year"].endswith(" (x)")
        await pilot.press("escape")
        await goto(pilot, editor, "news")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert editor.current == "awards" and editor.query_one("#sections").current == "awards"
        assert not awards.dirty
        assert messages(app)[-1].startswith("Undone: typing in year of entry 1 in ")
        assert messages(app)[-1].endswith("(shown here)")
