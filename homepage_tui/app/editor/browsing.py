"""Browsing: which section and entry are shown. The section's rows in the table (and the year
chart), the filter that narrows them, and the selected entry loaded into its form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from homepage_tui import kinds
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.filter_bar import FilterBar
from homepage_tui.app.forms import RAW, EntryForm, form_key
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.app.year_chart import YearChart

if TYPE_CHECKING:
    from homepage_tui.section import Section

FILTER_SETTLE = 0.25  # seconds after the last filter key before the form and preview follow


class BrowsingMixin:
    """Mixed into EditorScreen: show a section, load an entry into its form, filter the table."""

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
        if index is not None and (index != self.session.index or self.session.draft_at is not None):
            self.load_entry(index)

    # ================================================================ the form

    def _form(self, kind: str | None = None) -> EntryForm | None:
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
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.focus()

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
