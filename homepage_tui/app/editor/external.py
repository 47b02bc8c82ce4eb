"""`e`: the selected entry's file, opened at the entry's line in the user's text editor (the
`editor` setting, else $VISUAL, $EDITOR, vi). The app is suspended while the editor runs; the
edited file is read back and the page regenerated when the editor exits."""

from __future__ import annotations

import subprocess

from textual import work
from textual.app import SuspendNotSupported

from homepage_tui.errors import HomepageError


class ExternalEditorMixin:
    """Mixed into EditorScreen: open the entry's file in a text editor."""

    def action_open_in_editor(self) -> None:
        from homepage_tui.config import default_editor
        from homepage_tui.external_editor import editor_command

        section = self.sections.get(self.current or "")
        if section is None:
            path = self.site.section_path(self.current) if self.site and self.current else None
            if path is None:
                self.notify("No section is open.", severity="warning")
                return
            line = 1
        else:
            if self.dirty_sections() and not self.action_save():
                return  # the editor would see the file without the unsaved edits, and clash on save
            path, line = section.path, self._line_in_file(section)
        settings = getattr(self.app, "settings", None)
        editor = (settings.editor if settings is not None else None) or default_editor()
        try:
            command = editor_command(editor, path, line)
        except ValueError as error:
            self.notify(f"editor setting {editor!r}: {error}", severity="error")
            return
        before = path.read_bytes() if path.exists() else b""
        try:
            try:
                with self.app.suspend():
                    code = subprocess.call(command)
            except SuspendNotSupported:
                # No terminal to hand over (Textual web, headless): an editor that opens its own
                # window still works; a terminal one gets no input and exits.
                code = subprocess.call(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        except OSError as error:
            self.notify(f"Cannot run the editor {command[0]!r}: {error.strerror or error}. Set `editor` in "
                        "the settings file (homepage-tui config --path) or $EDITOR.", severity="error", timeout=10)
            return
        if code != 0:
            self.notify(f"{command[0]} exited with status {code}.", severity="warning")
        if path.exists() and path.read_bytes() != before:
            self._external_edit_done(path)

    def _line_in_file(self, section) -> int:
        """The focused field's line in the selected entry, else the entry's first line."""
        if self.index is None or not 0 <= self.index < len(section):
            return 1
        doc = section.file.doc
        focused = self.app.focused
        form = self._form()
        from homepage_tui.app.forms import EntryForm  # with the forms, after the first frame

        key = form.key_of(focused) if isinstance(form, EntryForm) and focused is not None else None
        return doc.field_line(self.index, key) if key else doc.entry_line(self.index)

    def _external_edit_done(self, path) -> None:
        if self.current is None or self.site is None:
            return
        self.session.leave_entry()  # the file is read back: the form's typing is not kept
        self._read_back(self.current, path)

    @work(thread=True, group="load", exit_on_error=False)
    def _read_back(self, name: str, path) -> None:
        """Load the edited file again (posting SectionLoaded like any reload), then regenerate the
        page from it: the user's edit reaches the page as a save from the editor would."""
        self._load_one(self.site, name, reload=True)
        refresh = getattr(self.app, "refresh_git_status", None)
        try:
            written = self.site.render()
        except HomepageError as error:
            self.app.call_from_thread(
                self.notify, f"{self._relative(path)} was edited, but the page was not regenerated: {error}",
                title="Edited", severity="error", timeout=15)
            if refresh is not None:
                self.app.call_from_thread(refresh)
            return
        note = f"; regenerated {', '.join(self._relative(p) for p in written)}" if written else ""
        self.app.call_from_thread(self.notify, f"Read back {self._relative(path)}{note}", title="Edited")
        if refresh is not None:  # the edited file and the page are changes to publish now
            self.app.call_from_thread(refresh)
