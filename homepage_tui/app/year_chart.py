"""Papers per year: a small bar chart under the section list when publications are shown."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from rich.text import Text
from textual.widgets import Static

BLOCKS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 3


YEAR = re.compile(r"(19|20)\d\d")


def year_of(text: str | None) -> int | None:
    """The first four-digit year in an entry's date or year column (None: it has none)."""
    m = YEAR.search(text or "")
    return int(m.group(0)) if m else None


def year_counts(years: Iterable[str]) -> dict[int, int]:
    """Entries per four-digit year (entries without one are left out)."""
    counts: Counter[int] = Counter()
    for year in years:
        y = year_of(year)
        if y is not None:
            counts[y] += 1
    return dict(counts)


def chart_text(counts: dict[int, int], width: int) -> Text:
    """The latest years that fit in `width` (three columns each), oldest on the left."""
    if not counts:
        return Text("no years yet", style="dim")
    last = max(counts)
    n = max(1, min(width // 3, last - min(counts) + 1))
    years = list(range(last - n + 1, last + 1))
    top = max(counts.get(y, 0) for y in years) or 1
    levels = BAR_ROWS * 8
    out = Text()
    # The heading is one line, or it pushes the year labels out of the chart's five rows.
    titles = (f"papers/year (max {top})", f"per year, max {top}", f"max {top}/year", f"max {top}")
    out.append(next((t for t in titles if len(t) <= width), titles[-1]) + "\n", style="dim")
    heights = [round(counts.get(y, 0) * levels / top) for y in years]
    for row in range(BAR_ROWS - 1, -1, -1):
        for h in heights:
            fill = max(0, min(8, h - row * 8))
            out.append(" " + BLOCKS[fill] * 2, style="cyan")
        out.append("\n")
    for y in years:
        out.append(f" {y % 100:02d}", style="dim")
    return out


class YearChart(Static):
    def show_years(self, years: Iterable[str]) -> None:
        counts = year_counts(years)
        if counts == getattr(self, "_counts", None):
            return  # typing in a form calls this at every key: redraw (and relayout) only on change
        self._counts = counts
        self._draw()

    def replace_year(self, old: str | None, new: str | None) -> None:
        """One entry's year column changed from `old` to `new` (typing in its form): the counts
        follow without reading every entry again (20,000 of them at each key)."""
        before, after = year_of(old), year_of(new)
        if before == after or not hasattr(self, "_counts"):
            return
        counts = dict(self._counts)
        if before is not None:
            counts[before] -= 1
            if not counts[before]:
                del counts[before]
        if after is not None:
            counts[after] = counts.get(after, 0) + 1
        self._counts = counts
        self._draw()

    def on_resize(self) -> None:
        if hasattr(self, "_counts"):
            self._draw()

    def _draw(self) -> None:
        width = max(self.size.width, 12)
        self.update(chart_text(self._counts, width - 1))
