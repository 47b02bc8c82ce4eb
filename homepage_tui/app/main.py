"""The editor app: `HomepageApp(root)` opens the site in `root` (see editor_screen for the work).

Start-up stays light: the site's modules (ruamel.yaml, the renderer, git) are imported in the
loading worker, not here, so the first frame does not wait for them."""

from __future__ import annotations

import datetime as _dt
import gc
import os
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from homepage_tui.app.check_panel import CHECK_BINDINGS, CheckActions
from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.git_status import GIT_STATUS_CSS_PATH
from homepage_tui.app.history_screen import HISTORY_BINDINGS, HistoryActions
from homepage_tui.app.messages import AllSectionsLoaded
from homepage_tui.app.palette import EditorCommands
from homepage_tui.app.publish_worker import PUBLISH_BINDINGS, PublishActions

TODAY_ENV = "HOMEPAGE_TUI_TODAY"  # YYYY-MM-DD: the "current month" of new news (tests, demos)


def today_from_env() -> _dt.date:
    value = os.environ.get(TODAY_ENV, "").strip()
    if value:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    return _dt.date.today()


_start_up_frozen = False


def freeze_start_up_objects() -> None:
    """Take the objects alive now out of the cyclic collector's walks (gc.freeze), once a process.

    They are the imported modules' classes, functions and constants (about 36,000 when the app
    starts), which live as long as the process. Python's full collection walks every tracked
    object; the first one fell while the editor drew its first frame and took 30 ms of its 60.
    Frozen, they are not walked again, in that collection or any later one; what the app makes
    from here on is collected as before. Once a process: a later app (tests open hundreds) would
    otherwise freeze the garbage its predecessors left."""
    global _start_up_frozen
    if not _start_up_frozen:
        _start_up_frozen = True
        gc.freeze()


class HomepageApp(HistoryActions, CheckActions, PublishActions, App[int]):
    TITLE = "homepage-tui"
    # The sheets of the first frame only: the screens shown on demand (dialogs, import, help,
    # publish, check, history) bring their own, parsed once the content is in, and the forms'
    # sheet is parsed before they are mounted (screen_css).
    CSS_PATH = [Path(__file__).with_name("app.tcss"), GIT_STATUS_CSS_PATH]
    COMMANDS = App.COMMANDS | {EditorCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        # Textual's Keys panel (palette: "Keys") has no key of its own to close it; escape does,
        # while it is open (check_action), and otherwise goes on to the focused widget.
        Binding("escape", "hide_help_panel", "Close keys", id="app.close_keys", show=False, priority=True),
        *PUBLISH_BINDINGS,
        *CHECK_BINDINGS,
        *HISTORY_BINDINGS,
    ]

    def __init__(self, root: Path, today: _dt.date | None = None, settings_path: Path | None = None):
        freeze_start_up_objects()  # before the app's own objects: those are collected as usual
        super().__init__()
        from homepage_tui.config import config_path, load_settings

        self.root = Path(root)
        self.today = today or today_from_env()
        self.settings_path = settings_path or config_path()
        self.settings, self.settings_problems = load_settings(self.settings_path)

    def on_mount(self) -> None:
        from homepage_tui.app.settings import apply_settings

        # A bad setting is one line naming the file, line and key; the app runs on with the default.
        self.settings_problems += apply_settings(self, self.settings, self.settings_path)
        for problem in self.settings_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=15)

    def on_all_sections_loaded(self, _message: AllSectionsLoaded) -> None:
        """The content is in (the message bubbles up from the editor): parse the on-demand screens'
        style sheets while the app is idle, so that their first opening need not."""
        from homepage_tui.app.screen_css import preload

        self.call_after_refresh(preload, self)

    def get_default_screen(self) -> Screen:
        return EditorScreen(self.root, self.today, id="editor-screen")

    @property
    def editor(self) -> EditorScreen:
        return self.screen_stack[0]  # type: ignore[return-value]  (the default screen, always first)

    @property
    def site(self):
        """The open site (PublishActions reads it); None while the site is being opened."""
        return self.editor.site

    def publish_paths(self):
        if self.editor.site is None:
            from homepage_tui.errors import SiteError

            raise SiteError("the site is still loading")
        return super().publish_paths()

    # Publish, review, check and history need a site with content. Before there is one (an empty
    # folder, a page not imported yet) their keys leave the footer (check_action) and the palette's
    # commands, which Textual runs without asking check_action, say why.
    SITE_ACTIONS = ("publish", "review_publish", "check_site", "entry_history")

    def no_site_yet(self) -> str | None:
        """Why the site actions cannot run now (None when they can)."""
        editor = self.screen_stack[0] if self.screen_stack else None
        site = getattr(editor, "site", None)
        if site is None:
            return "No site is open yet."
        if not site.content_dir.is_dir():
            page = site.root / site.settings.page
            first = ("import the page first (i)" if page.is_file()
                     else "make a page first (n), or try `homepage-tui demo`")
            return f"{site.root} has no content/ yet: {first}."
        return None

    def _refused(self, title: str) -> bool:
        reason = self.no_site_yet()
        if reason:
            self.notify(reason, title=f"{title}: not available", severity="warning", markup=False)
        return reason is not None

    # Publishing commits what is on disk: save the editor's changes first.
    def action_publish(self) -> None:
        if not self._refused("Publish") and self._saved_for_publish():
            super().action_publish()

    def action_review_publish(self) -> None:
        if not self._refused("Review") and self._saved_for_publish():
            super().action_review_publish()

    def action_check_site(self) -> None:
        if not self._refused("Check"):
            super().action_check_site()

    def action_entry_history(self) -> None:
        if not self._refused("History"):
            super().action_entry_history()

    def _saved_for_publish(self) -> bool:
        editor = self.editor
        if self.screen is not editor:
            return False
        if editor.unsaved():
            return editor.action_save()
        return True

    def action_help(self) -> None:
        from homepage_tui.app.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_publish_finished(self, _message) -> None:
        """A pull with rebase may have brought the remote's content in: the sections without
        unsaved edits are read again at once (no prompt: nothing of the user's can be lost)."""
        editor = self.editor
        if editor.site is None:
            return
        changed = [name for name, section in editor.sections.items()
                   if not section.dirty and section.file.changed_on_disk()]
        if changed:
            editor.reload_sections(changed)

    def action_quit(self) -> None:
        """ctrl+q asks like q when there are unsaved changes."""
        if self.screen is self.editor:
            self.editor.action_quit()
        elif len(self.screen_stack) == 1 or not isinstance(self.screen_stack[0], EditorScreen):
            self.exit(return_code=0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Publish and help are one-letter keys: not offered while a text field types them; the site
        actions not before a site with content is open (there is nothing they could work on)."""
        from homepage_tui.app.editor_screen import typing_in

        if action == "hide_help_panel":
            return bool(self.screen.query("HelpPanel"))
        if action in ("publish", "review_publish", "help") and typing_in(self.focused):
            return False
        if action in self.SITE_ACTIONS:
            return self.no_site_yet() is None
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Quit":  # the editor's own Quit asks about unsaved changes
                yield command
        yield SystemCommand("Help: every key", "Every key by where it applies, with its id for the settings (?)",
                            self.action_help)
