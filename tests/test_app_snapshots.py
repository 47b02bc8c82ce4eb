"""SVG snapshots of the editor at 120x40 on the demo site, with a fixed date and no cursor blink.

Update after a deliberate change with `pytest tests/test_app_snapshots.py --snapshot-update`,
then look at the SVGs in tests/__snapshots__/ before committing them."""

from __future__ import annotations

import datetime as dt

import pytest

from homepage_tui.app.main import HomepageApp
from homepage_tui.demo import make_demo

SIZE = (120, 40)
TODAY = dt.date(2025, 3, 14)


@pytest.fixture
def app(tmp_path) -> HomepageApp:
    return HomepageApp(make_demo(tmp_path / "site").root, today=TODAY)


async def settle(pilot) -> None:
    """Loaded, git status read, no blinking cursor: the same picture on every run."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_publication_form(snap_compare, app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("left", "down", "right", "down", "enter")  # publications, 2nd paper, its form
        await pilot.press("tab")  # the author list
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_whole_page_preview(snap_compare, app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("left", "down", "right", "W")  # publications, then the whole page
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_new_news_with_invalid_date(snap_compare, app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("n", *"Our paper is accepted", "shift+tab", "shift+tab")
        await pilot.press("ctrl+u", *"2025.13")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_paste_box_with_a_duplicate_beside_the_existing_entry(snap_compare, app):
    from textual import events

    fusion = ("@article{tang2023fusionai,\n  title={FusionAI: Decentralized Training and Deploying {LLMs} with "
              "Massive Consumer-Level {GPUs}},\n  author={Tang, Zhenheng and Wang, Yuxin and He, Xin},\n"
              "  journal={arXiv preprint arXiv:2309.01172},\n  year={2023}\n}\n")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("left", "down", "right", "b")  # publications, the paste box
        await pilot.pause()
        pilot.app.post_message(events.Paste(fusion))
        await pilot.pause()
        await pilot.app.screen.workers.wait_for_complete()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
