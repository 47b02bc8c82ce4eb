"""How the figures grow with the site: 200, 2,000 and 20,000 publications (50 news items each).

    python -m benchmarks growth

At each size: load (Site + all sections, in this process, GC paused, median of 3), first frame of
the app and peak memory with the site open (fresh Pythons: benchmarks/large_app.py), save after a
one-field edit (median of 5) and, under it in the table, the atomic write of the same file's
bytes alone (temporary file, fsync, rename: the part of a save that must grow with the file),
render of the whole page after one entry was edited (median of 5), and key to preview frame in the app (bench_app's typing
child, keys 30-60 ms apart). The size table is printed under the main table; the rows judge the growth factors (issue 13): save and key-to-frame flat (within 1.5x from
200 to 20,000: floor 1x), load and render linear (2,000 to 20,000 within 1.5x of the 10x entries:
floor 10x), and at 20,000 the first frame (<= 1 s) and the peak memory (<= 300 MB).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import failed_part, figure, median_child, run_child, run_child_rss, timed  # noqa: E402

SIZES = (200, 2000, 20000)
NEWS = 50
KEYS = 15
EXTRA_TABLES: list[str] = []


def _load(root: Path):
    from homepage_tui.site import Site

    site = Site.open(root)
    for name in site.section_names():
        site.section(name)
    return site


def _save_times(site, runs: int = 5) -> list[float]:
    section = site.section("publications")
    times = []
    for k in range(runs):
        index = (len(section) // 2 + 7 * k) % len(section)
        title = section.entry(index)["title"] + f" (rev {k})"

        def edit_and_save() -> None:
            section.update(index, {"title": title})
            section.save()

        times.append(timed(edit_and_save))
    return times


def measure_size(root: Path, pubs: int) -> dict[str, float]:
    from benchmarks.bench_app import TYPING
    from benchmarks.bench_core import APP_CHILD, edit_one_title
    from homepage_tui.store import atomic_write

    out: dict[str, float] = {}
    out["load"] = statistics.median(timed(lambda: _load(root)) for _ in range(3))
    site = _load(root)
    out["save"] = statistics.median(_save_times(site))
    # The part of a save that must grow with the file: writing it atomically (temporary file,
    # fsync, rename), timed alone on the same bytes, so the table shows what of `save` it is.
    data = site.section("publications").file.saved_data
    scratch = root / "content" / "write-floor.tmp"
    out["write"] = statistics.median(timed(lambda: atomic_write(scratch, data)) for _ in range(5))
    scratch.unlink()
    site.rendered_pages()

    def render_after_an_edit(k: int) -> float:
        edit_one_title(site, k)  # untimed, as in bench_core: the editor renders after an edit
        return timed(site.rendered_pages)

    out["render"] = statistics.median(render_after_an_edit(k) for k in range(5))
    del site
    out["first_frame"] = median_child(APP_CHILD, "startup", str(root), key="first_frame", runs=3)["first_frame"]
    _, out["peak_mb"] = run_child_rss(["-c", APP_CHILD, "memory", str(root)])
    out["key"] = run_child(TYPING, str(root), "publications", str(KEYS))["median"]
    return out


def _table(results: dict[int, dict[str, float]]) -> str:
    from benchmarks.__main__ import format_table

    names = [("load", "load", "s"), ("first_frame", "first frame", "s"), ("save", "save", "s"),
             ("write", "  its atomic write", "s"),
             ("render", "render", "s"), ("key", "key to preview frame", "s"), ("peak_mb", "peak memory", "MB")]
    sizes = sorted(results)
    head = ["growth (publications)"] + [f"{n:,}" for n in sizes]
    head += [f"x {a:,}->{b:,}" for a, b in zip(sizes, sizes[1:])] + [""]
    table = [head]
    for key, label, unit in names:
        row = [label]
        for n in sizes:
            v = results[n].get(key)
            row.append("-" if v is None else (f"{v * 1000:.1f} ms" if unit == "s" else f"{v:.0f} MB"))
        for a, b in zip(sizes, sizes[1:]):
            va, vb = results[a].get(key), results[b].get(key)
            row.append(f"{vb / va:.2f}x" if va and vb is not None else "-")
        table.append(row + [""])
    return format_table(table)


def measure() -> list[dict[str, Any]]:
    from benchmarks.bench_app import BARE_FRAME
    from benchmarks.bench_core import MEMORY_BARE
    from benchmarks.generate import make_large_site

    EXTRA_TABLES.clear()
    results: dict[int, dict[str, float]] = {}
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        for pubs in SIZES:
            try:
                root = make_large_site(Path(tmp) / f"site{pubs}", pubs, NEWS)
                results[pubs] = measure_size(root, pubs)
            except Exception as exc:  # noqa: BLE001 - the other sizes still run
                figures.append(failed_part(f"growth at {pubs:,} publications", exc))
    if len(results) < len(SIZES):
        return figures
    EXTRA_TABLES.append(_table(results))
    small, mid, big = (results[n] for n in SIZES)

    def factor(name: str, a: dict, b: dict, floor: float, label: str) -> dict[str, Any]:
        ratio = b[name] / a[name]
        return figure(f"growth: {label}", ratio, "x", "<= 1.5x floor", ratio <= 1.5 * floor, floor,
                      "flat" if floor == 1 else f"linear: {floor:.0f}x the entries")

    figures += [
        factor("save", small, big, 1.0, "save, 200 -> 20,000 publications"),
        factor("key", small, big, 1.0, "key to preview frame, 200 -> 20,000 publications"),
        factor("load", mid, big, 10.0, "load, 2,000 -> 20,000 publications"),
        factor("render", mid, big, 10.0, "render, 2,000 -> 20,000 publications"),
    ]
    bare = median_child(BARE_FRAME, key="frame", runs=3)["frame"]
    figures.append(figure("20,000 publications: first frame (median of 3)", big["first_frame"], "s", "<= 1.0 s",
                          big["first_frame"] <= 1.0, bare, "bare Textual app, same widgets"))
    _, python = run_child_rss(["-c", MEMORY_BARE])
    figures.append(figure("20,000 publications: peak memory, site open in the app", big["peak_mb"], "MB",
                          "<= 300 MB", big["peak_mb"] <= 300, python, "python + the same imports"))
    return figures


if __name__ == "__main__":
    from benchmarks.__main__ import format_table, rows

    print(format_table(rows(measure())))
    print("\n".join(EXTRA_TABLES))
