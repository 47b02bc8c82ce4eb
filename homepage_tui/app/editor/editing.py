"""Editing: the screen's side of a change. The form posts what the user typed (`FormEdited`, with
the values); the session (`homepage_tui.session.EditSession`) validates and applies it, keeps the
undo steps and carries out new, add, delete, move and sort. This mixin shows what it did: marks on
the form, the table's rows, the sidebar's counts, messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homepage_tui.app.confirm import Choice, ConfirmModal
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.app.messages import FormEdited
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart
from homepage_tui.errors import HomepageError
from homepage_tui.labels import plain_text, shorten

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.session import Change


DIALOG_LABEL = 120  # characters of an entry's text in the delete dialog (two lines of it)
TOAST_LABEL = 60  # and in a notification, which is narrower and must not cover the screen


class EditingMixin:
    """Mixed into EditorScreen: apply the form, new entries, undo/redo, delete/move/sort."""

    # ================================================================ the form's edits

    def on_form_edited(self, message: FormEdited) -> None:
        # Loading an entry sets the form's fields, whose change events arrive later. Moving through
        # the sections at key speed, a publication form's late events were applied to the awards
        # shown by then: only the form on screen now speaks for the open entry.
        if message.form is not None and message.form is not self._form():
            return
        self._apply(message.values, message.problems, message.field)

    def apply_form(self) -> bool:
        """Apply what the form holds now (before a save or a sort); True when it is valid."""
        form = self._form()
        if form is None or not form.display:
            return True
        values, problems = form.values()
        return self._apply(values, problems, None)

    def _apply(self, values: dict, problems: dict, field: str | None) -> bool:
        session = self.session
        section = session.section
        form = self._form()
        if section is None or form is None or not form.display:
            return True
        result = session.edit(values, problems, field)
        form.show_errors(result.problems)
        if result.error:
            self._report(result.error)
            return False
        if result.problems:
            self.schedule_preview()
            return False
        if result.inserted:
            self._refresh_rows(section, select=session.index)
            self._title_form(section)
        elif result.changed:
            self._refresh_row(section, session.index)
        self._mark(section)
        self.schedule_preview()
        return True

    def _title_form(self, section: "Section") -> None:
        form = self._form()
        if form is not None and self.session.index is not None:
            form.set_title(f"{section.title or section.name}: entry {self.session.index + 1} of {len(section)}")

    def _refresh_row(self, section: "Section", index: int | None) -> None:
        if index is None or not 0 <= index < len(section):
            return
        table = self.query_one(EntryTable)
        row = self._row(section, section.entry(index))
        before = table.entry_rows[index] if index < len(table.entry_rows) else None
        table.update_row(index, row)
        if section.kind.charts_years:
            chart = self.query_one(YearChart)
            if before is None:
                chart.show_years(r[0] for r in table.entry_rows)
            else:
                chart.replace_year(before[0], row[0])

    def _refresh_rows(self, section: "Section", select: int | None) -> None:
        rows = [self._row(section, e) for e in section.entries]
        table = self.query_one(EntryTable)
        table.show_rows(section.type, rows, select)
        if section.kind.charts_years:
            self.query_one(YearChart).show_years(r[0] for r in rows)
        self._mark(section)

    def _mark(self, section: "Section") -> None:
        self.query_one(SectionList).update_section(section.name, count=len(section), dirty=section.dirty)
        self.show_counts()

    def show_counts(self) -> None:
        """The status line's count of sections with unsaved edits (the sidebar's marks: asking each
        section would join every large file's lines at each keystroke)."""
        self.query_one(GitStatusBar).show_unsaved(self.query_one(SectionList).dirty_count)

    def _report(self, error: Exception | str) -> None:
        self.notify(str(error), title="Not done", severity="error", timeout=10)

    # ================================================================ undo and redo

    def action_undo(self) -> None:
        """Undo the last step: an invalid or new entry's typing first, then the edits, one step
        each (typing in one field until a pause, a new entry, a delete, a move, a sort)."""
        self.apply_form()
        change = self.session.undo()
        if change is None:
            self.notify("Nothing to undo.", title="Undo")
            return
        self._show_change(change, "Undo")

    def action_redo(self) -> None:
        change = self.session.redo()
        if change is None:
            self.notify("Nothing to redo.", title="Redo")
            return
        self._show_change(change, "Redo")

    def _show_change(self, change: "Change", title: str) -> None:
        """Show what an undo or redo did: its section and entry, then say what it was."""
        session = self.session
        section = session.sections.get(change.section)
        if section is None:
            return
        if change.section != self.shown_section:
            self.query_one(SectionList).select_section(change.section)
            self.show_section(change.section, keep=change.index)
        elif change.rows is None:
            self._refresh_rows(section, select=change.index)
            self.load_entry(change.index, force=True)
        else:
            for index in change.rows:
                self._refresh_row(section, index)
            table = self.query_one(EntryTable)
            if change.index is not None and table.current_index != change.index:
                table.select_index(change.index)
            self.load_entry(change.index if change.index is not None else table.current_index, force=True)
        self._mark(section)
        self.notify(change.message, title=title)

    # ================================================================ entry actions

    def _editable(self) -> "Section | None":
        section = self.session.section
        if section is None:
            current = self.session.current or ""
            self.notify("This section cannot be edited: " + self.session.errors.get(current, "still loading"),
                        severity="warning")
        return section

    def action_new_news(self) -> None:
        """A news entry dated this month at the top of the news section, cursor in its text."""
        session = self.session
        news = next(iter(self._news_sections()), None)
        if news is None:
            self.notify("This site has no news section (a content file of type news).", severity="warning")
            return
        if news not in session.sections:
            self.notify(session.errors.get(news, "The news section is still loading."), severity="warning")
            return
        if session.current != news:
            self.query_one(SectionList).select_section(news)
            self.show_section(news)
        self._start_draft(0, focus="text")

    def action_add_entry(self) -> None:
        section = self._editable()
        if section is None:
            return
        self._start_draft(len(section) if section.kind.appends else 0, focus=section.kind.focus_field)

    def _start_draft(self, at: int, focus: str) -> None:
        session = self.session
        section = session.section
        assert section is not None
        refusal = section.cannot_add()
        if refusal:
            self.notify(refusal, title="Cannot add", severity="warning", timeout=12)
            return
        self._warn(session.leave_entry())
        self._clear_filter()
        fields = session.start_draft(at)
        form = self._show_form(section.type)
        form.load(fields, f"{section.title or section.name}: new entry (added when it is valid)")
        form.focus_field(focus)
        self.schedule_preview()

    def action_delete_entry(self) -> None:
        section = self._editable()
        if section is None:
            return
        if self.session.draft_at is not None:
            self._warn(self.session.leave_entry())
            self.load_entry(self.query_one(EntryTable).current_index, force=True)
            return
        index = self.query_one(EntryTable).current_index
        if index is None:
            return
        date, title, _ = self._row(section, section.entry(index))
        words = plain_text(f"{date} {title}")
        detail, label = shorten(words, DIALOG_LABEL), shorten(words, TOAST_LABEL)

        def done(yes: bool | None) -> None:
            if yes:
                change = self.session.delete(index)
                self._refresh_rows(section, select=change.index)
                self.load_entry(self.query_one(EntryTable).current_index, force=True)
                self.notify(f"Deleted: {label} (ctrl+z undoes, ctrl+s saves)", title="Deleted", markup=False)

        self.app.push_screen(ConfirmModal(
            f"Delete entry {index + 1} of {section.title or section.name}?", detail,
            [Choice("y", "Delete", True, "error"), Choice("n", "Keep", False)], cancel_value=False), done)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        section = self._editable()
        if section is None or self.session.draft_at is not None:
            return
        if self.query_one(EntryTable).filter_text:
            self.notify("Clear the filter (escape in the filter line) to move entries.", severity="warning")
            return
        index = self.query_one(EntryTable).current_index
        if index is None or not self.apply_form():
            return
        try:
            change = self.session.move(index, step)
        except HomepageError as error:
            self._report(error)
            return
        if change is None:
            return
        self._refresh_rows(section, select=change.index)
        self.load_entry(change.index, force=True)

    def action_sort(self) -> None:
        section = self._editable()
        if section is None:
            return
        if not self.apply_form():
            self.notify("Not sorted: fix the marked field first.", title="Sort", severity="warning")
            return
        try:
            change = self.session.sort()
        except HomepageError as error:
            self._report(error)
            return
        if change is None:
            self.notify("Already sorted by date, newest first.", title="Sort")
            return
        self._refresh_rows(section, select=0)
        self.load_entry(0, force=True)
        self.notify("Sorted by date, newest first; comments moved with their entries.", title="Sort")

    def _warn(self, warning: str | None) -> None:
        if warning:
            self.notify(warning, title="Invalid entry", severity="warning")
