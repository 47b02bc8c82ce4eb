"""The editing state without Textual: edits, new entries, undo/redo steps, unsaved sections.

Sections come from a real demo site (real files); a fake clock decides when typing pauses, so
no test sleeps."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from homepage_tui.demo import make_demo
from homepage_tui.session import EditSession
from homepage_tui.store import DELETE


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site")


@pytest.fixture
def clock():
    return Clock()


def session_for(site, clock, *names) -> EditSession:
    session = EditSession(today=dt.date(2025, 3, 14), clock=clock)
    for name in names or site.section_names():
        session.section_loaded(name, site.section(name))
    return session


def open_entry(session: EditSession, name: str, index: int) -> dict:
    session.open_section(name)
    fields = session.sections[name].entry(index)
    session.open_entry(index, fields)
    return fields


def type_into(session: EditSession, values: dict, key: str, text: str, clock: Clock, gap: float = 0.05) -> dict:
    """Type `text` at the end of field `key` a character at a time, `gap` seconds apart."""
    for ch in text:
        values = {**values, key: values[key] + ch}
        clock.wait(gap)
        result = session.edit(values, {}, key)
        assert not result.problems
    return values


def diff(a: str, b: str) -> list[str]:
    return [ln for ln in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def test_typing_is_one_step_and_a_pause_ends_it(site, clock):
    session = session_for(site, clock, "awards")
    awards = session.sections["awards"]
    saved = awards.file.doc.text()
    values = open_entry(session, "awards", 2)
    values = type_into(session, values, "title", " for", clock)
    clock.wait(2.0)  # the user pauses
    values = type_into(session, values, "title", " 2023", clock)
    assert awards.entry(2)["title"] == "Teaching Performance Award for 2023"
    assert len(session.undo_steps) == 2

    change = session.undo()
    assert awards.entry(2)["title"] == "Teaching Performance Award for"
    assert change.section == "awards" and change.index == 2 and change.rows == (2,)
    assert change.message == "Undone: typing in title of entry 3 in Honors and Awards" or \
        change.message == f"Undone: typing in title of entry 3 in {session.title('awards')}"
    session.undo()
    assert awards.file.doc.text() == saved
    assert not awards.dirty
    assert session.undo() is None  # nothing left

    change = session.redo()
    assert change.message.startswith("Redone: typing in title of entry 3")
    assert awards.entry(2)["title"] == "Teaching Performance Award for"
    session.redo()
    assert awards.entry(2)["title"] == "Teaching Performance Award for 2023"
    assert session.redo() is None


def test_two_author_edits_with_a_pause_between_are_two_undo_steps(site, clock):
    session = session_for(site, clock, "publications")
    pubs = session.sections["publications"]
    values = open_entry(session, "publications", 0)
    authors = list(values["authors"])
    first = {**values, "authors": [authors[0] + "*"] + authors[1:]}
    clock.wait(0.1)
    session.edit(first, {}, "authors")
    clock.wait(3.0)
    second = {**first, "authors": first["authors"][:-1] + [authors[-1] + "#"]}
    session.edit(second, {}, "authors")
    session.undo()
    assert pubs.entry(0)["authors"] == first["authors"]
    session.undo()
    assert pubs.entry(0)["authors"] == authors


def test_another_field_or_entry_starts_a_new_step(site, clock):
    session = session_for(site, clock, "awards")
    values = open_entry(session, "awards", 0)
    values = type_into(session, values, "title", "!", clock)
    values = type_into(session, values, "org", "!", clock)
    assert len(session.undo_steps) == 2
    values = open_entry(session, "awards", 1)
    type_into(session, values, "title", "!", clock)
    assert len(session.undo_steps) == 3


def test_undo_in_another_section_says_where_and_selects_it(site, clock):
    session = session_for(site, clock, "news", "awards")
    values = open_entry(session, "awards", 1)
    type_into(session, values, "org", " X", clock)
    open_entry(session, "news", 0)
    change = session.undo()
    assert change.section == "awards" and change.index == 1
    assert session.current == "awards"
    assert "entry 2" in change.message and "(shown here)" in change.message
    assert change.rows is None  # another section: the table is refilled


def test_undo_restores_the_entries_without_parsing(site, clock):
    """Undo puts back the very pieces it had: nothing is parsed or dumped again."""
    session = session_for(site, clock, "awards")
    doc = session.sections["awards"].file.doc
    pieces = list(doc.pieces)
    values = open_entry(session, "awards", 3)
    type_into(session, values, "title", "xyz", clock)
    assert doc.pieces[3] is not pieces[3]
    session.undo()
    assert all(a is b for a, b in zip(doc.pieces, pieces, strict=True))


def test_a_new_edit_drops_the_redo_steps(site, clock):
    session = session_for(site, clock, "awards")
    values = open_entry(session, "awards", 0)
    values = type_into(session, values, "title", "a", clock)
    session.undo()
    values = open_entry(session, "awards", 0)
    type_into(session, values, "title", "b", clock)
    assert session.redo() is None


def test_new_entry_is_added_once_valid_and_undone_in_one_step(site, clock):
    session = session_for(site, clock, "news")
    news = session.sections["news"]
    saved = news.file.doc.text()
    session.open_section("news")
    fields = session.start_draft(0)
    assert fields["date"] == "2025.03"
    result = session.edit(fields, {}, "text")
    assert result.problems and not result.changed  # text is required
    assert len(news) == 14
    values = type_into(session, fields, "text", "Hello", clock)
    assert len(news) == 15 and news.entry(0)["text"] == "Hello"
    assert session.index == 0 and session.draft_at is None
    assert len(session.undo_steps) == 1  # the new entry and its typing are one step
    change = session.undo()
    assert change.message == f"Undone: new entry 1 in {session.title('news')}"
    assert news.file.doc.text() == saved
    session.redo()
    assert news.entry(0)["text"] == "Hello"
    assert values["text"] == "Hello"


def test_undo_discards_an_invalid_edit_first(site, clock):
    session = session_for(site, clock, "news")
    values = open_entry(session, "news", 0)
    result = session.edit({**values, "date": "March"}, {}, "date")
    assert "date" in result.problems
    assert session.typing_unfinished
    change = session.undo()
    assert change.message == "Discarded the edit that was not valid."
    assert not session.typing_unfinished
    assert session.sections["news"].entry(0)["date"] == values["date"]


def test_leaving_an_invalid_edit_says_it_was_not_applied(site, clock):
    session = session_for(site, clock, "news")
    values = open_entry(session, "news", 0)
    session.edit({**values, "date": "March"}, {}, "date")
    warning = session.leave_entry()
    assert warning and "not applied" in warning


def test_cleared_and_retyped_field_keeps_its_place(site, clock):
    """Issue 15 item 2: clear `org` (ctrl+u), type X, save: the diff is one changed line."""
    session = session_for(site, clock, "awards")
    awards = session.sections["awards"]
    saved = awards.file.doc.text()
    values = open_entry(session, "awards", 0)
    assert list(values) == ["year", "title", "org", "link"]
    session.edit({**values, "org": DELETE}, {}, "org")
    assert "org" not in awards.entry(0)
    session.edit({**values, "org": "X"}, {}, "org")
    assert list(awards.entry(0)) == ["year", "title", "org", "link"]
    assert diff(saved, awards.file.doc.text()) == ["-  org: HKBU CS Department", "+  org: X"]


def test_delete_move_sort_are_steps_and_undo_back_to_the_saved_text(site, clock):
    session = session_for(site, clock, "news")
    news = session.sections["news"]
    saved = news.file.doc.text()
    session.open_section("news")
    first = news.entry(0)
    change = session.delete(0)
    assert change.rows is None and len(news) == 13
    change = session.move(0, +1)
    assert change.index == 1
    assert session.sort() is not None
    assert session.sort() is None  # already sorted: no step
    messages = [session.undo().message for _ in range(3)]
    assert messages == [f"Undone: sort by date in {session.title('news')}",
                        f"Undone: move of entry 1 to 2 in {session.title('news')}",
                        f"Undone: delete of entry 1 in {session.title('news')}"]
    assert news.file.doc.text() == saved and news.entry(0) == first
    assert session.undo() is None


def test_dirty_sections_follow_undo_and_save(site, clock):
    session = session_for(site, clock, "news", "awards")
    values = open_entry(session, "awards", 0)
    type_into(session, values, "title", "!", clock)
    assert [s.name for s in session.dirty_sections()] == ["awards"]
    session.sections["awards"].save()
    assert session.dirty_sections() == []
    session.undo()  # back to before the save: unsaved again
    assert [s.name for s in session.dirty_sections()] == ["awards"]


def test_a_reloaded_section_drops_its_undo_steps(site, clock):
    session = session_for(site, clock, "awards")
    values = open_entry(session, "awards", 0)
    type_into(session, values, "title", "!", clock)
    session.section_loaded("awards", site.section("awards", reload=True))
    assert session.undo() is None


def test_several_edits_from_elsewhere_are_one_step(site, clock):
    """A paste adds several publications: begin_change makes them one undo step."""
    session = session_for(site, clock, "publications")
    pubs = session.sections["publications"]
    saved = pubs.file.doc.text()
    session.open_section("publications")
    session.begin_change("publications", "paste of publications")
    for n in range(3):
        pubs.insert(0, {"title": f"Pasted {n}", "authors": ["A. B"], "venue": "X", "year": "2025"})
    change = session.undo()
    assert change.message == f"Undone: paste of publications in {session.title('publications')}"
    assert pubs.file.doc.text() == saved
