"""The entries of the current section: a DataTable (date or year, title or text, venue), in the
file's order, which is the page's order (newest first by convention; `s` sorts by date).

Rows are plain tuples kept in Python; filtering picks rows with a substring test and refills the
table with `clear()` + `add_rows()`, which stays in milliseconds for thousands of rows."""

from __future__ import annotations

from typing import Sequence

from textual.widgets import DataTable

from homepage_tui import model

LABELS = {
    model.NEWS: ("Date", "Text", None),
    model.PUBLICATIONS: ("Year", "Title", "Venue"),
    model.AWARDS: ("Year", "Title", "Organisation"),
    model.TREE: (None, "Text", "Items"),
}
FIRST_WIDTH = {model.NEWS: 10, model.PUBLICATIONS: 6, model.AWARDS: 12, model.TREE: 0}

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
        self.section_type = model.NEWS
        self.entry_rows: list[Row] = []
        self.filter_text = ""
        self._widths: tuple[int, int, int] = (0, 0, 0)

    # ------------------------------------------------------------ content

    def show_rows(self, section_type: str, rows: Sequence[Row], select: int | None = 0) -> None:
        """Replace every row (after a load, insert, delete, move, sort or undo)."""
        self.section_type = section_type
        self.entry_rows = list(rows)
        self._rebuild(select)

    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip().casefold()
        self._rebuild(self.current_index)

    def update_row(self, index: int, row: Row) -> None:
        """One entry changed (typing in its form): only its cells are redrawn."""
        if not 0 <= index < len(self.entry_rows) or self.entry_rows[index] == row:
            return
        self.entry_rows[index] = row
        key = str(index)
        if key not in self.rows:  # filtered out
            return
        for col, value in zip(self._column_keys(), self._cells(row)):
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

    def _matches(self, row: Row) -> bool:
        if not self.filter_text:
            return True
        hay = " ".join(row).casefold()
        return all(word in hay for word in self.filter_text.split())

    def _compute_widths(self) -> tuple[int, int, int]:
        total = max(self.size.width or 80, 40) - 2  # the vertical scrollbar
        labels = LABELS.get(self.section_type, LABELS[model.TREE])
        first = FIRST_WIDTH.get(self.section_type, 0) if labels[0] else 0
        third = min(28, max(12, total // 4)) if labels[2] else 0
        columns = sum(1 for label in labels if label)
        middle = max(10, total - first - third - 2 * columns)
        return first, middle, third

    def _column_keys(self) -> list[str]:
        return [str(c.value) for c in self.columns]

    def _cells(self, row: Row) -> list[str]:
        labels = LABELS.get(self.section_type, LABELS[model.TREE])
        out = []
        for label, value, width in zip(labels, row, self._widths):
            if label:
                out.append(one_line(value, width))
        return out

    def _rebuild(self, select: int | None) -> None:
        self._widths = self._compute_widths()
        labels = LABELS.get(self.section_type, LABELS[model.TREE])
        self.clear(columns=True)
        for n, (label, width) in enumerate(zip(labels, self._widths)):
            if label:
                self.add_column(label, width=width, key=f"c{n}")
        # add_rows() is add_row() in a loop; calling add_row ourselves gives each row its key.
        for i, row in enumerate(self.entry_rows):
            if self._matches(row):
                self.add_row(*self._cells(row), key=str(i))
        if select is not None:
            self.select_index(select)

    def on_resize(self) -> None:
        if self.entry_rows and self._compute_widths() != self._widths:
            self._rebuild(self.current_index)
