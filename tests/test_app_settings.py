"""The settings in the running editor: theme, key overrides by binding id, the preview's width,
`e` opening the entry's file at its line in the configured editor, and bad values as one-line
notifications while the app starts with the defaults."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)
SIZE = (120, 40)


@pytest.fixture
def site(tmp_path) -> Path:
    return make_demo(tmp_path / "site").root


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def started(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.editor.all_loaded
    return app.editor


async def test_theme_key_override_and_preview_width(site, tmp_path):
    path = settings_file(tmp_path, 'theme = "gruvbox"\n[preview]\nwidth = 33\n[keys]\nsave = "ctrl+w"\n')
    app = HomepageApp(site, today=TODAY, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        assert app.theme == "gruvbox"
        assert editor.query_one(PreviewPane).outer_size.width == 33
        news = site / "content" / "news.yml"
        before = news.read_text()
        await pilot.press("enter")  # into the form's first field (the date)
        await pilot.press("ctrl+u", *"2024.07")
        await pilot.press("ctrl+s")  # no longer save: the override moved it
        await pilot.pause()
        assert news.read_text() == before
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert "'2024.07'" in news.read_text() or "2024.07\n" in news.read_text()
        assert app._notifications and not any(n.severity == "warning" for n in app._notifications)


async def test_bad_settings_are_one_line_each_and_the_app_runs_on_defaults(site, tmp_path):
    path = settings_file(tmp_path, 'theme = "no-such-theme"\n[preview]\ndebounce_ms = -4\n'
                                   '[keys]\nnot_a_binding = "x"\nquit = "Q"\n')
    app = HomepageApp(site, today=TODAY, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        messages = sorted(n.message for n in app._notifications if n.title == "Settings")
        assert len(messages) == 3 and all("\n" not in m for m in messages)
        assert messages[0].startswith(f"{path}:1: theme: no theme 'no-such-theme' (themes: ")
        assert messages[1].startswith(f"{path}:3: preview.debounce_ms: ")
        assert messages[2].startswith(f"{path}:5: keys.not_a_binding: no binding with this id")
        assert app.theme == "textual-dark" and app.settings.preview.debounce_ms == 100
        await pilot.press("q")  # the good override still applies: q no longer quits
        await pilot.pause()
        assert app.is_running
        await pilot.press("Q")
        await pilot.pause()
    assert app.return_code == 0


EDITOR_SCRIPT = """\
import sys
from pathlib import Path
line, path = sys.argv[1], Path(sys.argv[2])
Path(sys.argv[0]).with_suffix(".args").write_text(line + " " + str(path))
path.write_text(path.read_text().replace("Our paper", "Editor's paper", 1))
"""


async def test_e_opens_the_entry_file_at_its_line_and_reads_the_edit_back(site, tmp_path):
    script = tmp_path / "fake_editor.py"  # a real program: what it was given, and a real edit
    script.write_text(EDITOR_SCRIPT)
    path = settings_file(tmp_path, f'editor = "{sys.executable} {script}"\n')
    app = HomepageApp(site, today=TODAY, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("down")  # the second news entry
        await pilot.pause()
        news = site / "content" / "news.yml"
        expected_line = editor.sections["news"].file.doc.entry_line(1)
        assert news.read_text().splitlines()[expected_line - 1].startswith("- ")
        await pilot.press("e")
        await pilot.pause()
        line, opened = script.with_suffix(".args").read_text().split(" ", 1)
        assert (line, opened) == (f"+{expected_line}", str(news))
        await app.workers.wait_for_complete()
        await pilot.pause()
        section = editor.sections["news"]
        assert section.entry(0)["text"].startswith("Editor's paper") and not section.dirty
        assert "Editor's paper" in (site / "_pages" / "about.md").read_text()
        assert any(n.title == "Edited" for n in app._notifications)
        from homepage_tui.app.git_status import GitStatusBar

        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2 uncommitted" in app.query_one(GitStatusBar).status_text  # the file and the page
