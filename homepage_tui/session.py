"""The editor's state without a UI: the loaded sections, the entry that is open, the typing applied
to it (validated first), a new entry that is added once it is valid, undo and redo in steps, and
what is unsaved.

The editor screen (`homepage_tui.app.editor_screen`) shows this state and forwards what the user
does; its form reports the values typed, and every change to a section goes through here. Nothing
here imports Textual, so the editing rules are tested alone (tests/test_session.py).

Undo steps: typing in one field of one entry is one step until the user pauses (`PAUSE`) or moves
to another field or entry; a new entry, a delete, a move and a sort are one step each. A step holds
the section's document state before it (and after it, once undone, for redo): snapshots of the
store's per-entry pieces, so undo and redo never parse or dump YAML.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable, Mapping

from homepage_tui.errors import HomepageError, ValidationError
from homepage_tui.record import Record

if TYPE_CHECKING:
    from datetime import date

    from homepage_tui.section import Section
    from homepage_tui.store import DocState

PAUSE = 1.0  # seconds without typing that end an undo step
UNDO_LEVELS = 100


class Step(Record):
    """One undoable change to one section."""

    FIELDS = ("section", "what", "index", "index_after", "before", "after", "rows", "last")

    def __init__(self, section: str, what: str, index: int | None, index_after: int | None, before: "DocState",
                 after: "DocState | None" = None, rows: tuple[int, ...] | None = None, last: float = 0.0):
        self.section = section
        self.what = what  # says what it was, as in "typing in title of entry 3"
        self.index = index  # the entry to show when the step is undone
        self.index_after = index_after  # the entry to show when it is redone
        self.before = before
        self.after = after  # taken when the step is undone
        self.rows = rows  # rows it changed in place; None: rows added, removed, moved
        self.last = last  # when the step last grew


class Change(Record):
    """What an action did, for the screen to show: the section and entry to select, whether only
    some rows changed in place (`rows`) or the rows must be refilled (None), and a message."""

    FIELDS = ("section", "index", "rows", "message")

    def __init__(self, section: str, index: int | None, rows: tuple[int, ...] | None, message: str = ""):
        self.section = section
        self.index = index
        self.rows = rows
        self.message = message


class EditResult(Record):
    """The outcome of the form's values being applied."""

    FIELDS = ("problems", "changed", "inserted", "error")

    def __init__(self, problems: dict[str, str] | None = None, changed: bool = False, inserted: bool = False,
                 error: str | None = None):
        self.problems = {} if problems is None else problems  # field -> what is wrong (not applied)
        self.changed = changed  # the section changed
        self.inserted = inserted  # a new entry was added (it was valid for the first time)
        self.error = error  # the section refused the change (e.g. a read-only file)


class EditSession:
    """The editing state of one site. `clock` gives the time that ends a typing step (tests pass
    their own, so no test sleeps)."""

    def __init__(self, today: "date | None" = None, clock: Callable[[], float] = time.monotonic,
                 pause: float = PAUSE):
        self.today = today  # new entries are dated by it (None: the real today)
        self.clock = clock
        self.pause = pause
        self.sections: dict[str, Section] = {}
        self.errors: dict[str, str] = {}
        self.current: str | None = None
        self.index: int | None = None  # the entry open in the form (None: none, or a draft)
        self.draft_at: int | None = None  # where a new entry goes once its fields are valid
        self.loaded: dict[str, Any] = {}  # the form's values as last opened or applied
        self.order: list[str] = []  # the open entry's keys as it was opened
        self.problems: dict[str, str] = {}
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self._typing: tuple | None = None  # the key typing continues in, until a pause or a move

    # ================================================================ sections

    @property
    def section(self) -> "Section | None":
        return self.sections.get(self.current or "")

    def section_loaded(self, name: str, section: "Section") -> None:
        """A section was read (or read again): earlier undo steps do not apply to it any more."""
        self.errors.pop(name, None)
        self.sections[name] = section
        self._forget_steps(name)
        if name == self.current:
            self.draft_at = None
            self.problems = {}

    def section_failed(self, name: str, error: str) -> None:
        self.errors[name] = error
        self.sections.pop(name, None)
        self._forget_steps(name)

    def _forget_steps(self, name: str) -> None:
        self.undo_steps = [s for s in self.undo_steps if s.section != name]
        self.redo_steps = [s for s in self.redo_steps if s.section != name]

    def title(self, name: str) -> str:
        section = self.sections.get(name)
        return (section.title if section else "") or name

    # ================================================================ what is open

    def open_section(self, name: str) -> str | None:
        """Make `name` the current section; returns the warning for an invalid edit left behind."""
        warning = self.leave_entry() if name != self.current else None
        self.current = name
        self.index = None
        return warning

    def leave_entry(self) -> str | None:
        """Before another entry is shown: an invalid edit or an unfinished new entry is dropped;
        the message says so (None when nothing was lost)."""
        warning = None
        if self.problems:
            what = "the new entry was not added" if self.draft_at is not None else "that edit was not applied"
            warning = f"{'; '.join(self.problems.values())}: {what}."
        self.draft_at = None
        self.problems = {}
        self._typing = None
        return warning

    def open_entry(self, index: int | None, values: Mapping[str, Any] | None = None) -> None:
        """Entry `index` is shown in the form, whose values() are `values`."""
        self.index = index
        self.draft_at = None
        self.problems = {}
        self._typing = None
        self.loaded = dict(values or {})
        section = self.section
        self.order = section.key_order(index) if section is not None and index is not None else []

    def start_draft(self, at: int) -> dict[str, Any]:
        """A new entry to be added at `at` once valid; returns the fields the form starts with."""
        section = self.section
        assert section is not None
        self.leave_entry()
        self.draft_at = at
        self.index = None
        self.loaded = {}
        self.order = []
        return section.new_entry_defaults(self.today)

    # ================================================================ editing

    def edit(self, values: Mapping[str, Any], problems: Mapping[str, str] | None = None,
             field_name: str | None = None) -> EditResult:
        """Apply the form's values (`problems`: what the form could not read) to the open entry,
        or add the new entry once it is valid. Invalid values are not applied and are reported."""
        from homepage_tui.store import DELETE

        section = self.section
        problems = dict(problems or {})
        if section is None or (self.draft_at is None and self.index is None):
            return EditResult()
        if self.draft_at is not None:
            fields = {k: v for k, v in values.items() if v is not DELETE}
            merged = fields
        else:
            if values == self.loaded and not self.problems and not problems:
                return EditResult()
            fields = {k: v for k, v in values.items() if self.loaded.get(k, DELETE) != v}
            fields.update({k: DELETE for k in self.loaded if k not in values and k not in problems})
            current = section.entry(self.index)  # type: ignore[arg-type]
            merged = {k: v for k, v in {**current, **fields}.items() if v is not DELETE}
        problems = {**section.validate(merged), **problems}
        self.problems = problems
        if problems:
            return EditResult(problems=problems)
        if self.draft_at is not None:
            at = self.draft_at
            step = self._begin(section, f"new entry {at + 1}", index=None, index_after=at, rows=None)
            try:
                section.insert(at, fields)
            except HomepageError as error:
                self._abandon(step)
                return EditResult(error=str(error))
            self.draft_at = None
            self.index = at
            self.loaded = dict(values)
            self.order = section.key_order(at)
            self._typing = (section.name, at, field_name)
            return EditResult(changed=True, inserted=True)
        if not fields:
            self.loaded = dict(values)
            return EditResult()
        index = self.index
        assert index is not None
        step = self._typing_step(section, index, field_name)
        try:
            changed = section.update(index, fields, self.order)
        except ValidationError as error:
            self._abandon(step)
            self.problems = dict(error.problems)
            return EditResult(problems=self.problems)
        except HomepageError as error:
            self._abandon(step)
            return EditResult(error=str(error))
        self.loaded = dict(values)
        if not changed:
            self._abandon(step)
        return EditResult(changed=changed)

    def preview_fields(self, values: Mapping[str, Any]) -> dict[str, Any] | None:
        """The open entry as the form shows it, applied or not, for the preview (None: as saved)."""
        from homepage_tui.store import DELETE

        section = self.section
        if self.draft_at is not None:
            return {k: v for k, v in values.items() if v is not DELETE}
        if section is None or self.index is None or not self.problems:
            return None
        current = section.entry(self.index)
        return {k: v for k, v in {**current, **values}.items() if v is not DELETE}

    # ================================================================ entry actions

    def delete(self, index: int) -> Change:
        section = self._editable()
        self.leave_entry()
        step = self._begin(section, f"delete of entry {index + 1}", index=index, index_after=None, rows=None)
        try:
            section.delete(index)
        except HomepageError:
            self._abandon(step)
            raise
        self.index = None
        select = min(index, len(section) - 1) if len(section) else None
        return Change(section.name, select, None)

    def move(self, index: int, step_by: int) -> Change | None:
        section = self._editable()
        to = index + step_by
        if not 0 <= to < len(section):
            return None
        self.leave_entry()
        step = self._begin(section, f"move of entry {index + 1} to {to + 1}", index=index, index_after=to, rows=None)
        try:
            section.move(index, to)
        except HomepageError:
            self._abandon(step)
            raise
        self.index = to
        return Change(section.name, to, None)

    def sort(self) -> Change | None:
        """Sort the current section by date, newest first; None when it already was."""
        section = self._editable()
        before = section.file.doc.snapshot()
        self.leave_entry()
        step = self._begin(section, "sort by date", index=self.index, index_after=0, rows=None)
        section.sort_by_date()
        if all(a is b for a, b in zip(section.file.doc.pieces, before.pieces)):
            self._abandon(step)
            return None
        self.index = 0
        return Change(section.name, 0, None)

    def begin_change(self, name: str, what: str, index: int = 0) -> None:
        """Another part of the app is about to change section `name` (a paste that adds several
        publications, a raw entry made typed): the change is one undo step, `what` naming it;
        `index` is the entry to show when it is redone."""
        section = self.sections[name]
        self.leave_entry()
        self._begin(section, what, index=self.index if name == self.current else None, index_after=index, rows=None)

    def _editable(self) -> "Section":
        section = self.section
        if section is None:
            raise HomepageError(f"{self.current}: " + self.errors.get(self.current or "", "still loading"))
        return section

    # ================================================================ undo and redo

    def _begin(self, section: "Section", what: str, index: int | None, index_after: int | None,
               rows: tuple[int, ...] | None, key: tuple | None = None) -> Step:
        step = Step(section.name, what, index, index_after, section.file.doc.snapshot(), rows=rows,
                    last=self.clock())
        self.undo_steps.append(step)
        del self.undo_steps[:-UNDO_LEVELS]
        self.redo_steps.clear()
        self._typing = key
        return step

    def _abandon(self, step: Step) -> None:
        """A step whose change did not happen is not kept."""
        if self.undo_steps and self.undo_steps[-1] is step:
            self.undo_steps.pop()
            self._typing = None

    def _typing_step(self, section: "Section", index: int, field_name: str | None) -> Step:
        """Typing in the same field of the same entry continues the last step until a pause."""
        key = (section.name, index, field_name)
        now = self.clock()
        top = self.undo_steps[-1] if self.undo_steps else None
        # `_typing` is reset by every other action, so while it holds `key` the last step is the
        # one this typing began (or the new entry it completed).
        if top is not None and key == self._typing and top.section == section.name and now - top.last <= self.pause:
            top.last = now
            self.redo_steps.clear()
            return top
        what = f"typing in {field_name} of entry {index + 1}" if field_name else f"edit of entry {index + 1}"
        return self._begin(section, what, index=index, index_after=index, rows=(index,), key=key)

    def end_step(self) -> None:
        """The next edit starts a new undo step (the user moved on)."""
        self._typing = None

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_steps or self.draft_at is not None or self.problems)

    def undo(self) -> Change | None:
        """Undo the last step (an invalid or unfinished entry's typing first); None: nothing to undo."""
        if self.draft_at is not None or self.problems:
            section = self._editable()
            was_draft = self.draft_at is not None
            self.leave_entry()
            message = ("Discarded the new entry (it was not added: it was not valid yet)." if was_draft
                       else "Discarded the edit that was not valid.")
            return Change(section.name, self.index, (), message)
        if not self.undo_steps:
            return None
        step = self.undo_steps.pop()
        section = self.sections[step.section]
        step.after = section.file.doc.snapshot()
        section.file.doc.restore(step.before)
        self.redo_steps.append(step)
        return self._arrive(step, step.index, f"Undone: {step.what} in {self.title(step.section)}")

    def redo(self) -> Change | None:
        if not self.redo_steps:
            return None
        step = self.redo_steps.pop()
        section = self.sections[step.section]
        assert step.after is not None
        section.file.doc.restore(step.after)
        step.after = None
        self.undo_steps.append(step)
        return self._arrive(step, step.index_after, f"Redone: {step.what} in {self.title(step.section)}")

    def _arrive(self, step: Step, index: int | None, message: str) -> Change:
        self.leave_entry()
        moved = step.section != self.current
        if moved:
            message += " (shown here)"
        self.current = step.section
        section = self.sections[step.section]
        if index is None or not 0 <= index < len(section):
            index = min(self.index or 0, len(section) - 1) if len(section) else None
        self.index = index
        return Change(step.section, index, None if moved else step.rows, message)

    # ================================================================ unsaved

    def dirty_sections(self) -> list["Section"]:
        return [s for s in self.sections.values() if s.dirty]

    @property
    def typing_unfinished(self) -> bool:
        """A new entry or an edit is in the form but not in the section (not valid yet)."""
        return self.draft_at is not None or bool(self.problems)

    def row(self, name: str, index: int) -> tuple[str, str, str]:
        """The table row of an entry: (date or year, title, detail)."""
        section = self.sections[name]
        return section.kind.summary(section.entry(index))
