"""The entries of the current section: a DataTable (date or year, title or text, venue), in the
file's order, which is the page's order (newest first by convention; `s` sorts by date).

Rows are plain tuples kept in Python; filtering picks rows with a substring test and refills the
table. A filter key must show in its own frame (16 ms) on 2,000 rows, so the refill and the
drawing skip DataTable's general paths where this table's shape allows (see `_fill`,
`_update_dimensions`, `_repaint_changed`, `_render_line_in_row`), falling back to them where it
does not."""

from __future__ import annotations

from typing import Sequence

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.geometry import Region, Size
from textual.widget import Widget
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
        # Per entry, at the current columns: its row key, row, cells and line offset, made once
        # and reused by every refill (a filter key refills up to every row; made anew, they were
        # thousands of objects per key, and the garbage collections those set off).
        self._keyed: dict[int, tuple[RowKey, TableRow, dict, tuple[RowKey, int]]] = {}
        self._last_match: tuple[str, list[int]] | None = None  # the last filter and its rows
        self._widths: tuple[int, int, int] = (0, 0, 0)
        self._line_styles: dict[tuple, list[Style]] = {}  # see _render_line_in_row

    # ------------------------------------------------------------ content

    def show_rows(self, section_type: str, rows: Sequence[Row], select: int | None = 0) -> None:
        """Replace every row (after a load, insert, delete, move, sort or undo)."""
        self.kind = kinds.of(section_type)
        self.entry_rows = list(rows)
        self._hay = [" ".join(row).casefold() for row in self.entry_rows]
        self._keyed.clear()
        self._last_match = None
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
        self._keyed.pop(index, None)
        self._last_match = None  # it may match the filter now, or not
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
        """Indexes of the rows holding every word of the filter (casefolded text kept per row).
        Typing on narrows: a filter that extends the last one searches only the last one's rows."""
        text = self.filter_text
        words = text.split()
        if not words:
            self._last_match = None
            return list(range(len(self.entry_rows)))
        last = self._last_match
        pool = last[1] if last is not None and text.startswith(last[0]) else range(len(self._hay))
        hay = self._hay
        if len(words) == 1:
            word = words[0]
            found = [i for i in pool if word in hay[i]]
        else:
            found = [i for i in pool if all(word in hay[i] for word in words)]
        self._last_match = (text, found)
        return found

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
            # Filtering: same columns, new rows. Typing on often keeps the rows in view (half the
            # keys of "learn", "federated" on 2,000 publications): only the lines whose row
            # changed are drawn again, as the preview does.
            view = self._lines_in_view()
            self._keep_lines = True
            try:
                self.clear()
                self._fill(self._matching())
                if select is not None:
                    self.select_index(select)
            finally:
                self._keep_lines = False
            self._repaint_changed(view)
            return
        else:
            self._widths = widths
            self._columns = columns
            self._keyed.clear()
            self.clear(columns=True)
            for n, (label, width) in enumerate(zip(labels, widths)):
                if label:
                    self.add_column(label, width=width, key=f"c{n}")
        self._fill(self._matching())
        if select is not None:
            self.select_index(select)

    def _fill(self, indexes: list[int]) -> None:
        """add_row() for the entries `indexes` of an empty table, at once. add_row re-validates
        the cursor and schedules an idle check per row (about 35 µs each: 70 ms for 2,000 rows),
        and makes its key, row and cell dict anew; here each entry's are made once and the tables
        are filled by dict(zip()). Uses DataTable's bookkeeping as add_row does (Textual 8),
        falling back to add_row where it differs."""
        keyed, entries = self._keyed, self.entry_rows
        column_keys = [c.key for c in self.ordered_columns]
        for i in indexes:
            if i not in keyed:
                key = RowKey(str(i))
                keyed[i] = (key, TableRow(key, 1, None, False), dict(zip(column_keys, self._cells(entries[i]))),
                            (key, 0))
        picked = [keyed[i] for i in indexes]
        keys = [p[0] for p in picked]
        rows = [p[1] for p in picked]
        try:
            if self.rows or not isinstance(self._row_locations, TwoWayDict):
                raise AttributeError("not an empty Textual 8 table")
            self._row_locations = TwoWayDict(dict(zip(keys, range(len(keys)))))
            self._data.update(zip(keys, [p[2] for p in picked]))
            self.rows.update(zip(keys, rows))
            self._require_update_dimensions = True
            self._update_count += 1
            # What ordered_rows and _y_offsets would compute from the above, row by row.
            self._ordered_row_cache[(len(rows), self._update_count)] = rows
            self._offset_cache[self._update_count] = [p[3] for p in picked]
        except AttributeError:  # a Textual whose internals differ: the public, slower way
            for key, _, cells, _ in picked:
                self.add_row(*cells.values(), key=key.value)
        self.cursor_coordinate = self.cursor_coordinate
        if self.row_count and self.show_cursor:
            self._highlight_cursor()  # the row under the cursor may be another entry now
        self.check_idle()

    _clearing = False
    _keep_lines = False  # a filter's refill: only the lines that change are repainted

    def clear(self, columns: bool = False):
        self._clearing = True
        try:
            return super().clear(columns)
        finally:
            self._clearing = False

    def _clear_caches(self) -> None:
        if self._keep_lines:
            # DataTable's caches (all keyed by rows that are gone now), but not the widget's
            # drawn lines: _repaint_changed marks the ones to draw again.
            try:
                for cache in (self._row_render_cache, self._cell_render_cache, self._row_renderable_cache,
                              self._line_cache, self._offset_cache, self._ordered_row_cache):
                    cache.clear()
                self._get_styles_to_render_cell.cache_clear()
            except AttributeError:  # a Textual whose caches differ
                self._keep_lines = False
                super()._clear_caches()
        else:
            super()._clear_caches()
        if self._clearing:
            # DataTable.clear() computes every old row's line offsets (`_y_offsets`, 2,000 rows)
            # only to empty the list: it is empty now.
            self._offset_cache[self._update_count] = []

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False):
        if self._keep_lines and not regions and not layout and not recompose:
            return self  # the whole table, while a filter refills it: _repaint_changed knows better
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _lines_in_view(self) -> tuple:
        """What the lines in view show: the scroll position, each line's row key (None: no row),
        the cursor's and the mouse's rows."""
        header = self.header_height if self.show_header else 0
        top = int(self.scroll_y)
        height = max(self.size.height - header, 0)
        keys: list[RowKey | None] = [row.key for row in self.ordered_rows[top:top + height]]
        keys += [None] * (height - len(keys))
        return self.scroll_offset, self.size, keys, self.cursor_row, self.hover_row

    def _repaint_changed(self, before: tuple) -> None:
        """Repaint the lines in view whose row changed since `before` (_lines_in_view), and the
        cursor's and the mouse's rows, old and new; everything when the table scrolled."""
        after = self._lines_in_view()
        if before[:2] != after[:2]:  # scrolled or resized
            super().refresh()
            return
        header = self.header_height if self.show_header else 0
        top = int(self.scroll_y)
        lines = {y for y, (old, new) in enumerate(zip(before[2], after[2])) if old != new}
        lines.update(row - top for row in (before[3], before[4], after[3], after[4]))
        width = self.size.width
        for y in sorted(lines):
            if 0 <= y < len(after[2]):
                super().refresh(Region(0, header + y, width, 1))

    def _update_dimensions(self, new_rows) -> None:
        """The virtual size, without measuring cells (columns have fixed widths and rows are one
        line; DataTable would measure every new cell, most of the cost of refilling 2,000 rows),
        and without relaying out the screen when the scrollbars stay as they are: the table's
        size does not depend on its rows, and a layout of the whole screen at every filter key
        was 4-8 ms with the forms mounted."""
        if self._labelled_row_exists:  # (rows are added one line high, never auto height)
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        size = Size(width + self._row_label_column_width, self._total_row_height + header)
        old, (view_width, view_height) = self.virtual_size, self._container_size
        if size == old:
            return
        same_bars = view_height > 0 and (old.height > view_height) == (size.height > view_height) \
            and (old.width > view_width) == (size.width > view_width)
        if not same_bars:
            self.virtual_size = size
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)  # the scrollbar's thumb; the rows repaint themselves

    # ------------------------------------------------------------ rendering a row

    _line_style: Style | None = None

    def render_lines(self, crop):
        # DataTable.render_line asks for the widget's rich_style at every line, which walks the
        # ancestors' backgrounds each time: once per repaint is enough.
        self._line_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._line_style = None

    def render_line(self, y: int):
        style = self._line_style
        if style is None or self.fixed_rows:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset  # (DataTable.render_line, with the style kept)
        header = self.get_row_height(self._header_row_key) if self.show_header else 0
        if y >= header:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_styles.clear()

    def _render_line_in_row(self, row_key, line_no, base_style, cursor_location, hover_location):
        """A row's line as DataTable draws it, built from the cells' plain text and styles kept
        per screen row. DataTable renders every cell through rich's console (Padding, Styled) and
        drops what it rendered at every clear(): after a filter key, the 40 rows in view cost
        10-20 ms. A row's look depends only on its position (zebra, cursor, hover, the row index
        in the mouse meta) and its text, so the styles per position outlive the refills. Anything
        this does not cover (header, labels, fixed columns, styled or wrapped cells) is DataTable's."""
        cells = self._plain_cells(row_key) if line_no == 0 and self.cursor_type == "row" else None
        if cells is None or self.fixed_columns or self._labelled_row_exists:
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        row_index = self._row_locations.get(row_key)
        if row_index is None:
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        columns = self.ordered_columns
        widths = tuple(column.get_render_width(self) for column in columns)
        state = (row_index, row_index == cursor_location.row, row_index == hover_location.row, base_style,
                 self.show_cursor, self._show_hover_cursor, self._pseudo_class_state, widths, self.size.width,
                 self.cursor_foreground_priority, self.cursor_background_priority, self.zebra_stripes,
                 self.fixed_rows)
        styles = self._line_styles.get(state)
        if styles is None:
            if len(self._line_styles) > 4096:
                self._line_styles.clear()
            styles = self._line_styles[state] = self._styles_for_line(row_index, state[1], state[2], base_style,
                                                                      len(columns))
        pad = " " * self.cell_padding
        line = [[Segment(pad + set_cell_size(text, width - 2 * len(pad)) + pad, style)]
                for text, width, style in zip(cells, widths, styles)]
        remaining = max(0, self.size.width - sum(widths))
        line.append([Segment(" " * remaining, styles[-1])])
        return [], line

    def _plain_cells(self, row_key: RowKey) -> list[str] | None:
        """The row's cells as plain one-line text, or None when a cell needs rich to draw it."""
        data = self._data.get(row_key)
        row = self.rows.get(row_key)
        if data is None or row is None or row.height != 1 or len(data) != len(self.columns):
            return None
        out = []
        for column in self.ordered_columns:
            cell = data.get(column.key)
            if not isinstance(cell, Text) or cell.spans or cell.style or cell.justify not in (None, "default", "left") \
                    or "\n" in cell.plain or "\t" in cell.plain:
                return None
            out.append(cell.plain)
        return out

    def _styles_for_line(self, row_index: int, cursor: bool, hover: bool, base_style: Style, columns: int) -> list[Style]:
        """Each cell's style, then the style of the space right of the last column, as
        DataTable._render_cell and _render_line_in_row compose them (row style, mouse meta, cursor
        and hover component styles)."""
        row_style = self._get_row_style(row_index, base_style)
        component, post = self._get_styles_to_render_cell(
            False, False, row_index < self.fixed_rows, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        styles = []
        for column_index in range(columns):
            pre = row_style + Style.from_meta({"row": row_index, "column": column_index}) + component
            styles.append(pre + post if post else pre)
        extend, _ = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor, False, False)
        styles.append(row_style + extend + Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True}))
        return styles

    def on_resize(self) -> None:
        if self.entry_rows and self._compute_widths() != self._widths:
            self._rebuild(self.current_index)
