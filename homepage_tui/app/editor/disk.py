"""Files changed on disk: a once-a-second check that brings a reload prompt when someone else
changes a content file, retries a file that could not be read once it changes, and the prompts
when saving finds the file changed since it was loaded (a conflict).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from homepage_tui.app.confirm import Choice, ConfirmModal

if TYPE_CHECKING:
    from homepage_tui.section import Section


class DiskMixin:
    """Mixed into EditorScreen: watch the content files, reload them, settle save conflicts."""

    def check_disk(self) -> None:
        """Every second: a content file changed by someone else brings a reload prompt."""
        if self.app.screen is not self or getattr(self.app, "publish_busy", False):
            return  # a publish's pull rewrites the files; the app reloads them when it is done
        session = self.session
        for name in list(session.sections) + list(session.errors):
            if name in self._prompting:
                continue
            if name in session.errors:
                self._retry_broken(name)
                continue
            section = session.sections[name]
            try:
                changed = section.file.changed_on_disk()
            except OSError:
                continue
            if not changed:
                continue
            digest = _digest(section.path)
            if self._disk_ignored.get(name) == digest:
                continue
            self.reload_prompt(name, digest)
            return  # one prompt at a time

    def _retry_broken(self, name: str) -> None:
        """A file that could not be read is tried again when it changes (the user fixed it)."""
        assert self.site is not None
        path = self.site.section_path(name)
        digest = _digest(path)
        if self._disk_ignored.get(name) is None:
            self._disk_ignored[name] = digest
        elif self._disk_ignored[name] != digest:
            self._disk_ignored[name] = digest
            self.reload_sections([name])

    def reload_prompt(self, name: str, digest: str) -> None:
        section = self.session.sections[name]
        self._prompting.add(name)
        rel = self._relative(section.path)
        if section.dirty:
            detail = ("You have unsaved edits in it. Reloading loses them; keeping yours means saving is "
                      "refused until you reload, so the other change is never overwritten.")
        else:
            detail = "You have no unsaved edits in it."

        def answered(reload: bool | None) -> None:
            # When reloading, the name stays "prompting" until the reloaded section arrives
            # (on_section_loaded): the one-second check would otherwise see the old file as
            # changed again and push a second prompt while this one is still being removed.
            if reload:
                self._reload(name)
            else:
                self._prompting.discard(name)
                self._disk_ignored[name] = digest

        self.app.push_screen(ConfirmModal(
            f"{rel} changed on disk. Reload it?", detail,
            [Choice("r", "Reload from disk", True, "warning"), Choice("k", "Keep editing", False)],
            cancel_value=False, id="reload-prompt"), answered)

    def conflict(self, section: "Section") -> None:
        """Saving found the file changed on disk: reload (after confirming) or keep editing."""
        rel = self._relative(section.path)
        self._prompting.add(section.name)

        def answered(reload: bool | None) -> None:
            if not reload:
                self._prompting.discard(section.name)
                self._disk_ignored[section.name] = _digest(section.path)
                return

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._reload(section.name)  # prompting ends when the reloaded section arrives
                else:
                    self._prompting.discard(section.name)

            self.app.push_screen(ConfirmModal(
                f"Discard your unsaved edits to {rel}?", "The file is read again from disk.",
                [Choice("y", "Discard and reload", True, "error"), Choice("n", "Keep editing", False)],
                cancel_value=False, id="discard-confirm"), confirmed)

        self.app.push_screen(ConfirmModal(
            f"Not saved: {rel} changed on disk since it was loaded",
            "Saving now would overwrite that change, so nothing was written. Reload the file from disk "
            "(your unsaved edits to it are lost), or keep editing and copy them somewhere first.",
            [Choice("r", "Reload from disk…", True, "warning"), Choice("k", "Keep editing", False)],
            cancel_value=False, id="conflict-prompt"), answered)

    def _reload(self, name: str) -> None:
        if name == self.session.current:
            self.session.leave_entry()  # the typing is lost with the reload; the user agreed
        self.reload_sections([name])

    def action_reload_section(self) -> None:
        session = self.session
        current = session.current
        if current is None or current not in session.sections:
            if current in session.errors:
                self.reload_sections([current])
            return
        section = session.sections[current]
        if not section.dirty:
            self._reload(current)
            return
        self.app.push_screen(ConfirmModal(
            f"Discard your unsaved edits to {self._relative(section.path)}?", "The file is read again from disk.",
            [Choice("y", "Discard and reload", True, "error"), Choice("n", "Keep editing", False)],
            cancel_value=False), lambda yes: self._reload(section.name) if yes else None)


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""
