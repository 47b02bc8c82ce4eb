"""Editing: the only place that changes a section. The form reports what the user typed; this
validates it and applies it (or adds a new entry once it is valid), keeps the undo snapshots, and
carries out the entry actions: new, add, delete, move, sort.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homepage_tui import model
from homepage_tui.app.confirm import Choice, ConfirmModal
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.messages import FormEdited
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart
from homepage_tui.errors import HomepageError, ValidationError

if TYPE_CHECKING:
    from homepage_tui.section import Section

UNDO_LEVELS = 100


class EditingMixin:
    """Mixed into EditorScreen: apply the form, drafts of new entries, undo, delete/move/sort."""

    # ================================================================ the form's edits

    def on_form_edited(self, message: FormEdited) -> None:
        self.apply_form(message.field)

    def apply_form(self, field: str | None = None) -> bool:
        """Validate the form and apply what changed to the section; True when the form is valid."""
        section = self.sections.get(self.current or "")
        form = self._form()
        if section is None or form is None or not form.display:
            return True
        from homepage_tui.store import DELETE

        values, problems = form.values()
        if self.draft_at is None and self.index is None:
            return True
        if self.draft_at is not None:
            fields = {k: v for k, v in values.items() if v is not DELETE}
            merged = fields
        else:
            if values == self.loaded_values and not self.form_problems and not problems:
                return True
            changed = {k: v for k, v in values.items() if self.loaded_values.get(k, DELETE) != v}
            changed.update({k: DELETE for k in self.loaded_values if k not in values and k not in problems})
            current = section.entry(self.index)  # type: ignore[arg-type]
            merged = {k: v for k, v in {**current, **changed}.items() if v is not DELETE}
            fields = changed
        problems = {**section.validate(merged), **problems}
        self.form_problems = problems
        form.show_errors(problems)
        if problems:
            self.schedule_preview()
            return False
        if self.draft_at is not None:
            at = self.draft_at
            self.push_undo(section)
            try:
                section.insert(at, fields)
            except HomepageError as error:
                self._report(error)
                return False
            self.draft_at = None
            self.index = at
            self._undo_key = (section.name, at, field)
            self.loaded_values = values
            self._refresh_rows(section, select=at)
            self._title_form(section)
        else:
            if not fields:
                return True
            key = (section.name, self.index, field)
            if key != self._undo_key:
                self.push_undo(section)
                self._undo_key = key
            try:
                section.update(self.index, fields)  # type: ignore[arg-type]
            except ValidationError as error:
                self.form_problems = error.problems
                form.show_errors(error.problems)
                return False
            except HomepageError as error:
                self._report(error)
                return False
            self.loaded_values = values
            self.query_one(EntryTable).update_row(self.index, self._row(section, section.entry(self.index)))
            if section.type == model.PUBLICATIONS:
                self.query_one(YearChart).show_years(r[0] for r in self.query_one(EntryTable).entry_rows)
        self._mark(section)
        self.schedule_preview()
        return True

    def _title_form(self, section: "Section") -> None:
        form = self._form()
        if form is not None and self.index is not None:
            form.query_one(".form-title").update(
                f"{section.title or section.name}: entry {self.index + 1} of {len(section)}")

    def _refresh_rows(self, section: "Section", select: int | None) -> None:
        rows = [self._row(section, e) for e in section.entries]
        table = self.query_one(EntryTable)
        table.show_rows(section.type, rows, select)
        if section.type == model.PUBLICATIONS:
            self.query_one(YearChart).show_years(r[0] for r in rows)
        self._mark(section)

    def _mark(self, section: "Section") -> None:
        self.query_one(SectionList).update_section(section.name, count=len(section), dirty=section.dirty)

    def _report(self, error: Exception) -> None:
        self.notify(str(error), title="Not done", severity="error", timeout=10)

    # ================================================================ undo

    def push_undo(self, section: "Section") -> None:
        self.undo_stack.append((section.name, section.file.doc.text()))
        del self.undo_stack[:-UNDO_LEVELS]

    def action_undo(self) -> None:
        """Undo the last change: an invalid or new entry's typing first, then the file's snapshots."""
        section = self.sections.get(self.current or "")
        if self.draft_at is not None or self.form_problems:
            self.form_problems = {}
            self.draft_at = None
            self.load_entry(self.index if self.index is not None else 0, force=True)
            self.notify("Discarded the edit that was not valid.", title="Undo")
            return
        if not self.undo_stack:
            self.notify("Nothing to undo.", title="Undo")
            return
        from homepage_tui.store import YamlDocument

        name, text = self.undo_stack.pop()
        section = self.sections.get(name)
        if section is None:
            return
        section.file.doc = YamlDocument(text, source=str(section.path))
        self._undo_key = None
        keep = self.index if name == self.current else 0
        if name != self.current:
            self.query_one(SectionList).select_section(name)
            self.current = None
        self.current = name
        self.show_section(name, keep=keep)
        self._mark(section)

    # ================================================================ entry actions

    def _editable(self) -> "Section | None":
        section = self.sections.get(self.current or "")
        if section is None:
            self.notify("This section cannot be edited: " + self.errors.get(self.current or "", "still loading"),
                        severity="warning")
        return section

    def action_new_news(self) -> None:
        """A news entry dated this month at the top of the news section, cursor in its text."""
        news = next((n for n in self.names if self.site and self.site.section_type(n) == model.NEWS), None)
        if news is None:
            self.notify("This site has no news section (a content file of type news).", severity="warning")
            return
        if news not in self.sections:
            self.notify(self.errors.get(news, "The news section is still loading."), severity="warning")
            return
        if self.current != news:
            self.query_one(SectionList).select_section(news)
            self.show_section(news)
        self._start_draft(0, self.sections[news].new_entry_defaults(self.today), focus="text")

    def action_add_entry(self) -> None:
        section = self._editable()
        if section is None:
            return
        fields = section.new_entry_defaults(self.today)
        at = len(section) if section.type == model.TREE else 0
        first = "text" if section.type in (model.NEWS, model.TREE) else "title"
        self._start_draft(at, fields, focus=first)

    def _start_draft(self, at: int, fields: dict, focus: str) -> None:
        section = self.sections[self.current]  # type: ignore[index]
        refusal = section.cannot_add()
        if refusal:
            self.notify(refusal, title="Cannot add", severity="warning", timeout=12)
            return
        self._leave_entry()
        self._clear_filter()
        self.draft_at = at
        self.index = None
        form = self._show_form(section.type)
        form.load(fields, f"{section.title or section.name}: new entry (added when it is valid)")
        self.loaded_values = {}
        self.form_problems = {}
        form.focus_field(focus)
        self.schedule_preview()

    def action_delete_entry(self) -> None:
        section = self._editable()
        if section is None:
            return
        if self.draft_at is not None:
            self._leave_entry()
            self.load_entry(self.query_one(EntryTable).current_index, force=True)
            return
        index = self.query_one(EntryTable).current_index
        if index is None:
            return
        date, title, _ = self._row(section, section.entry(index))
        summary = " ".join(f"{date} {title}".split())[:70]

        def done(yes: bool | None) -> None:
            if yes:
                self.push_undo(section)
                section.delete(index)
                self._undo_key = None
                self.index = None
                self._refresh_rows(section, select=min(index, len(section) - 1) if len(section) else None)
                self.load_entry(self.query_one(EntryTable).current_index, force=True)
                self.notify(f"Deleted: {summary} (ctrl+z undoes, ctrl+s saves)", title="Deleted")

        self.app.push_screen(ConfirmModal(
            f"Delete entry {index + 1} of {section.title or section.name}?", summary,
            [Choice("y", "Delete", True, "error"), Choice("n", "Keep", False)], cancel_value=False), done)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        section = self._editable()
        if section is None or self.draft_at is not None:
            return
        if self.query_one(EntryTable).filter_text:
            self.notify("Clear the filter (escape in the filter line) to move entries.", severity="warning")
            return
        index = self.query_one(EntryTable).current_index
        if index is None or not 0 <= index + step < len(section):
            return
        self.push_undo(section)
        section.move(index, index + step)
        self._undo_key = None
        self.index = index + step
        self._refresh_rows(section, select=index + step)
        self.load_entry(index + step, force=True)

    def action_sort(self) -> None:
        section = self._editable()
        if section is None:
            return
        if not self.apply_form():
            self.notify("Not sorted: fix the marked field first.", title="Sort", severity="warning")
            return
        before = section.file.doc.text()
        self.push_undo(section)
        section.sort_by_date()
        if section.file.doc.text() == before:
            self.undo_stack.pop()
            self.notify("Already sorted by date, newest first.", title="Sort")
            return
        self._undo_key = None
        self._refresh_rows(section, select=0)
        self.load_entry(0, force=True)
        self.notify("Sorted by date, newest first; comments moved with their entries.", title="Sort")
