"""Saving: write every edited section and regenerate the page; and quitting, which offers to save
first when there are unsaved edits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from homepage_tui.app.confirm import Choice, ConfirmModal
from homepage_tui.errors import ConflictError, HomepageError

if TYPE_CHECKING:
    from homepage_tui.section import Section


class SavingMixin:
    """Mixed into EditorScreen: save, the unsaved edits, quit."""

    # ================================================================ saving

    def dirty_sections(self) -> list["Section"]:
        return self.session.dirty_sections()

    def action_save(self) -> bool:
        """Save every edited section and regenerate the page; refuse while the form is invalid."""
        if not self.apply_form():
            problems = "; ".join(self.session.problems.values())
            self.notify(f"Not saved: fix the marked field first ({problems}).", title="Not saved",
                        severity="error", timeout=8)
            return False
        dirty = self.dirty_sections()
        if not dirty:
            self.notify("Nothing to save: no unsaved changes.", title="Save")
            return True
        assert self.site is not None
        written: list[Path] = []
        for section in dirty:
            try:
                written += self.site.save_and_render(section)
            except ConflictError:
                self.conflict(section)
                return False
            except HomepageError as error:
                if not section.dirty:  # the YAML was written; regenerating the page failed
                    written.append(section.path)
                self.notify(str(error), title="Not all saved", severity="error", timeout=15)
            self._mark(section)
        names = sorted({self._relative(p) for p in written})
        if names:
            self.notify("Wrote " + ", ".join(names), title="Saved")
        refresh = getattr(self.app, "refresh_git_status", None)
        if refresh is not None:
            refresh()
        return not self.dirty_sections()

    def _relative(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    # ================================================================ quitting

    def unsaved(self) -> list[str]:
        names = [self._relative(s.path) for s in self.dirty_sections()]
        if self.session.typing_unfinished:
            names.append("the entry being typed")
        return names

    def action_quit(self) -> None:
        unsaved = self.unsaved()
        if not unsaved:
            self.app.exit(return_code=0)
            return

        def answered(choice: str | None) -> None:
            if choice == "save":
                if self.action_save():
                    self.app.exit(return_code=0)
            elif choice == "quit":
                self.app.exit(return_code=0)

        self.app.push_screen(ConfirmModal(
            "Quit with unsaved changes?", "Unsaved: " + ", ".join(unsaved),
            [Choice("s", "Save and quit", "save", "primary"), Choice("y", "Quit without saving", "quit", "error"),
             Choice("n", "Keep editing", None)], cancel_value=None, id="quit-prompt"), answered)
