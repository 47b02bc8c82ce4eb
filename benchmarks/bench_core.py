"""The large-site figures: 2,000 publications and 500 news items (benchmarks/generate.py).

    python -m benchmarks core          (in the table with the others)
    python -m benchmarks.bench_core    (this module alone)

Figures (each timed several times, median; floors measured in the same run):
- full load of the site's content vs ruamel.yaml's plain round-trip load of the same files;
- save after one field of one entry changed (Section.update + save) vs a full ruamel.yaml dump of
  publications.yml, and the lines that save changed: only that field's;
- rendering the whole page;
- the editor app on the large site (benchmarks/large_app.py, a fresh Python each, driven through
  run_test): first frame and content load (vs ruamel's load of the same files in a fresh Python),
  preview refresh after a key typed into entry 1000's title, filtering with `/` a key at a time;
  FAIL rows saying so while homepage_tui/app/main.py does not exist;
- peak memory with the site open in the app (the core load when there is no app), in a fresh
  Python: ru_maxrss of that child alone.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import make_large_site  # noqa: E402

PUBLICATIONS = 2000
NEWS = 500
REPEAT = 5
REPO = Path(__file__).resolve().parents[1]


def figure(name: str, value: float | None, unit: str, target: str, passed: bool,
           floor: float | None = None, floor_name: str = "", reason: str = "") -> dict[str, Any]:
    row = {"name": name, "value": value, "unit": unit, "floor": floor, "floor_name": floor_name,
           "target": target, "passed": bool(passed)}
    if reason:
        row["reason"] = reason
    return row


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def app_available() -> bool:
    try:
        return importlib.util.find_spec("homepage_tui.app.main") is not None
    except ModuleNotFoundError:
        return False


def run_child(code: str, *args: str, timeout: float = 300) -> tuple[dict[str, Any], float]:
    """Run `code` in a fresh Python (argv[1:] = args); returns the JSON it prints last and the
    child's peak resident memory in MB (ru_maxrss of that child alone, read by a wrapper)."""
    wrapper = textwrap.dedent("""\
        import json, resource, subprocess, sys
        p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr, "maxrss_kb": rss}))
    """)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-c", code, *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)
    outer = json.loads(proc.stdout.strip().splitlines()[-1])
    if outer["rc"] != 0:
        last = (outer["err"].strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"child exited {outer['rc']}: {last}")
    result = json.loads(outer["out"].strip().splitlines()[-1])
    return result, outer["maxrss_kb"] / 1024


# ------------------------------------------------------------------ load


def load_figures(root: Path) -> list[dict[str, Any]]:
    """Site.open + every section (YamlDocument: one ruamel parse, then the cut into pieces)
    against ruamel.yaml's own round-trip load of the same files. Alternating, median."""
    from ruamel.yaml import YAML

    from homepage_tui.site import Site

    files = [p for p in sorted((root / "content").glob("*.yml"))]

    def plain_load() -> list:  # the loaded data is kept, as a loaded site keeps it
        return [YAML(typ="rt").load(path.read_text(encoding="utf-8")) for path in files]

    def tool_load() -> Site:
        site = Site.open(root)
        for name in site.section_names():
            site.section(name)
        return site

    tool, floor = [], []
    for i in range(3):
        if i % 2:
            floor.append(timed(plain_load))
            tool.append(timed(tool_load))
        else:
            tool.append(timed(tool_load))
            floor.append(timed(plain_load))
    value, base = statistics.median(tool), statistics.median(floor)
    return [figure(f"full load, {PUBLICATIONS} pubs + {NEWS} news (core: Site + all sections)", value, "s",
                   "<= 1.2x floor", value <= 1.2 * base, base, "ruamel rt load")]


# ------------------------------------------------------------------ save


def save_figures(root: Path) -> list[dict[str, Any]]:
    """Change one entry's title and save, five times on different entries; the full ruamel dump
    of the same file is the reference a naive save would pay. Each save's file diff is checked."""
    from ruamel.yaml import YAML

    from homepage_tui.site import Site

    path = root / "content" / "publications.yml"
    site = Site.open(root)
    section = site.section("publications")
    times: list[float] = []
    bad: list[str] = []
    changed_total = 0
    for k in range(REPEAT):
        index = 1000 + 37 * k
        before = path.read_text(encoding="utf-8").splitlines(keepends=True)
        title = section.entry(index)["title"] + f" (revised {k})"
        expected_line = section.file.doc.field_line(index, "title")

        def edit_and_save() -> None:
            section.update(index, {"title": title})
            section.save()

        times.append(timed(edit_and_save))
        after = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
        changed_total += len(changed)
        if len(before) != len(after) or changed != [expected_line] or title not in after[expected_line - 1]:
            bad.append(f"entry {index}: lines {changed} changed, {len(after) - len(before):+d} lines")

    yaml = YAML(typ="rt")
    data = yaml.load(path.read_text(encoding="utf-8"))
    dumps = []
    for _ in range(3):
        dumps.append(timed(lambda: yaml.dump(data, io.StringIO())))
    value, base = statistics.median(times), statistics.median(dumps)
    return [
        figure(f"save after a one-field edit, {PUBLICATIONS}-entry publications.yml", value, "s",
               "<= 200 ms", value <= 0.200, base, "ruamel full dump"),
        figure("save: file lines changed per one-field edit", changed_total / REPEAT, "lines",
               "only the field's line (1)", not bad, reason="; ".join(bad[:2])),
    ]


# ------------------------------------------------------------------ render


def render_figures(root: Path) -> list[dict[str, Any]]:
    """The whole page's regions regenerated (Site.rendered_pages) with the content loaded, as
    after an edit; the first render of a freshly loaded site is reported beside it."""
    from homepage_tui.site import Site

    site = Site.open(root)
    for name in site.section_names():
        site.section(name)
    first = timed(site.rendered_pages)
    times = [timed(site.rendered_pages) for _ in range(7)]
    value = statistics.median(times)
    pages = site.rendered_pages()
    size = sum(len(new) for _, new in pages.values())
    return [
        figure(f"render whole page, {PUBLICATIONS} pubs ({size // 1024} KB)", value, "s", "<= 150 ms",
               value <= 0.150),
        figure("render whole page, first after load (info)", first, "s", "(info)", True),
    ]


# ------------------------------------------------------------------ memory

MEMORY_CORE = """
import json, sys
from homepage_tui.site import Site
site = Site.open(sys.argv[1])
for name in site.section_names():
    site.section(name)
site.rendered_pages()
print(json.dumps({"sections": len(site.section_names())}))
"""

MEMORY_BARE = """
import json
import ruamel.yaml, textual.app, rich.markdown, git
print(json.dumps({}))
"""

APP_CHILD = "import sys, runpy; sys.argv[0] = 'large_app'; runpy.run_module('benchmarks.large_app', run_name='__main__')"


def memory_figures(root: Path) -> list[dict[str, Any]]:
    if app_available():
        code, args, how = APP_CHILD, ("memory", str(root)), "editor app via run_test, publications shown"
    else:
        code, args, how = MEMORY_CORE, (str(root),), "core: Site + all sections + render; no app yet"
    _, peak = run_child(code, *args)
    _, bare = run_child(MEMORY_BARE)
    return [figure(f"peak memory, large site open ({how})", peak, "MB", "<= 250 MB", peak <= 250,
                   bare, "python + imports")]


# ------------------------------------------------------------------ app figures

FLOOR_CHILD = """
import json, sys, time
from pathlib import Path
from ruamel.yaml import YAML
files = sorted(Path(sys.argv[1], "content").glob("*.yml"))
start = time.perf_counter()
data = [YAML(typ="rt").load(path.read_text(encoding="utf-8")) for path in files]
print(json.dumps({"load": time.perf_counter() - start}))
"""


def app_child(mode: str, root: Path, timeout: float = 120) -> dict[str, Any]:
    """benchmarks/large_app.py in a fresh Python; timed from the moment it is spawned."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    spawned = time.time()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.large_app", mode, str(root), repr(spawned)],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"large_app {mode} exited {proc.returncode}: {last}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def app_figures(root: Path) -> list[dict[str, Any]]:
    """The large site's content load inside the editor app, against ruamel's own load.

    First frame, preview and filter in the app are measured by bench_app (one row each)."""
    if not app_available():
        return [figure("start-up, large site: content loaded in the app", None, "s", "<= 1.2x floor", False,
                       reason="needs the editor app (homepage_tui/app/main.py)")]
    runs, floors = [], []
    for i in range(3):  # alternate the app and the floor so that machine noise falls on both
        if i % 2:
            floors.append(run_child(FLOOR_CHILD, str(root))[0]["load"])
            runs.append(app_child("startup", root))
        else:
            runs.append(app_child("startup", root))
            floors.append(run_child(FLOOR_CHILD, str(root))[0]["load"])
    load = statistics.median(r["load"] for r in runs)
    arrived = statistics.median(r["loaded"] for r in runs)
    floor = statistics.median(floors)
    return [figure(f"start-up, large site: content load in the app (all in at {arrived:.2f} s)", load,
                   "s", "<= 1.2x floor", load <= 1.2 * floor, floor, "ruamel rt load")]


# ------------------------------------------------------------------ all


def measure(publications: int = PUBLICATIONS, news: int = NEWS) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-core-") as tmp:
        root = make_large_site(Path(tmp) / "large", publications, news)
        for part in (load_figures, save_figures, render_figures, app_figures, memory_figures):
            try:
                figures += part(root)
            except Exception as exc:  # noqa: BLE001 - one failing figure must not hide the others
                figures.append(figure(part.__name__.replace("_figures", ""), None, "", "", False,
                                      reason=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))
    return figures


if __name__ == "__main__":
    from benchmarks.__main__ import format_table, rows

    print(format_table(rows(measure())))
