"""The editor: sections on the left, the current section's entries, the selected entry's form,
and the preview. It owns the editing state (current section and entry, undo, drafts) and is the
only place that changes a section; the forms only report what the user typed.

Loading runs in a thread worker ("load") that posts one message per section, so the first frame
never waits for YAML. After a section is reported loaded, only the UI thread touches it.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, OptionList, Static

from homepage_tui import model
from homepage_tui.app.confirm import Choice, ConfirmModal
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.filter_bar import FilterBar
from homepage_tui.app.forms import FORMS, EntryForm
from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.app.messages import (
    AllSectionsLoaded,
    FormEdited,
    NoContent,
    SectionLoaded,
    SiteFailed,
    SiteOpened,
)
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart
from homepage_tui.errors import ConflictError, HomepageError, ValidationError

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.site import Site

UNDO_LEVELS = 100
PREVIEW_INTERVAL = 0.1  # seconds between preview renders while typing (section)
PAGE_PREVIEW_INTERVAL = 0.3  # the whole page costs more to draw
LOAD_SWITCH_INTERVAL = 0.02  # seconds between GIL hand-overs while the content loads
FILTER_SETTLE = 0.25  # seconds after the last filter key before the form and preview follow
PREVIEW_WINDOW = 60  # a longer section previews the entries around the selected one
NARROW = 110  # below this width the preview takes the form's place instead of a column


class EditorScreen(Screen):
    # Ordered so that a narrow footer still shows what a new user needs first.
    BINDINGS = [
        Binding("n", "new_news", "News", id="new_news", tooltip="New news entry dated this month"),
        Binding("a", "add_entry", "Add", id="add_entry", tooltip="Add an entry to this section"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="undo", priority=True),
        Binding("slash", "filter", "Filter", id="filter", key_display="/"),
        Binding("p", "toggle_preview", "Preview", id="toggle_preview"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("d", "delete_entry", "Delete", id="delete_entry"),
        Binding("s", "sort", "Sort", id="sort", tooltip="Sort by date, newest first"),
        Binding("ctrl+up", "move_up", "Move up", id="move_up", key_display="^↑"),
        Binding("ctrl+down", "move_down", "Move down", id="move_down", key_display="^↓"),
        Binding("w", "toggle_whole_page", "Page", id="toggle_whole_page", tooltip="Preview the whole page"),
    ]

    def __init__(self, root: Path, today, **kwargs):
        super().__init__(**kwargs)
        self.root = Path(root)
        self.today = today
        self.site: Site | None = None
        self.names: list[str] = []
        self.sections: dict[str, Section] = {}
        self.errors: dict[str, str] = {}
        self.all_loaded = False
        self.current: str | None = None
        self.index: int | None = None  # the entry in the form (None: none, or a draft)
        self.draft_at: int | None = None  # where a new entry goes once its fields are valid
        self.loaded_values: dict[str, Any] = {}  # the form's values() when it was loaded or applied
        self.form_problems: dict[str, str] = {}
        self.undo_stack: list[tuple[str, str]] = []
        self._undo_key: tuple | None = None
        self.preview_on = True
        self.whole_page = False
        self._preview_timer = None
        self._filter_timer = None
        self._highlight_after_filter: int | None = None
        self._last_preview = 0.0
        self._disk_ignored: dict[str, str] = {}  # section -> digest of a disk change the user declined
        self._prompting: set[str] = set()
        self._sized = False

    # ================================================================ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield SectionList(id="sections")
                yield YearChart(id="year-chart")
            with Horizontal(id="workspace"):
                with Vertical(id="editor"):
                    yield FilterBar(id="filter")
                    yield EntryTable(id="entries")
                    with Vertical(id="form-host"):
                        yield Static("", id="form-message")
                        for kind, form_class in FORMS.items():
                            yield form_class(id=f"form-{kind}", classes="entry-form")
                yield PreviewPane(id="preview")
        yield GitStatusBar()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#year-chart").display = False
        for form in self.query(EntryForm):
            form.display = False
        table = self.query_one(EntryTable)
        table.loading = True
        table.focus()
        self.load_site()
        self.set_interval(1.0, self.check_disk, name="watch-files")

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.has_class("-narrow") or not self._sized:
            # The preview starts shown where it has its own column, hidden where it would hide the form.
            if not self._sized:
                self.preview_on = not narrow
            self._sized = True
            self.set_class(narrow, "-narrow")
            self._preview_classes()

    def _preview_classes(self) -> None:
        self.set_class(not self.preview_on, "-preview-hidden")
        self.set_class(self.preview_on, "-preview-shown")

    # ================================================================ loading (thread worker)

    @work(thread=True, group="load", exit_on_error=False)
    def load_site(self) -> None:
        from homepage_tui.site import Site

        try:
            site = Site.open(self.root, need_content=False)
        except HomepageError as error:
            self.post_message(SiteFailed(str(error)))
            return
        if not site.content_dir.is_dir():
            self.post_message(NoContent(site))
            return
        names = site.section_names()
        self.post_message(SiteOpened(site, names))
        # The first frame is drawn; while the files parse, the UI thread mostly animates the
        # loading indicator. At Python's default 5 ms switch interval the two threads trade the
        # GIL hundreds of times a second, which made a 2,000-entry load about 20% slower.
        previous = sys.getswitchinterval()
        sys.setswitchinterval(LOAD_SWITCH_INTERVAL)
        try:
            for name in names:
                self._load_one(site, name, reload=False)
        finally:
            sys.setswitchinterval(previous)
        self.post_message(AllSectionsLoaded())

    @work(thread=True, group="load", exit_on_error=False)
    def reload_sections(self, names: list[str]) -> None:
        for name in names:
            self._load_one(self.site, name, reload=True)

    def _load_one(self, site: "Site", name: str, reload: bool) -> None:
        try:
            section = site.section(name, reload=reload)
        except HomepageError as error:
            site.forget(name)
            self.post_message(SectionLoaded(name, None, str(error), reloaded=reload))
        except Exception as error:  # noqa: BLE001 (a bug must not leave the app loading forever)
            site.forget(name)
            self.post_message(SectionLoaded(name, None, f"{name}: {type(error).__name__}: {error}", reload))
        else:
            self.post_message(SectionLoaded(name, section, reloaded=reload))

    def on_site_failed(self, message: SiteFailed) -> None:
        table = self.query_one(EntryTable)
        table.loading = False
        self._show_form_message(f"The site could not be opened:\n\n{message.error}")
        self.notify(message.error, title="Cannot open the site", severity="error", timeout=20)

    def on_no_content(self, message: NoContent) -> None:
        from homepage_tui.app.import_screen import ImportScreen

        self.site = message.site
        self.query_one(EntryTable).loading = False
        self.app.push_screen(ImportScreen(message.site), callback=self._after_import)

    def _after_import(self, imported: bool | None) -> None:
        if imported:
            self.query_one(EntryTable).loading = True
            self.load_site()
        else:
            self.app.exit(return_code=0)

    def on_site_opened(self, message: SiteOpened) -> None:
        self.site = message.site
        self.names = message.names
        titles = {n: str(message.site.section_settings(n).get("title") or n) for n in self.names}
        self.query_one(SectionList).set_sections(self.names, titles)
        if not self.names:
            self.query_one(EntryTable).loading = False
            self._show_form_message("content/ has no section files yet (news.yml, publications.yml …).")
        starter = getattr(self.app, "start_git_status", None)
        if starter is not None:
            starter()

    def on_section_loaded(self, message: SectionLoaded) -> None:
        name = message.name
        sidebar = self.query_one(SectionList)
        if message.section is None:
            self.errors[name] = message.error or "cannot be read"
            self.sections.pop(name, None)
            sidebar.update_section(name, error=True, dirty=False)
        else:
            self.errors.pop(name, None)
            self.sections[name] = message.section
            sidebar.update_section(name, count=len(message.section), error=False, dirty=message.section.dirty)
        if message.reloaded:
            self.undo_stack = [(n, t) for n, t in self.undo_stack if n != name]
            self._disk_ignored.pop(name, None)
            self._prompting.discard(name)
        if self.current is None and sidebar.current == name:
            self.show_section(name)
            if self.app.focused is None or self.app.focused is sidebar:
                self.query_one(EntryTable).focus()
        elif self.current == name:
            self.show_section(name, keep=self.index)

    def on_all_sections_loaded(self, message: AllSectionsLoaded) -> None:
        self.all_loaded = True
        self.query_one(EntryTable).loading = False
        if self.whole_page:
            self.schedule_preview()

    # ================================================================ showing a section

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        if name and name != self.current and (name in self.sections or name in self.errors):
            self.show_section(name)

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(EntryTable).focus()

    def show_section(self, name: str, keep: int | None = None) -> None:
        """Fill the table, chart and form for section `name` (entry `keep` selected)."""
        if name != self.current:
            self._leave_entry()
            self._clear_filter()
        self.current = name
        table = self.query_one(EntryTable)
        table.loading = False
        chart = self.query_one(YearChart)
        section = self.sections.get(name)
        if section is None:
            table.show_rows(model.TREE, [])
            chart.display = False
            self.index = None
            self._show_form_message(f"This section's file cannot be read, so it is not shown:\n\n"
                                    f"{self.errors.get(name, '')}\n\nFix it in a text editor; the editor reloads it "
                                    "when the file changes. The other sections work as usual.")
            self.query_one(PreviewPane).show_message(self.errors.get(name, ""), "Preview: not available")
            return
        rows = [self._row(section, e) for e in section.entries]
        select = min(keep, len(rows) - 1) if keep is not None and rows else 0
        table.show_rows(section.type, rows, select if rows else None)
        chart.display = section.type == model.PUBLICATIONS
        if chart.display:
            chart.show_years([r[0] for r in rows])
        self.load_entry(table.current_index if rows else None, force=True)

    def _row(self, section: "Section", fields: dict) -> tuple[str, str, str]:
        return model.make_entry(section.type, fields).summary()

    @on(DataTable.RowHighlighted, "#entries")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        index = int(event.row_key.value)
        if self.draft_at is not None and not event.data_table.has_focus:
            return  # a refill's highlight while a new entry is typed: only the user leaves it
        if self.query_one(FilterBar).has_focus:
            self._follow_after_filter(index)
            return
        if index != self.index or self.draft_at is not None:
            self.load_entry(index)

    def _follow_after_filter(self, index: int) -> None:
        """Typing a filter moves the highlight at every key; the form and the preview follow once
        the typing pauses, so that a key costs only the table's refill (on 2,000 rows the
        preview's redraw was most of a key's time)."""
        self._highlight_after_filter = index
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_SETTLE, self._filter_settled)

    def _filter_settled(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        index, self._highlight_after_filter = self._highlight_after_filter, None
        if index is not None and (index != self.index or self.draft_at is not None):
            self.load_entry(index)

    @on(DataTable.RowSelected, "#entries")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        form = self._form()
        if form is not None and form.display:
            form.focus_field()

    # ================================================================ the form

    def _form(self, kind: str | None = None) -> EntryForm | None:
        section = self.sections.get(self.current or "")
        kind = kind or (section.type if section else None)
        if kind is None:
            return None
        return self.query_one(f"#form-{kind if kind in FORMS else model.TREE}", EntryForm)

    def _show_form_message(self, text: str) -> None:
        for form in self.query(EntryForm):
            form.display = False
        message = self.query_one("#form-message", Static)
        message.update(text)
        message.display = True

    def _show_form(self, kind: str) -> EntryForm:
        self.query_one("#form-message").display = False
        target = self._form(kind)
        for form in self.query(EntryForm):
            form.display = form is target
        return target  # type: ignore[return-value]

    def load_entry(self, index: int | None, force: bool = False) -> None:
        """Show entry `index` of the current section in its form (after leaving the one shown)."""
        if not force and index == self.index and self.draft_at is None:
            return
        self._leave_entry()
        section = self.sections.get(self.current or "")
        self.index = index
        if section is None:
            return
        if index is None or not 0 <= index < len(section):
            self.index = None
            self._show_form_message("No entries yet: press a to add one" +
                                    (", or n for a news entry." if section.type == model.NEWS else "."))
            self.schedule_preview()
            return
        fields = section.entry(index)
        if "raw" in fields:
            self._show_form_message("This entry is kept verbatim from the page (raw); edit it in "
                                    f"{section.path.name} with a text editor:\n\n{fields['raw']}")
            self.schedule_preview()
            return
        form = self._show_form(section.type)
        form.load(fields, f"{section.title or section.name}: entry {index + 1} of {len(section)}")
        self.loaded_values = form.values()[0]
        self.form_problems = {}
        self.schedule_preview()

    def _leave_entry(self) -> None:
        """Before another entry is shown: an invalid edit is dropped, and the user is told."""
        if self.form_problems:
            what = "the new entry was not added" if self.draft_at is not None else "that edit was not applied"
            self.notify(f"{'; '.join(self.form_problems.values())}: {what}.", title="Invalid entry",
                        severity="warning")
        self.draft_at = None
        self.form_problems = {}
        self._undo_key = None

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

    # ================================================================ filter

    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        table = self.query_one(EntryTable)
        table.set_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._filter_settled()
        self.query_one(EntryTable).focus()

    def on_filter_bar_closed(self, message: FilterBar.Closed) -> None:
        self._clear_filter()
        self._filter_settled()
        self.query_one(EntryTable).focus()

    def _clear_filter(self) -> None:
        bar = self.query_one(FilterBar)
        table = self.query_one(EntryTable)
        if bar.value:
            bar.value = ""
        bar.display = False
        if table.filter_text:
            table.set_filter("")

    # ================================================================ preview

    def action_toggle_preview(self) -> None:
        self.preview_on = not self.preview_on
        self._preview_classes()
        if self.preview_on:
            self.render_preview()

    def action_toggle_whole_page(self) -> None:
        self.whole_page = not self.whole_page
        if not self.preview_on:
            self.action_toggle_preview()
        else:
            self.render_preview()

    def schedule_preview(self) -> None:
        """Render now when the last render is older than the interval, else once at its end:
        the first keystroke shows at once, fast typing renders at most every interval."""
        if not self.preview_on or self._preview_timer is not None:
            return
        interval = PAGE_PREVIEW_INTERVAL if self.whole_page else PREVIEW_INTERVAL
        wait = self._last_preview + interval - time.perf_counter()
        if wait <= 0:
            self.render_preview()
        else:
            self._preview_timer = self.set_timer(wait, self._timed_preview)

    def _timed_preview(self) -> None:
        self._preview_timer = None
        self.render_preview()

    def render_preview(self) -> None:
        from homepage_tui.preview import terminal_markdown

        self._last_preview = time.perf_counter()
        pane = self.query_one(PreviewPane)
        if not self.preview_on or self.site is None:
            return
        try:
            if self.whole_page:
                if not self.all_loaded:
                    pane.show_message("The page is shown when every section is loaded.", "Preview: page")
                    return
                markdown = self._page_markdown()
                pane.show_markdown(terminal_markdown(markdown), f"Preview: {self.site.settings.page}")
                return
            section = self.sections.get(self.current or "")
            if section is None:
                return
            markdown, note = self._section_markdown(section)
            pane.show_markdown(terminal_markdown(markdown),
                               f"Preview: {section.title or section.name}{note}")
        except HomepageError as error:
            pane.show_message(str(error), "Preview: not available")

    def _draft_fields(self) -> dict | None:
        """What the form holds now, valid or not, so that the preview follows the typing."""
        form = self._form()
        if form is None or not form.display:
            return None
        from homepage_tui.store import DELETE

        values, _ = form.values()
        if self.draft_at is not None:
            return {k: v for k, v in values.items() if v is not DELETE}
        if self.index is None or not self.form_problems:
            return None
        current = self.sections[self.current].entry(self.index)  # type: ignore[index]
        return {k: v for k, v in {**current, **values}.items() if v is not DELETE}

    def _section_markdown(self, section: "Section") -> tuple[str, str]:
        from homepage_tui.render import render_entries

        total = len(section)
        centre = self.draft_at if self.draft_at is not None else (self.index or 0)
        start, stop = 0, total
        if total > PREVIEW_WINDOW:
            start = max(0, min(centre - 10, total - PREVIEW_WINDOW))
            stop = start + PREVIEW_WINDOW
        entries = [section.entry(i) for i in range(start, stop)]
        draft = self._draft_fields()
        if draft is not None:
            if self.draft_at is not None:
                entries.insert(max(0, self.draft_at - start), draft)
            elif self.index is not None and start <= self.index < stop:
                entries[self.index - start] = draft
        note = f" (entries {start + 1}–{stop} of {total})" if (start, stop) != (0, total) else ""
        return render_entries(entries, section.style, self.site.settings.names), note  # type: ignore[union-attr]

    def _page_markdown(self) -> str:
        site = self.site
        assert site is not None
        if self.errors:
            name, error = next(iter(self.errors.items()))
            raise HomepageError(f"The page cannot be rendered while {name} has an error:\n{error}")
        pages = site.rendered_pages()
        new = pages.get(site.page_path)
        if new is None:
            return site.page_path.read_text(encoding="utf-8")
        return new[1]

    # ================================================================ saving

    def dirty_sections(self) -> list["Section"]:
        return [s for s in self.sections.values() if s.dirty]

    def action_save(self) -> bool:
        """Save every edited section and regenerate the page; refuse while the form is invalid."""
        if not self.apply_form():
            problems = "; ".join(self.form_problems.values())
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

    # ================================================================ files changed on disk

    def check_disk(self) -> None:
        """Every second: a content file changed by someone else brings a reload prompt."""
        if self.app.screen is not self:
            return
        for name in list(self.sections) + list(self.errors):
            if name in self._prompting:
                continue
            if name in self.errors:
                self._retry_broken(name)
                continue
            section = self.sections[name]
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
        section = self.sections[name]
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
        if name == self.current:
            self.form_problems = {}
            self.draft_at = None
        self.reload_sections([name])

    def action_reload_section(self) -> None:
        if self.current is None or self.current not in self.sections:
            if self.current in self.errors:
                self.reload_sections([self.current])
            return
        section = self.sections[self.current]
        if not section.dirty:
            self._reload(self.current)
            return
        self.app.push_screen(ConfirmModal(
            f"Discard your unsaved edits to {self._relative(section.path)}?", "The file is read again from disk.",
            [Choice("y", "Discard and reload", True, "error"), Choice("n", "Keep editing", False)],
            cancel_value=False), lambda yes: self._reload(section.name) if yes else None)

    # ================================================================ quitting

    def unsaved(self) -> list[str]:
        names = [self._relative(s.path) for s in self.dirty_sections()]
        if self.draft_at is not None or self.form_problems:
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("new_news", "add_entry", "delete_entry", "move_up", "move_down", "sort", "save", "undo"):
            return self.site is not None
        return True


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""
