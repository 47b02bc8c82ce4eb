"""The editor shows the core's refusals: `n` and `a` on a section whose entries no template
reproduces say why instead of starting an entry that would be written unlike its neighbours."""

from __future__ import annotations

import datetime as dt

from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.main import HomepageApp
from homepage_tui.cli import main
from sitebuild import site_from_page
from test_safety import HEAD, TAIL, UNFIT


async def test_new_and_add_on_a_section_without_template_explain_and_start_nothing(tmp_path):
    site = site_from_page(tmp_path / "site", HEAD + "\n" + UNFIT + TAIL)
    assert main(["import", "--site", str(site)]) == 0
    news_before = (site / "content" / "news.yml").read_bytes()
    app = HomepageApp(site, today=dt.date(2026, 7, 1))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.all_loaded
        for key in ("n", "a"):
            await pilot.press(key)
            await pilot.pause()
            assert editor.draft_at is None
            messages = [n.message for n in app._notifications]
            assert any("cannot be added" in m and "emphasis" in m for m in messages), messages
            app.clear_notifications()
    assert (site / "content" / "news.yml").read_bytes() == news_before
