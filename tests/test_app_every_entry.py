"""Every entry editable in the editor: a raw entry in a text area saved by splicing, `t` making
it typed (shown first), and a template's own fields (`citation`) as plain text inputs."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from homepage_tui.app.confirm import ConfirmModal
from homepage_tui.app.forms import RawForm
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)
SIZE = (120, 40)
RAW_LINE = "- raw: '* **2024.07** A hand-written item about our workshop'\n"


@pytest.fixture
def site(tmp_path) -> Path:
    root = make_demo(tmp_path / "site").root
    news = root / "content" / "news.yml"
    text = news.read_text()
    first = text.index("- date:")
    news.write_text(text[:first] + RAW_LINE + text[first:])
    settings = root / "content" / "site.yml"
    settings.write_text(settings.read_text().replace(
        "{venue|period}{?note}", "{venue|period}{?citation} Cited by {citation}.{/citation}{?note}"))
    return root


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


async def started(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.editor.all_loaded
    return app.editor


async def test_a_raw_entry_is_edited_in_a_text_area_with_the_live_preview_and_saved_by_splicing(site):
    news = site / "content" / "news.yml"
    before = news.read_text()
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        form = editor.query_one(RawForm)
        assert form.display and editor.form_kind == "raw"
        area = form.inputs["raw"]
        assert isinstance(area, TextArea) and area.text == "* **2024.07** A hand-written item about our workshop"
        await pilot.press("enter", "end", *" in Lisbon")
        await pilot.pause(0.2)
        assert "about our workshop in Lisbon" in editor.query_one(PreviewPane).markdown
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert changed_lines(before, news.read_text()) == [
        "-" + RAW_LINE.rstrip("\n"), "+- raw: '* **2024.07** A hand-written item about our workshop in Lisbon'"]
    assert "* **2024.07** A hand-written item about our workshop in Lisbon" in (site / "_pages" / "about.md").read_text()


async def test_t_shows_the_typed_entry_first_then_makes_it_typed(site):
    news = site / "content" / "news.yml"
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        assert editor.check_action("type_raw", ()) is True
        await pilot.press("t")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        assert "date: 2024.07" in modal.detail and "text: A hand-written item about our workshop" in modal.detail
        assert "* [2024.07] &nbsp;A hand-written item about our workshop" in modal.detail
        assert "read differently" in modal.detail  # written **2024.07**, the template writes [2024.07]
        await pilot.press("n")  # keep it raw: nothing changes
        await pilot.pause()
        assert editor.sections["news"].entry(0) == {"raw": "* **2024.07** A hand-written item about our workshop"}
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert editor.sections["news"].entry(0) == {"date": "2024.07", "text": "A hand-written item about our workshop"}
        assert editor.form_kind == "news" and editor.check_action("type_raw", ()) is False
        assert editor.query_one("#news-date", Input).value == "2024.07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")  # one undo step back to the raw entry
        await pilot.pause()
        assert editor.sections["news"].entry(0) == {"raw": "* **2024.07** A hand-written item about our workshop"}
    saved = news.read_text()
    assert "- date: '2024.07'\n  text: A hand-written item about our workshop\n" in saved and RAW_LINE not in saved
    assert "* [2024.07] &nbsp;A hand-written item about our workshop" in (site / "_pages" / "about.md").read_text()


async def test_t_on_text_that_does_not_parse_says_so_and_keeps_the_entry(site):
    news = site / "content" / "news.yml"
    news.write_text(news.read_text().replace(RAW_LINE, "- raw: 'Some prose the importer kept'\n"))
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert any(n.title == "Not typed" and "\n" not in n.message for n in app._notifications)
        assert editor.sections["news"].entry(0) == {"raw": "Some prose the importer kept"}


async def test_a_template_field_the_model_does_not_know_gets_a_text_input(site):
    pubs = site / "content" / "publications.yml"
    before = pubs.read_text()
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        editor.query_one("#sections").focus()
        await pilot.press("down")  # publications
        await pilot.pause()
        form = editor._form()
        assert form.template_keys == ["citation", "note"]  # the template's fields the form lacked
        citation = editor.query_one("#publications-citation", Input)
        citation.focus()
        await pilot.press(*"42")
        await pilot.pause(0.2)
        assert "Cited by 42." in editor.query_one(PreviewPane).markdown
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor.query_one("#sections").focus()
        await pilot.press("up", "escape")  # news (its first entry is the raw one), then its second entry
        editor.query_one("#entries").focus()
        await pilot.press("down")
        await pilot.pause()
        assert editor.form_kind == "news" and editor._form().template_keys == []  # the form has them all
    changes = changed_lines(before, pubs.read_text())
    assert len(changes) == 1 and changes[0].startswith("+  citation:") and "42" in changes[0]
    assert "Cited by 42." in (site / "_pages" / "about.md").read_text()
