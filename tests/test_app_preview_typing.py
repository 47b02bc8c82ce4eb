"""The preview shows each keystroke at once: no timer to wait for, through the real app's Pilot
(issue 13: a keystroke in the preview inside one frame). The settings ask for a long pause between
redraws (`debounce_ms`): it paces only long drawings (the whole page), never one entry's."""

from __future__ import annotations

import datetime as dt

import pytest

from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewBody, PreviewPane
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site").root


@pytest.fixture
def slow_settings(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[preview]\ndebounce_ms = 5000\n", encoding="utf-8")
    return path


def shown_text(editor) -> str:
    """The preview's drawn lines, as one line of words."""
    body = editor.query_one(PreviewBody)
    return " ".join(" ".join(strip.text for strip in body._lines).split())


async def open_section(app, pilot, name: str):
    await app.workers.wait_for_complete()
    await pilot.pause()
    editor = app.screen
    editor.query_one("#sections").select_section(name)
    await pilot.pause()
    editor.query_one("#entries").focus()
    return editor


async def test_each_key_in_a_title_shows_in_the_preview_without_waiting(site, slow_settings):
    app = HomepageApp(site, today=TODAY, settings_path=slow_settings)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_section(app, pilot, "publications")
        await pilot.press("enter", "end")
        await pilot.pause()
        typed = ""
        for key in [*" Zebra", "backspace", "backspace", "q"]:
            await pilot.press(key)  # no pause: the preview must already show it
            typed = typed[:-1] if key == "backspace" else typed + key
            expected = f"Communication-Efficient Federated Learning{typed.rstrip()}."  # the form strips the title
            assert expected in editor.query_one(PreviewPane).markdown
            assert expected in shown_text(editor)
        assert "Learning Zebq." in shown_text(editor)


async def test_each_key_in_a_news_text_shows_in_the_preview_without_waiting(site, slow_settings):
    app = HomepageApp(site, today=TODAY, settings_path=slow_settings)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_section(app, pilot, "news")
        await pilot.press("enter")
        editor.query_one("#news-text").focus()
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert "Qxzvj" not in shown_text(editor)
        for n, key in enumerate("Qxzvj", start=1):
            await pilot.press(key)  # no pause
            assert "Qxzvj"[:n] in editor.query_one(PreviewPane).markdown
            assert "Qxzvj"[:n] in shown_text(editor)


async def test_an_invalid_draft_still_shows_what_is_typed(site, slow_settings):
    app = HomepageApp(site, today=TODAY, settings_path=slow_settings)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_section(app, pilot, "publications")
        await pilot.press("enter")
        editor.query_one("#publications-year").focus()
        await pilot.press("end", "backspace", "x")  # "202x": not a four-digit year, the entry is invalid
        await pilot.pause()
        assert "-invalid" in editor.query_one("#publications-year").classes
        editor.query_one("#publications-title").focus()
        await pilot.press("end", "Q")
        assert "Federated LearningQ" in shown_text(editor)
