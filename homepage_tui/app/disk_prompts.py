"""The prompts about content files changed on disk behind the editor's back: "reload it?" when
someone else changed a file, and "not saved: it changed on disk" when a save finds that.

A widget that is never drawn. It owns what the user answered (a DiskWatch, no Textual) and asks
the questions; what the user decides comes back to the editor as messages that carry the
section's name (`ReloadWanted`, `ReadAgain`), and the editor reloads. A file changed on disk is
never overwritten silently: saving it stays refused until it is reloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual.message import Message
from textual.widget import Widget

from homepage_tui.app.confirm import Choice, ConfirmModal
from homepage_tui.disk_watch import DiskWatch, digest

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.session import EditSession

DISCARD = [Choice("y", "Discard and reload", True, "error"), Choice("n", "Keep editing", False)]


class DiskPrompts(Widget):
    class ReloadWanted(Message):
        """The user chose to read section `name` again from disk (its unsaved edits go)."""

        def __init__(self, name: str):
            super().__init__()
            self.name = name

    class ReadAgain(Message):
        """Files that could not be read changed (the user may have fixed them): read them again."""

        def __init__(self, names: list[str]):
            super().__init__()
            self.names = names

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.answers = DiskWatch()

    def check(self, session: "EditSession", path_of: Callable[[str], Path], show: Callable[[Path], str]) -> None:
        """Look at the session's files once: unreadable files that changed are read again, and a
        loaded file changed on disk brings one prompt. `show` gives a path as the user reads it."""
        changes = self.answers.changes(session.sections, session.errors, path_of)
        again = [c.name for c in changes if c.read_again]
        if again:
            self.post_message(self.ReadAgain(again))
        for change in changes:
            if not change.read_again:
                section = session.sections[change.name]
                self._ask_reload(section, change.digest, show(section.path))

    def _ask_reload(self, section: "Section", version: str, rel: str) -> None:
        name = section.name
        self.answers.ask(name)
        if section.dirty:
            detail = ("You have unsaved edits in it. Reloading loses them; keeping yours means saving is "
                      "refused until you reload, so the other change is never overwritten.")
        else:
            detail = "You have no unsaved edits in it."

        def answered(reload: bool | None) -> None:
            # When reloading, the name stays asked about until the reloaded section arrives
            # (`reloaded`): the one-second check would otherwise see the old file as changed
            # again and push a second prompt while this one is still being removed.
            if reload:
                self.post_message(self.ReloadWanted(name))
            else:
                self.answers.keep(name, version)

        self.app.push_screen(ConfirmModal(
            f"{rel} changed on disk. Reload it?", detail,
            [Choice("r", "Reload from disk", True, "warning"), Choice("k", "Keep editing", False)],
            cancel_value=False, id="reload-prompt"), answered)

    def conflict(self, section: "Section", rel: str) -> None:
        """Saving found the file changed on disk: reload (after confirming) or keep editing."""
        name, path = section.name, section.path
        self.answers.ask(name)

        def answered(reload: bool | None) -> None:
            if not reload:
                self.answers.keep(name, digest(path))
                return

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.post_message(self.ReloadWanted(name))  # asked until the reloaded section arrives
                else:
                    self.answers.drop(name)

            self.app.push_screen(ConfirmModal(
                f"Discard your unsaved edits to {rel}?", "The file is read again from disk.",
                DISCARD, cancel_value=False, id="discard-confirm"), confirmed)

        self.app.push_screen(ConfirmModal(
            f"Not saved: {rel} changed on disk since it was loaded",
            "Saving now would overwrite that change, so nothing was written. Reload the file from disk "
            "(your unsaved edits to it are lost), or keep editing and copy them somewhere first.",
            [Choice("r", "Reload from disk…", True, "warning"), Choice("k", "Keep editing", False)],
            cancel_value=False, id="conflict-prompt"), answered)

    def confirm_reload(self, section: "Section", rel: str) -> None:
        """The user asked to reload a section with unsaved edits: confirm that they go."""
        name = section.name

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.post_message(self.ReloadWanted(name))

        self.app.push_screen(ConfirmModal(f"Discard your unsaved edits to {rel}?",
                                          "The file is read again from disk.", DISCARD, cancel_value=False),
                             confirmed)

    def reloaded(self, name: str) -> None:
        """Section `name` was read again from disk: earlier answers about it no longer apply."""
        self.answers.reloaded(name)
