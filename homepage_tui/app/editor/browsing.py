"""Browsing: which section and entry are shown. The section's rows in the table (and the year
chart), the filter that narrows them, and the selected entry loaded into its form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from homepage_tui import kinds
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.filter_bar import FilterBar
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.app.year_chart import YearChart

if TYPE_CHECKING:
    from homepage_tui.app.forms import EntryForm
    from homepage_tui.section import Section

# homepage_tui.app.forms (and with it Textual's TextArea) is imported where a form is used: the
# forms are mounted after the first frame, which does not wait for them (test_app_startup_imports).


class BrowsingMixin:
    """Mixed into EditorScreen: show a section, load an entry into its form, filter the table
    (the filter's text and pause are the FilterBar's; this applies what it posts)."""

    # ================================================================ showing a section

    def show_section(self, name: str, keep: int | None = None) -> None:
        """Fill the table, chart and form for section `name` (entry `keep` selected)."""
        session = self.session
        if name != self.shown_section:
            self._warn(session.leave_entry())
            self._clear_filter()
        session.open_section(name)
        self.shown_section = name
        table = self.query_one(EntryTable)
        table.loading = False
        chart = self.query_one(YearChart)
        section = session.sections.get(name)
        if section is None:
            table.show_rows("", [])  # (no type: a list section's columns)
            chart.display = False
            error = session.errors.get(name, "")
            self._show_form_message(f"This section's file cannot be read, so it is not shown:\n\n"
                                    f"{error}\n\nFix it in a text editor; the editor reloads it "
                                    "when the file changes. The other sections work as usual.")
            self.query_one(PreviewPane).show_message(error, "Preview: not available")
            return
        rows = [self._row(section, e) for e in section.entries]
        select = min(keep, len(rows) - 1) if keep is not None and rows else 0
        table.show_rows(section.type, rows, select if rows else None)
        chart.display = section.kind.charts_years
        if chart.display:
            chart.show_years([r[0] for r in rows])
        self.load_entry(table.current_index if rows else None, force=True)

    def _row(self, section: "Section", fields: dict) -> tuple[str, str, str]:
        return section.kind.summary(fields)

    # ================================================================ the form

    def _form(self, kind: str | None = None) -> EntryForm | None:
        from homepage_tui.app.forms import EntryForm, form_key

        section = self.session.section
        # The form shown (a raw entry's, or the section type's); else the section type's.
        kind = kind or getattr(self, "form_kind", None) or (section.type if section else None)
        if kind is None:
            return None
        return self.query_one(f"#form-{form_key(kind)}", EntryForm)

    def _news_sections(self) -> list[str]:
        """The news sections, in the sidebar's order: `n` adds to the first."""
        return [n for n in self.names if n in self.site.sections_of(kinds.NEWS)] if self.site else []

    def _show_form_message(self, text: str) -> None:
        from homepage_tui.app.forms import EntryForm

        self._set_form_kind(None)
        for form in self.query(EntryForm):
            form.display = False
        message = self.query_one("#form-message", Static)
        message.update(text)
        message.display = True

    def _set_form_kind(self, kind: str | None) -> None:
        if kind != getattr(self, "form_kind", None):
            self.form_kind = kind
            self.refresh_bindings()  # `t` shows in the footer only for a raw entry

    def _show_form(self, kind: str) -> EntryForm:
        from homepage_tui.app.forms import EntryForm

        self._set_form_kind(kind)
        self.query_one("#form-message").display = False
        target = self._form(kind)
        for form in self.query(EntryForm):
            form.display = form is target
        return target  # type: ignore[return-value]

    def load_entry(self, index: int | None, force: bool = False) -> None:
        """Show entry `index` of the current section in its form (after leaving the one shown)."""
        session = self.session
        if not force and index == session.index and session.draft_at is None:
            return
        self._warn(session.leave_entry())
        section = session.section
        if section is None:
            session.open_entry(None)
            return
        if index is None or not 0 <= index < len(section):
            session.open_entry(None)
            self._show_form_message("No entries yet: press a to add one" +
                                    (", or n for a news entry." if section.name in self._news_sections() else "."))
            self.schedule_preview()
            return
        from homepage_tui.app.forms import RAW

        fields = section.entry(index)
        form = self._show_form(RAW if "raw" in fields else section.type)
        if "raw" not in fields:
            from homepage_tui.template_fields import template_fields

            form.use_template_fields(template_fields(section.style))
        form.load(fields, f"{section.title or section.name}: entry {index + 1} of {len(section)}")
        session.open_entry(index, form.values()[0])
        self.schedule_preview()

    # ================================================================ filter

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    def action_close_filter(self) -> None:
        self.query_one(FilterBar).action_close()

    def on_filter_bar_query_changed(self, message: FilterBar.QueryChanged) -> None:
        table = self.query_one(EntryTable)
        table.set_filter(message.query)
        if not table.row_count and self.session.index is not None:
            self._show_no_match()

    def on_filter_bar_settled(self, message: FilterBar.Settled) -> None:
        self._follow_filter()

    def on_filter_bar_closed(self, message: FilterBar.Closed) -> None:
        self._follow_filter()
        self.query_one(EntryTable).focus()

    def _follow_filter(self) -> None:
        """The form shows the highlighted row (nothing when no row matches)."""
        index = self.query_one(EntryTable).current_index
        session = self.session
        if index is None:
            if session.index is not None:
                self._show_no_match()
        elif index != session.index or session.draft_at is not None:
            self.load_entry(index)

    def _show_no_match(self) -> None:
        """No row matches: no entry is open, so the form (hidden) takes no edits."""
        session = self.session
        self._warn(session.leave_entry())
        session.open_entry(None)
        self._show_form_message("No entry matches the filter: change its words, or press escape to clear it.")
        self.schedule_preview()

    def _clear_filter(self) -> None:
        self.query_one(FilterBar).reset()
        table = self.query_one(EntryTable)
        if table.filter_text:
            table.set_filter("")
