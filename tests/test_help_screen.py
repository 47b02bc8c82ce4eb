"""`?`: the help screen lists every binding of the app, grouped by where it applies, read from
the bindings themselves (a binding added anywhere shows up), with the user's overrides."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from textual.binding import Binding

from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.help_screen import HelpScreen
from homepage_tui.app.keys import _bindings, binding_classes
from homepage_tui.app.main import HomepageApp
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)


def screen_text(screen: HelpScreen) -> str:
    console = Console(width=110, record=True, file=open("/dev/null", "w"))
    for widget in screen.query(".help-group-title, .help-group"):
        console.print(widget.content)
    return console.export_text()


async def open_help(tmp_path, settings: str = ""):
    path = tmp_path / "config.toml"
    path.write_text(settings)
    app = HomepageApp(make_demo(tmp_path / "site").root, today=TODAY, settings_path=path)
    return app


async def test_question_mark_lists_every_binding_by_where_it_applies(tmp_path):
    app = await open_help(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        classes = binding_classes()
        names = {c.__name__ for c in classes}
        assert {"HomepageApp", "EditorScreen", "EntryForm", "ImportScreen", "PublishReviewScreen",
                "HelpScreen"} <= names
        for cls in classes:
            for binding in _bindings(cls):
                assert binding.id and binding.id in text, f"{cls.__name__}: {binding.key} has no id or is not listed"
                assert binding.description in text
        for title in ("Everywhere", "Editor", "Entry forms", "Import screen", "This help"):
            assert f"\n{title}\n" in "\n" + text
        assert "^p" in text and "Command palette" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)


async def test_a_binding_added_to_a_screen_shows_up_and_overrides_show_their_new_key(tmp_path, monkeypatch):
    monkeypatch.setattr(EditorScreen, "BINDINGS",
                        [*EditorScreen.BINDINGS, Binding("f9", "sort", "Sort again", id="sort_again")])
    app = await open_help(tmp_path, '[keys]\nsave = "ctrl+w"\n"app.help" = "f1"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")  # moved to f1: nothing opens
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app.screen)
        assert "Sort again" in text and "sort_again" in text
        save = next(line for line in text.splitlines() if line.rstrip().endswith(" save"))
        assert save.split()[0] == "^w"
        help_line = next(line for line in text.splitlines() if line.rstrip().endswith("app.help"))
        assert help_line.split()[0] == "f1"
