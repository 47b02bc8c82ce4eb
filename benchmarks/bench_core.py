"""The large-site figures: 2,000 publications and 500 news items (benchmarks/generate.py).

    python -m benchmarks core          (in the table with the others)
    python -m benchmarks.bench_core    (this module alone)

Figures (interleaved with their floors, medians, the GC paused in both: benchmarks.common.timed):
- full load of the site's content vs PyYAML's C loader (CSafeLoader) on the same files;
- save after one field of one entry changed (Section.update + save) vs writing the same file's
  text atomically (the write any save pays), and the lines that save changed: only that field's;
- rendering the whole page after one entry was edited (the edit untimed) vs a bare f-string per
  entry over the same entries;
- the editor app on the large site (benchmarks/large_app.py, a fresh Python each): its content
  load vs the C loader's load of the same files in a fresh Python, GC paused in both;
- peak memory with the site open in the app, in a fresh Python (ru_maxrss of that child alone)
  vs a fresh Python that imports the same libraries.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import tempfile
from pathlib import Path
from typing import Any

# The floor's PyYAML as it ships, imported before homepage_tui's store (which imports it with its
# pure-Python patterns compiled on first use): the C loader's resolver then runs its own patterns.
import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (  # noqa: E402
    REPO, child_env, failed_part, figure, interleaved, run_child, run_child_rss, timed)
from benchmarks.generate import make_large_site  # noqa: E402

PUBLICATIONS = 2000
NEWS = 500
REPEAT = 5

# ------------------------------------------------------------------ load


def c_loader_load(files: list[Path]) -> list:
    """The floor of any load: PyYAML's C loader (libyaml) on the same files, data kept."""
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in files]


def load_figures(root: Path) -> list[dict[str, Any]]:
    """Site.open + every section, against PyYAML's C loader on the same files."""
    from homepage_tui.site import Site

    files = sorted((root / "content").glob("*.yml"))

    def tool_load() -> Site:
        site = Site.open(root)
        for name in site.section_names():
            site.section(name)
        return site

    value, base = interleaved(lambda: timed(tool_load), lambda: timed(lambda: c_loader_load(files)), 5)
    return [figure(f"full load, {PUBLICATIONS} pubs + {NEWS} news (Site + all sections)", value, "s",
                   "<= 2x floor", value <= 2 * base, base, "PyYAML CSafeLoader, same files")]


# ------------------------------------------------------------------ save


def save_figures(root: Path) -> list[dict[str, Any]]:
    """Change one entry's title and save, on different entries; the floor writes the same file's
    text atomically (the write any save pays). Each save's file diff is checked."""
    from homepage_tui.site import Site
    from homepage_tui.store import atomic_write

    path = root / "content" / "publications.yml"
    site = Site.open(root)
    section = site.section("publications")
    count = len(section)
    times: list[float] = []
    floors: list[float] = []
    bad: list[str] = []
    changed_total = 0
    for k in range(REPEAT):
        index = (count // 2 + 37 * k) % count
        before = path.read_text(encoding="utf-8")
        before_lines = before.splitlines(keepends=True)
        title = section.entry(index)["title"] + f" (revised {k})"
        expected_line = section.file.doc.field_line(index, "title")

        def edit_and_save() -> None:
            section.update(index, {"title": title})
            section.save()

        if k % 2:
            floors.append(timed(lambda: atomic_write(path.with_name("floor.tmp"), before)))
            times.append(timed(edit_and_save))
        else:
            times.append(timed(edit_and_save))
            floors.append(timed(lambda: atomic_write(path.with_name("floor.tmp"), before)))
        after = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = [i + 1 for i, (a, b) in enumerate(zip(before_lines, after)) if a != b]
        changed_total += len(changed)
        if len(before_lines) != len(after) or changed != [expected_line] or title not in after[expected_line - 1]:
            bad.append(f"entry {index}: lines {changed} changed, {len(after) - len(before_lines):+d} lines")
    path.with_name("floor.tmp").unlink(missing_ok=True)
    value, base = statistics.median(times), statistics.median(floors)
    return [
        figure(f"save after a one-field edit, {count}-entry publications.yml", value, "s",
               "<= 200 ms", value <= 0.200, base, "atomic write of the same text"),
        figure("save: file lines changed per one-field edit", changed_total / REPEAT, "lines",
               "<= 1 lines (only the field's)", not bad, reason="; ".join(bad[:2])),
    ]


# ------------------------------------------------------------------ render


def bare_render(entries: list[dict[str, Any]]) -> str:
    """The least a renderer does: one f-string per entry, no escaping, no style, no links."""
    return "\n".join(f"- {e.get('title', '')}, {', '.join(e.get('authors') or [])}. {e.get('venue', '')}"
                     for e in entries)


def edit_one_title(site, k: int) -> None:
    """One entry's title changed in memory (not saved), as the editor does before it re-renders:
    a different entry each time, so that a renderer's cache of entry texts misses on it."""
    section = site.section("publications")
    index = (len(section) // 3 + 11 * k) % len(section)
    section.update(index, {"title": section.entry(index)["title"] + f" (render {k})"})


def render_figures(root: Path) -> list[dict[str, Any]]:
    """The whole page's regions regenerated (Site.rendered_pages) with the content loaded, after
    one entry was edited (untimed) before each run, as the editor renders; floor: bare_render
    over the same sections' entries."""
    from homepage_tui.site import Site

    site = Site.open(root)
    for name in site.section_names():
        site.section(name)
    site.rendered_pages()
    entries = [e for name in site.section_names() for e in site.section(name).entries]
    edits = iter(range(1_000_000))

    def after_an_edit() -> float:
        edit_one_title(site, next(edits))
        return timed(site.rendered_pages)

    value, base = interleaved(after_an_edit, lambda: timed(lambda: bare_render(entries)), 7)
    size = sum(len(new) for _, new in site.rendered_pages().values())
    return [figure(f"render whole page, {PUBLICATIONS} pubs ({size // 1024} KB)", value, "s", "<= 50 ms",
                   value <= 0.050, base, "an f-string per entry")]


# ------------------------------------------------------------------ memory

MEMORY_BARE = """
import json
import ruamel.yaml, yaml, textual.app, rich.markdown, markdown_it, git
print(json.dumps({}))
"""

APP_CHILD = "import runpy; runpy.run_module('benchmarks.large_app', run_name='__main__')"


def memory_figures(root: Path) -> list[dict[str, Any]]:
    _, peak = run_child_rss(["-c", APP_CHILD, "memory", str(root)])
    _, bare = run_child_rss(["-c", MEMORY_BARE])
    return [figure("peak memory, large site open in the app (publications shown)", peak, "MB", "<= 250 MB",
                   peak <= 250, bare, "python + the same imports")]


# ------------------------------------------------------------------ app figures

FLOOR_CHILD = """
import gc, json, sys, time
from pathlib import Path
import yaml
files = sorted(Path(sys.argv[1], "content").glob("*.yml"))
gc.disable()  # as the app's load does
start = time.perf_counter()
data = [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in files]
print(json.dumps({"load": time.perf_counter() - start}))
"""


def app_child(mode: str, root: Path, timeout: float = 300) -> dict[str, Any]:
    """benchmarks/large_app.py in a fresh Python; timed from the moment it is spawned."""
    spawned = time.time()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.large_app", mode, str(root), repr(spawned)],
                          capture_output=True, text=True, timeout=timeout, env=child_env(), cwd=REPO)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"large_app {mode} exited {proc.returncode}: {last}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def app_figures(root: Path) -> list[dict[str, Any]]:
    """The large site's content load inside the editor app (from the load worker's first message
    to the last section in), against the C loader's load of the same files in a fresh Python."""
    runs, floors = [], []
    for i in range(3):  # alternate the app and the floor so that machine noise falls on both
        if i % 2:
            floors.append(run_child(FLOOR_CHILD, str(root))["load"])
            runs.append(app_child("startup", root))
        else:
            runs.append(app_child("startup", root))
            floors.append(run_child(FLOOR_CHILD, str(root))["load"])
    load = statistics.median(r["load"] for r in runs)
    arrived = statistics.median(r["loaded"] for r in runs)
    floor = statistics.median(floors)
    return [figure(f"content load in the app, large site (all in at {arrived:.2f} s)", load,
                   "s", "<= 2x floor", load <= 2 * floor, floor, "PyYAML CSafeLoader, fresh Python")]


# ------------------------------------------------------------------ all


def measure(publications: int = PUBLICATIONS, news: int = NEWS) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-core-") as tmp:
        root = make_large_site(Path(tmp) / "large", publications, news)
        for part in (load_figures, save_figures, render_figures, app_figures, memory_figures):
            try:
                figures += part(root)
            except Exception as exc:  # noqa: BLE001 - one failing figure must not hide the others
                figures.append(failed_part(part.__name__.replace("_figures", ""), exc))
    return figures


if __name__ == "__main__":
    from benchmarks.__main__ import format_table, rows

    print(format_table(rows(measure())))
