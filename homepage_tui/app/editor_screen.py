"""The editor: sections on the left, the current section's entries, the selected entry's form,
and the preview. The editing state (sections, the open entry, new entries, undo and redo, what is
unsaved) is an `EditSession` (homepage_tui/session.py, no Textual); this screen shows it and
forwards what the user does. The forms only report the values typed (`FormEdited`).

This module holds the layout, the key bindings and the wiring; the work is done by the mixins in
`homepage_tui.app.editor` (loading, browsing, editing, previewing, saving), one job each; the prompts
about files changed on disk are the `DiskPrompts` widget's, which posts what the user decided.
Loading runs in a thread worker ("load") that posts one message per section, so the first frame
never waits for YAML. After a section is reported loaded, only the UI thread touches it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static

from homepage_tui.app.browser_preview import BrowserPreviewMixin
from homepage_tui.app.disk_prompts import DiskPrompts
from homepage_tui.app.editor.browsing import BrowsingMixin
from homepage_tui.app.editor.editing import EditingMixin
from homepage_tui.app.editor.external import ExternalEditorMixin
from homepage_tui.app.editor.loading import LoadingMixin
from homepage_tui.app.editor.pasting import PastingMixin
from homepage_tui.app.editor.previewing import PreviewingMixin
from homepage_tui.app.editor.retyping import RetypingMixin
from homepage_tui.app.editor.saving import SavingMixin
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.fitted_footer import FittedFooter
from homepage_tui.app.filter_bar import FilterBar
from homepage_tui.app.git_status import GitStatusBar
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.app.sidebar import SectionList
from homepage_tui.app.year_chart import YearChart
from homepage_tui.session import EditSession

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.site import Site

NARROW = 110  # below this width the preview takes the form's place instead of a column
MOVE = Binding.Group("Move", compact=True)


class EditorScreen(LoadingMixin, BrowsingMixin, EditingMixin, PreviewingMixin, SavingMixin,
                   ExternalEditorMixin, PastingMixin, BrowserPreviewMixin, RetypingMixin, Screen):
    # The footer shows these in this order, so a narrow terminal keeps what matters first: the
    # list's keys, saving, undo and publishing. While a field has the focus the one-letter keys
    # are text, so they leave the footer (check_action) and the form's keys come first. Keys with
    # show=False are in `?` help and the command palette.
    BINDINGS = [
        Binding("t", "type_raw", "Make typed", id="type_raw",
                tooltip="Turn this raw entry into a typed one when its text parses (shown first)"),
        Binding("a", "add_entry", "Add", id="add_entry", tooltip="Add an entry to this section"),
        Binding("d", "delete_entry", "Delete", id="delete_entry"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="undo", priority=True),
        Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", id="redo", priority=True, key_display="^y", show=False),
        # The app's publish and help keys, listed here so that they come before the list's other
        # keys; the same ids, so that a keymap that moves the app's key moves these too.
        Binding("P", "app.publish", "Publish", id="publish",
                tooltip="Save, commit the managed files and push"),
        Binding("v", "app.review_publish", "Review", id="review_publish",
                tooltip="Save, then review the diff and the commit message before publishing"),
        Binding("question_mark", "app.help", "Help", id="app.help", key_display="?"),
        Binding("slash", "filter", "Filter", id="filter", key_display="/"),
        # The bar's own escape works while it has the keys; this one from the table (check_action).
        Binding("escape", "close_filter", "Clear filter", id="close_filter"),
        Binding("s", "sort", "Sort", id="sort", tooltip="Sort by date, newest first"),
        Binding("ctrl+up", "move_up", "Move up", id="move_up", key_display="^↑", group=MOVE),
        Binding("ctrl+down", "move_down", "Move down", id="move_down", key_display="^↓", group=MOVE),
        Binding("n", "new_news", "News", id="new_news", tooltip="New news entry dated this month"),
        Binding("b", "paste_bib", "Paste pub", id="paste_bib",
                tooltip="Add publications from pasted BibTeX, DOIs or arXiv ids"),
        Binding("p", "toggle_preview", "Preview", id="toggle_preview"),
        Binding("w", "browser_preview", "Browser", id="browser_preview",
                tooltip="Serve the page to a web browser on 127.0.0.1, reloaded as you type"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("W", "toggle_whole_page", "Page", id="toggle_whole_page", tooltip="Preview the whole page",
                show=False),
        Binding("e", "open_in_editor", "$EDITOR", id="open_in_editor",
                tooltip="Open the entry's file at its line in your text editor", show=False),
    ]
    # Actions on one-letter keys: while a text field has the focus those keys type, so the footer
    # leaves them out (they stay in the palette).
    LETTER_ACTIONS = frozenset({"add_entry", "delete_entry", "filter", "sort", "new_news", "paste_bib",
                                "toggle_preview", "browser_preview", "quit", "toggle_whole_page",
                                "open_in_editor", "type_raw"})

    def __init__(self, root: Path, today, **kwargs):
        super().__init__(**kwargs)
        self.root = Path(root)
        self.today = today
        self.session = EditSession(today=today)
        self.site: Site | None = None
        self.names: list[str] = []
        self.all_loaded = False
        self.shown_section: str | None = None  # the section in the table (the session's, once shown)
        self._sized = False  # the layout's classes set for a first width
        self._shown_at_start = True  # the preview pane's first state (set by the first width)
        self._width_set = False  # the preview's width setting applied
        self._preview_parts: dict[str, dict] = {}  # (PreviewingMixin) entries' markdown, per section

    # The session's state, read by tests and benchmarks under the names they always had.
    sections = property(lambda self: self.session.sections)
    errors = property(lambda self: self.session.errors)
    current = property(lambda self: self.session.current)
    index = property(lambda self: self.session.index)
    draft_at = property(lambda self: self.session.draft_at)

    # ================================================================ layout

    def compose(self) -> ComposeResult:
        # The layout's classes are set before the first styling: set later (at the first resize),
        # they restyled every widget a second time before the first frame.
        self._size_classes(self.app.size.width, update=False)
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
                        # The entry forms (2/3 of the screen's widgets, all hidden until an entry
                        # is shown) are mounted after the first frame: mount_forms.
                yield PreviewPane(id="preview", shown=self._shown_at_start)
        yield GitStatusBar()
        yield FittedFooter(compact=True)
        yield DiskPrompts()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#year-chart").display = False
        table = self.query_one(EntryTable)
        table.loading = True
        table.focus()
        self.start_loading()
        self.set_interval(1.0, self.check_disk, name="watch-files")

    async def mount_forms(self) -> None:
        """Mount one hidden form per entry type (the loading mixin calls it after the first frame
        and lets the content in only once it is done, so a loaded entry always has its form). The
        forms' modules are imported, and their style sheet parsed, here too: with Textual's TextArea
        they were a tenth of the app's start-up, and the first frame shows no form."""
        from homepage_tui.app.forms import FORMS
        from homepage_tui.app.screen_css import FORMS_CSS_PATH, preload

        preload(self.app, [FORMS_CSS_PATH])  # their styles, parsed after the first frame with them
        forms = [form_class(id=f"form-{kind}", classes="entry-form") for kind, form_class in FORMS.items()]
        for form in forms:
            form.display = False
        await self.query_one("#form-host").mount_all(forms)

    # ================================================================ files changed on disk

    def check_disk(self) -> None:
        """Every second: a content file changed by someone else brings a reload prompt."""
        if self.app.screen is not self or getattr(self.app, "publish_busy", False) or self.site is None:
            return  # a publish's pull rewrites the files; the app reloads them when it is done
        self.query_one(DiskPrompts).check(self.session, self.site.section_path, self._relative)

    def conflict(self, section: "Section") -> None:
        """Saving found the file changed on disk: the user chooses (nothing was written)."""
        self.query_one(DiskPrompts).conflict(section, self._relative(section.path))

    def on_disk_prompts_reload_wanted(self, message: DiskPrompts.ReloadWanted) -> None:
        self._reload(message.name)

    def on_disk_prompts_read_again(self, message: DiskPrompts.ReadAgain) -> None:
        self.reload_sections(message.names)

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
        self.query_one(DiskPrompts).confirm_reload(section, self._relative(section.path))

    # What the user answered about each file is the DiskPrompts widget's; loading (on a reloaded
    # section) clears it through these names.
    _disk_ignored = property(lambda self: self.query_one(DiskPrompts).answers.declined)
    _prompting = property(lambda self: self.query_one(DiskPrompts).answers.asking)

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.has_class("-narrow") or not self._width_set:
            self._width_set = True
            self._size_classes(self.size.width)  # restyles only when a class changes
            from homepage_tui.app.settings import preview_width

            # The preview's width setting is for the column beside the form; narrow, the CSS rules.
            width = preview_width(self.app)
            if width is not None:
                self.query_one(PreviewPane).styles.width = None if narrow else width

    def _size_classes(self, width: int, update: bool = True) -> None:
        narrow = width < NARROW
        # The preview starts shown where it has its own column, hidden where it would hide the form
        # (called in compose: the pane is made with that state, and owns it from then on).
        if not self._sized:
            self._shown_at_start = shown = not narrow
        else:
            shown = self.preview_on
        self._sized = True
        self.update_classes({"-narrow": narrow, "-preview-hidden": not shown, "-preview-shown": shown},
                            update=update)

    def _preview_classes(self) -> None:
        self.update_classes({"-preview-hidden": not self.preview_on, "-preview-shown": self.preview_on})

    # ================================================================ wiring
    # The @on handlers live here, not in the mixins: Textual collects @on methods per class in its
    # metaclass, which the plain mixin classes do not have, so there they would never be called.

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        session = self.session
        if name and name != self.shown_section and (name in session.sections or name in session.errors):
            self.show_section(name)

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(EntryTable).focus()

    @on(DataTable.RowHighlighted, "#entries")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        index = int(event.row_key.value)
        session = self.session
        if self.query_one(FilterBar).has_focus:
            return  # the form follows when the bar says the typing paused (on_filter_bar_settled)
        if not event.data_table.has_focus:
            # A refill's highlights (the table's clear() goes to row 0, then to the row chosen)
            # arrive after the fact: while the user types in the form they would load other
            # entries into it and reset its cursor. Whoever refills loads the entry it wants.
            return
        if index != session.index or session.draft_at is not None:
            self.load_entry(index)

    @on(DataTable.RowSelected, "#entries")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        form = self._form()
        if form is not None and form.display:
            form.focus_field()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # the bar posted Settled first: the form shows the highlighted row
        self.query_one(EntryTable).focus()

    def on_descendant_focus(self, event) -> None:
        """Narrow, the preview sits in the form's place: when a field of the form takes the keys
        (enter, a new entry), the form comes back, or the typing would go on unseen."""
        if not (self.has_class("-narrow") and self.preview_on):
            return
        host = self.query_one("#form-host")
        widget = event.widget
        if widget is host or host in widget.ancestors:
            self.query_one(PreviewPane).set_shown(False)
            self._preview_classes()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LETTER_ACTIONS and typing_in(self.app.focused):
            return False
        if action == "close_filter":
            return bool(self.query_one(FilterBar).display or self.query_one(EntryTable).filter_text)
        if action == "type_raw":  # only while a raw entry is in the form
            return getattr(self, "form_kind", None) == "raw"
        if action == "paste_bib":
            section = self.session.section
            return section is not None and section.kind.from_bibtex
        if action in ("new_news", "add_entry", "delete_entry", "move_up", "move_down", "sort", "save", "undo",
                      "redo"):
            return self.site is not None
        return True


def typing_in(widget: object) -> bool:
    """True when `widget` takes typed letters as text (a field of the form, the filter line)."""
    if isinstance(widget, Input):
        return not getattr(widget, "read_only", False)
    # TextArea is imported with the forms (mount_forms) or a screen that has one: until then no
    # widget can be one, and importing it here would bring it into the first frame.
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea) and not widget.read_only
