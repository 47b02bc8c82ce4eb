"""The editor's footer (app/fitted_footer.py) through the real app: when the keys change, the
footer composes its keys again, each styled once, in the compact look."""

from __future__ import annotations

import datetime as dt

from textual.widgets._footer import FooterKey

from homepage_tui.app.fitted_footer import FittedFooter
from homepage_tui.app.main import HomepageApp
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)


async def test_the_footer_keys_are_made_compact_and_not_restyled_when_mounted(tmp_path):
    app = HomepageApp(make_demo(tmp_path / "site").root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = app.screen.query_one(FittedFooter)
        before = list(footer.query(FooterKey))
        restyled = []  # the nodes restyled after a change of their classes (Textual's update_styles)
        update_styles = app.update_styles

        def recording(node, animate=True):
            restyled.append(node)
            return update_styles(node, animate)

        app.update_styles = recording
        await pilot.press("enter")  # a field of the form takes the keys: the footer's keys change
        for _ in range(3):
            await pilot.pause()
        keys = list(footer.query(FooterKey))
        assert keys and not set(keys) & set(before)  # composed again
        assert all(key.has_class("-compact") for key in keys)
        assert [node for node in restyled if isinstance(node, FooterKey)] == []
