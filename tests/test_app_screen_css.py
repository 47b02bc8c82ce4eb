"""The style sheets kept out of the editor's first frame (app/screen_css.py): the on-demand
screens' sheets are parsed once the content is in, and each screen is styled by its sheet whether
it opens before that (Textual reads the screen's CSS_PATH) or after; the forms' sheet is parsed
before the forms are mounted, after the first frame."""

from __future__ import annotations

import datetime as dt

from homepage_tui.app.check_panel import CheckScreen
from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.help_screen import HelpScreen
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.screen_css import DIALOGS_CSS_PATH, FORMS_CSS_PATH, HELP_CSS_PATH, PUBLISH_CSS_PATH
from homepage_tui.demo import make_demo

TODAY = dt.date(2024, 8, 1)


LATER = (DIALOGS_CSS_PATH, PUBLISH_CSS_PATH, HELP_CSS_PATH, FORMS_CSS_PATH)
ALL = ["global.tcss", "publish.tcss", "help.tcss", "forms.tcss"]


def parsed(app) -> list[str]:
    return [path.name for path in LATER if app.stylesheet.has_source(str(path))]


class Watched(HomepageApp):
    """Notes the sheets parsed in the editor's first frame (before the content) and, with
    `help_first`, opens the help screen there: before the on-demand sheets are preloaded."""

    help_first = False

    def get_default_screen(self):
        app = self

        class Editor(EditorScreen):
            def on_mount(self):  # Textual calls EditorScreen.on_mount too (handlers run along the MRO)
                def first_frame():
                    app.at_first_frame = parsed(app)
                    if app.help_first:
                        app.push_screen(HelpScreen())
                self.call_after_refresh(first_frame)

        return Editor(self.root, self.today, id="editor-screen")


class HelpFirst(Watched):
    help_first = True


async def settle(app, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def box_style(screen, selector: str) -> tuple[str, str]:
    styles = screen.query_one(selector).styles
    return styles.border_top[0], str(styles.width)  # "90w": 90% of the width


async def test_the_first_frame_parses_none_and_the_loaded_app_has_all(tmp_path):
    app = Watched(make_demo(tmp_path / "demo").root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.at_first_frame == []
        assert app.editor.all_loaded
        assert parsed(app) == ALL


async def test_help_opened_before_the_preload_is_styled_by_its_sheet(tmp_path):
    app = HelpFirst(make_demo(tmp_path / "demo").root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.at_first_frame == []
        assert isinstance(app.screen, HelpScreen)
        assert box_style(app.screen, "#help-box") == ("thick", "100")  # help.tcss
        # The preload then parsed the others (help's was read when it opened).
        assert parsed(app) == ALL
        await pilot.press("escape", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        assert box_style(app.screen, "#check-panel") == ("thick", "90w")  # publish.tcss


async def test_screens_opened_after_the_preload_are_styled_by_their_sheets(tmp_path):
    app = HomepageApp(make_demo(tmp_path / "demo").root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert parsed(app) == ALL
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        assert box_style(app.screen, "#check-panel") == ("thick", "90w")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert box_style(app.screen, "#help-box") == ("thick", "100")


async def test_the_forms_and_a_dialog_are_styled_by_their_sheets(tmp_path):
    app = HomepageApp(make_demo(tmp_path / "demo").root, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # the first entry's form, its first field focused
        await pilot.pause()
        field = app.focused
        assert field.has_class("field-input")
        assert (field.styles.height.value, field.styles.border_top[0]) == (1, "")  # forms.tcss: Input.field-input
        await pilot.press("escape", "d")  # delete the entry: asks first
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmModal"
        assert box_style(app.screen, "#confirm-box") == ("thick", "72")  # global.tcss
