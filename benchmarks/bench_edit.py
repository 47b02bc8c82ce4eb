"""Undo and redo on the large site (2,000 publications, benchmarks/generate.py).

    python -m benchmarks edit          (in the table with the others)
    python -m benchmarks.bench_edit    (this module alone)

The editor's undo runs on the UI thread, so it must fit in a frame (16 ms). Figures (median of
several runs, floors measured in the same run, the same timer for both):
- undo of a one-field edit (EditSession.undo, the section put back as it was) against the old
  undo, which parsed the whole file again from a saved copy of its text;
- redo of that edit;
- undo of a sort of all 2,000 entries (every entry moves).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import figure, timed  # noqa: E402
from benchmarks.generate import make_large_site  # noqa: E402

PUBLICATIONS = 2000
REPEAT = 7
FRAME = 0.016  # one frame at 60 Hz: what an action on the UI thread may take


def undo_figures(root: Path) -> list[dict[str, Any]]:
    from homepage_tui.session import EditSession
    from homepage_tui.site import Site
    from homepage_tui.store import YamlDocument

    site = Site.open(root)
    section = site.section("publications")
    session = EditSession(today=dt.date(2025, 3, 14))
    session.section_loaded("publications", section)
    session.open_section("publications")
    saved = section.file.doc.text()
    undo, redo, reparse, wrong = [], [], [], []
    for k in range(REPEAT):
        index = 1000 + 37 * k
        fields = section.entry(index)
        session.open_entry(index, fields)
        old_text = section.file.doc.text()  # what the old undo kept, and parsed back
        session.edit({**fields, "title": fields["title"] + " (revised)"}, {}, "title")
        undo.append(timed(session.undo))
        if section.file.doc.text() != old_text:
            wrong.append(f"undo of entry {index} did not restore the file")
        redo.append(timed(session.redo))
        if section.entry(index)["title"] != fields["title"] + " (revised)":
            wrong.append(f"redo of entry {index} did not bring the edit back")
        session.undo()
        if k < 3:  # about a second each
            reparse.append(timed(lambda: YamlDocument(old_text, source=str(section.path))))
    if section.file.doc.text() != saved:
        wrong.append("the file is not back to its saved text")
    base = statistics.median(reparse)
    u, r = statistics.median(undo), statistics.median(redo)
    reason = "; ".join(wrong[:2])

    session.open_entry(0, section.entry(0))
    sort_undo = []
    for _ in range(3):
        section.file.doc.reorder(reversed(range(len(section))))  # a shuffled file to sort
        session.sort()
        sort_undo.append(timed(session.undo))
    s = statistics.median(sort_undo)
    n = len(section)
    return [
        figure(f"undo a one-field edit, {n}-entry publications.yml", u, "s", "<= 16 ms",
               u <= FRAME and not wrong, base, "re-parse the file (the old undo)", reason),
        figure(f"redo a one-field edit, {n}-entry publications.yml", r, "s", "<= 16 ms",
               r <= FRAME and not wrong, base, "re-parse the file (the old undo)", reason),
        figure(f"undo a sort of {n} entries", s, "s", "<= 16 ms", s <= FRAME, base,
               "re-parse the file (the old undo)"),
    ]


def measure(publications: int = PUBLICATIONS) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="bench-edit-") as tmp:
        root = make_large_site(Path(tmp) / "large", publications, 10)
        return undo_figures(root)


if __name__ == "__main__":
    from benchmarks.__main__ import format_table, rows

    print(format_table(rows(measure())))
