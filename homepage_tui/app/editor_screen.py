"""The editor: sections on the left, the current section's entries, the selected entry's form,
and the preview. It owns the editing state (current section and entry, undo, drafts) and is the
only place that changes a section; the forms only report what the user typed.

This module holds the layout, the key bindings and the wiring; the work is done by the mixins in
`homepage_tui.app.editor` (loading, browsing, editing, previewing, saving, disk), one job each.
Loading runs in a thread worker ("load") that posts one message per section, so the first frame
never waits for YAML. After a section is reported loaded, only the UI thread touches it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, OptionList, Static

from homepage_tui.app.browser_preview import BrowserPreviewMixin
from homepage_tui.app.editor.browsing import BrowsingMixin
from homepage_tui.app.editor.disk import DiskMixin
from homepage_tui.app.editor.editing import EditingMixin
from homepage_tui.app.editor.external import ExternalEditorMixin
from homepage_tui.app.editor.loading import LoadingMixin
from homepage_tui.app.editor.pasting import PastingMixin
from homepage_tui.app.editor.previewing import PreviewingMixin
from homepage_tui.app.editor.retyping import RetypingMixin
from homepage_tui.app.editor.saving import SavingMixin
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.filter_bar import FilterBar
from homepage_tui.app.forms import FORMS, EntryForm
from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.site import Site

NARROW = 110  # below this width the preview takes the form's place instead of a column


class EditorScreen(LoadingMixin, BrowsingMixin, EditingMixin, PreviewingMixin, SavingMixin, DiskMixin,
                   ExternalEditorMixin, PastingMixin, BrowserPreviewMixin, RetypingMixin, Screen):
    # Ordered so that a narrow footer still shows what a new user needs first.
    BINDINGS = [
        Binding("n", "new_news", "News", id="new_news", tooltip="New news entry dated this month"),
        Binding("a", "add_entry", "Add", id="add_entry", tooltip="Add an entry to this section"),
        Binding("b", "paste_bib", "Paste pub", id="paste_bib",
                tooltip="Add publications from pasted BibTeX, DOIs or arXiv ids"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="undo", priority=True),
        Binding("slash", "filter", "Filter", id="filter", key_display="/"),
        Binding("p", "toggle_preview", "Preview", id="toggle_preview"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("d", "delete_entry", "Delete", id="delete_entry"),
        Binding("s", "sort", "Sort", id="sort", tooltip="Sort by date, newest first"),
        Binding("ctrl+up", "move_up", "Move up", id="move_up", key_display="^↑"),
        Binding("ctrl+down", "move_down", "Move down", id="move_down", key_display="^↓"),
        Binding("W", "toggle_whole_page", "Page", id="toggle_whole_page", tooltip="Preview the whole page"),
        Binding("w", "browser_preview", "Browser", id="browser_preview",
                tooltip="Serve the page to a web browser on 127.0.0.1, reloaded as you type"),
        Binding("t", "type_raw", "Make typed", id="type_raw",
                tooltip="Turn this raw entry into a typed one when its text parses (shown first)"),
        Binding("e", "open_in_editor", "$EDITOR", id="open_in_editor",
                tooltip="Open the entry's file at its line in your text editor"),
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
            from homepage_tui.app.settings import preview_width

            # The preview's width setting is for the column beside the form; narrow, the CSS rules.
            width = preview_width(self.app)
            if width is not None:
                self.query_one(PreviewPane).styles.width = None if narrow else width

    def _preview_classes(self) -> None:
        self.set_class(not self.preview_on, "-preview-hidden")
        self.set_class(self.preview_on, "-preview-shown")

    # ================================================================ wiring
    # The @on handlers live here, not in the mixins: Textual collects @on methods per class in its
    # metaclass, which the plain mixin classes do not have, so there they would never be called.

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        if name and name != self.current and (name in self.sections or name in self.errors):
            self.show_section(name)

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(EntryTable).focus()

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

    @on(DataTable.RowSelected, "#entries")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        form = self._form()
        if form is not None and form.display:
            form.focus_field()

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "type_raw":  # only while a raw entry is in the form
            return getattr(self, "form_kind", None) == "raw"
        if action in ("new_news", "add_entry", "delete_entry", "move_up", "move_down", "sort", "save", "undo"):
            return self.site is not None
        return True
