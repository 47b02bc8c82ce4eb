"""SVG snapshots of every screen the user meets: the editor at 80x24 and 120x40 on the demo,
each entry form (news, award, list item, raw entry, a template's own field), the publish review,
the import screen, help, and an error state. A fixed date, no cursor blink, and a fixed folder
where a path shows, so the picture is the same on every run and machine.

After a deliberate change: `pytest tests/test_screens_snapshots.py --snapshot-update`, then look
at the SVGs in tests/__snapshots__/ before committing them."""

from __future__ import annotations

import datetime as dt
import fcntl
import shutil
from pathlib import Path

import pytest

from homepage_tui.app.main import HomepageApp
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)
WIDE, SMALL = (120, 40), (80, 24)
# Messages name the file they are about: a fixed folder keeps those lines the same on every run.
FIXED = Path("/tmp/homepage-tui-snapshots")
RAW_LINE = "- raw: '* **2024.07** A hand-written item about our workshop'\n"


@pytest.fixture
def root(tmp_path) -> Path:
    return make_demo(tmp_path / "site").root


@pytest.fixture
def fixed_root() -> Path:
    """The demo in FIXED, for screens that show a path. Test runs on one machine may overlap
    (several suites at once): a lock file gives the folder to one test at a time."""
    FIXED.parent.mkdir(parents=True, exist_ok=True)
    with open(FIXED.parent / (FIXED.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(FIXED, ignore_errors=True)
        FIXED.mkdir()
        yield make_demo(FIXED / "site").root
        shutil.rmtree(FIXED, ignore_errors=True)


def app_for(root: Path) -> HomepageApp:
    # The settings file (none) is named on the help screen: beside the site, so fixed with it.
    return HomepageApp(root, today=TODAY, settings_path=root.parent / "config.toml")


async def settle(pilot) -> None:
    """Loaded, git status read, no blinking cursor."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)
    return run_before


def test_editor_small_terminal(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=SMALL, run_before=settle)


def test_editor_small_terminal_preview_in_the_form_place(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=SMALL, run_before=keys("p"))


def test_news_form(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=WIDE, run_before=keys("down", "enter"))


def test_award_form(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=WIDE,
                        run_before=keys("left", "down", "down", "right", "enter"))


def test_list_item_form(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=WIDE,
                        run_before=keys("left", "down", "down", "down", "right", "enter"))


def test_raw_entry_form(snap_compare, root):
    news = root / "content" / "news.yml"
    text = news.read_text()
    first = text.index("- date:")
    news.write_text(text[:first] + RAW_LINE + text[first:])
    assert snap_compare(app_for(root), terminal_size=WIDE, run_before=keys("enter"))


def test_raw_entry_made_typed_shown_first(snap_compare, root):
    news = root / "content" / "news.yml"
    text = news.read_text()
    first = text.index("- date:")
    news.write_text(text[:first] + RAW_LINE + text[first:])
    assert snap_compare(app_for(root), terminal_size=WIDE, run_before=keys("t"))


def test_template_field_form(snap_compare, root):
    settings = root / "content" / "site.yml"
    settings.write_text(settings.read_text().replace(
        "{venue|period}{?note}", "{venue|period}{?citation} Cited by {citation}.{/citation}{?note}"))
    assert snap_compare(app_for(root), terminal_size=WIDE,
                        run_before=keys("left", "down", "right", "enter", *["tab"] * 8, *"42"))  # citation


def test_publish_review(snap_compare, root):
    assert snap_compare(app_for(root), terminal_size=WIDE,
                        run_before=keys("down", "enter", "tab", "tab", "end", *" Camera-ready.", "escape", "v"))


def test_help_screen(snap_compare, fixed_root):
    assert snap_compare(app_for(fixed_root), terminal_size=WIDE, run_before=keys("question_mark"))


def test_help_screen_small_terminal(snap_compare, fixed_root):
    assert snap_compare(app_for(fixed_root), terminal_size=SMALL, run_before=keys("question_mark"))


def test_a_section_whose_file_cannot_be_read(snap_compare, fixed_root):
    awards = fixed_root / "content" / "awards.yml"
    awards.write_text(awards.read_text() + "- year: '2024\n  title: [unclosed\n")
    assert snap_compare(app_for(fixed_root), terminal_size=WIDE, run_before=keys("left", "down", "down"))


def test_import_screen(snap_compare, root):
    shutil.rmtree(root / "content")
    assert snap_compare(app_for(root), terminal_size=WIDE, run_before=settle)
