"""The entries of the current section: a DataTable (date or year, title or text, venue), in the
file's order, which is the page's order (newest first by convention; `s` sorts by date).

Rows are plain tuples kept in Python; filtering picks rows with a substring test and refills the
table with `clear()` + `add_rows()`, which stays in milliseconds for thousands of rows."""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets._data_table import ColumnKey, Row as TableRow, RowKey

from homepage_tui import kinds


Row = tuple[str, str, str]


def one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


class EntryTable(DataTable):
    """Row keys are entry indexes (as str). `entry_rows` holds every entry's summary, unfiltered."""

    # With a row cursor, left and right have nothing to move: they go to the sections and the form.
    def action_cursor_left(self) -> None:
        self.screen.query_one("#sections").focus()

    def action_cursor_right(self) -> None:
        if self.row_count:
            self.action_select_cursor()

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.kind = kinds.NEWS  # its columns (kind.columns, kind.first_width)
        self.entry_rows: list[Row] = []
        self.filter_text = ""
        self._hay: list[str] = []
        self._cell_cache: dict[int, tuple[str, list[Text]]] = {}  # per row: its key and cells
        self._cached_widths: tuple[int, int, int] | None = None
        self._widths: tuple[int, int, int] = (0, 0, 0)

    # ------------------------------------------------------------ content

    def show_rows(self, section_type: str, rows: Sequence[Row], select: int | None = 0) -> None:
        """Replace every row (after a load, insert, delete, move, sort or undo)."""
        self.kind = kinds.of(section_type)
        self.entry_rows = list(rows)
        self._hay = [" ".join(row).casefold() for row in self.entry_rows]
        self._cell_cache.clear()
        self._rebuild(select)

    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip().casefold()
        self._rebuild(self.current_index)

    def update_row(self, index: int, row: Row) -> None:
        """One entry changed (typing in its form): only its cells are redrawn."""
        if not 0 <= index < len(self.entry_rows) or self.entry_rows[index] == row:
            return
        self.entry_rows[index] = row
        self._hay[index] = " ".join(row).casefold()
        self._cell_cache.pop(index, None)
        key = str(index)
        if key not in self.rows:  # filtered out
            return
        # Each update_cell redraws every visible row; typing usually changes one cell, or none
        # that shows (the end of a long title is cut with …).
        shown = self._data.get(RowKey(key), {}) if hasattr(self, "_data") else {}
        for col, value in zip(self._column_keys(), self._cells(row)):
            old = shown.get(ColumnKey(col))
            if not (isinstance(old, Text) and old.plain == value.plain):
                self.update_cell(key, col, value)

    @property
    def visible_indexes(self) -> list[int]:
        return [int(row.key.value) for row in self.ordered_rows]  # type: ignore[arg-type]

    @property
    def current_index(self) -> int | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001 (cursor outside the rows while refilling)
            return None
        return int(key.value) if key.value is not None else None

    def select_index(self, index: int) -> None:
        key = str(index)
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)

    # ------------------------------------------------------------ drawing

    def _matching(self) -> list[int]:
        """Indexes of the rows holding every word of the filter (casefolded text kept per row)."""
        words = self.filter_text.split()
        if not words:
            return list(range(len(self.entry_rows)))
        return [i for i, hay in enumerate(self._hay) if all(word in hay for word in words)]

    def _compute_widths(self) -> tuple[int, int, int]:
        total = max(self.size.width or 80, 40) - 2  # the vertical scrollbar
        labels = self.kind.columns
        first = self.kind.first_width if labels[0] else 0
        third = min(28, max(12, total // 4)) if labels[2] else 0
        columns = sum(1 for label in labels if label)
        middle = max(10, total - first - third - 2 * columns)
        return first, middle, third

    def _column_keys(self) -> list[str]:
        return [str(c.value) for c in self.columns]

    def _cells(self, row: Row) -> list[Text]:
        """Text, not str: a title with [brackets] is not console markup, and Text skips the parse."""
        labels = self.kind.columns
        out = []
        for label, value, width in zip(labels, row, self._widths):
            if label:
                out.append(Text(one_line(value, width), no_wrap=True, end=""))
        return out

    def _rebuild(self, select: int | None) -> None:
        widths = self._compute_widths()
        labels = self.kind.columns
        columns = (self.kind, widths)
        if columns == getattr(self, "_columns", None):
            self.clear()  # filtering: same columns, new rows
        else:
            self._widths = widths
            self._columns = columns
            self.clear(columns=True)
            for n, (label, width) in enumerate(zip(labels, widths)):
                if label:
                    self.add_column(label, width=width, key=f"c{n}")
        if widths != self._cached_widths:
            self._cell_cache.clear()
            self._cached_widths = widths
        cache, rows = self._cell_cache, self.entry_rows
        matching = self._matching()
        for i in matching:
            if i not in cache:
                cache[i] = (str(i), self._cells(rows[i]))
        self._add_keyed_rows(cache[i] for i in matching)
        if select is not None:
            self.select_index(select)

    def _add_keyed_rows(self, keyed: Iterable[tuple[str, list[Text]]]) -> None:
        """add_row() for many rows at once. add_row re-validates the cursor and schedules an idle
        check per row (about 35 µs each: 70 ms for 2,000 rows); here that happens once. Uses
        DataTable's row bookkeeping as add_row does (Textual 8), falling back to add_row."""
        try:
            columns = [c.key for c in self.ordered_columns]
            for key, cells in keyed:
                row_key = RowKey(key)
                self._row_locations[row_key] = len(self.rows)
                self._data[row_key] = dict(zip(columns, cells))
                self.rows[row_key] = TableRow(row_key, 1, None, False)
                self._new_rows.add(row_key)
            self._require_update_dimensions = True
            self._update_count += 1
        except AttributeError:  # a Textual whose internals differ: the public, slower way
            for key, cells in keyed:
                self.add_row(*cells, key=key)
        self.cursor_coordinate = self.cursor_coordinate
        if self.row_count and self.show_cursor:
            self._highlight_cursor()  # the row under the cursor may be another entry now
        self.check_idle()

    def _update_dimensions(self, new_rows) -> None:
        # Columns have fixed widths and rows are one line: no cell needs measuring (DataTable
        # would measure every new cell, most of the cost of refilling 2,000 rows).
        super()._update_dimensions(())

    def on_resize(self) -> None:
        if self.entry_rows and self._compute_widths() != self._widths:
            self._rebuild(self.current_index)
