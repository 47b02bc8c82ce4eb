"""The editor app's figures, each measured in a fresh Python (a child process) for honesty.

    python benchmarks/bench_app.py      (this module alone)
    python -m benchmarks app            (in the table with the others)

- first frame: from the start of the child (before Textual is imported) to the first screen
  refresh in `run_test` (headless), on the demo site and on a 2,000-publication site; floor: a bare
  Textual app composing the widget classes of the editor's first frame in its layout (the entry
  forms are mounted after it, so they are not in the floor either), in its own fresh child; each
  the median of five fresh children, interleaved with the floor's;
- content loaded on the large site (the loading worker's last message), after the first frame;
- preview after a keystroke in the seed's publications section: from the key press to the frame
  that shows the preview's repaint (written to the terminal), median over 30 keystrokes typed at
  typing speed, 30-60 ms apart (inside the preview's old 100 ms throttle, so a throttle shows up
  in the figure); floor: the frame that shows the typed character in its input, same keystrokes
  (nothing shown after a keystroke comes sooner than its own echo);
- filtering the 2,000 publications with `/`: from a key press to the frame that shows the
  refilled table, median; floor: the same keystrokes filtering the 8 awards.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import figure, interleaved, run_child  # noqa: E402

KEYSTROKES = 30

# Every child prints one JSON object on its last line.
FIRST_FRAME = r"""
import time
T0 = time.perf_counter()
import asyncio, json, sys
from pathlib import Path
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.messages import AllSectionsLoaded

marks = {}

# Textual calls each class's handler along the MRO: no super() calls here (they ran the editor's
# on_mount twice, and so two load workers).
class Timed(EditorScreen):
    def on_mount(self):
        self.call_after_refresh(lambda: marks.setdefault("frame", time.perf_counter() - T0))

    def on_all_sections_loaded(self, message):
        marks.setdefault("loaded", time.perf_counter() - T0)

class App(HomepageApp):
    def get_default_screen(self):
        return Timed(self.root, self.today, id="editor-screen")

async def main():
    app = App(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        while "loaded" not in marks or "frame" not in marks:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
asyncio.run(main())
print(json.dumps(marks))
"""

BARE_FRAME = r"""
import time
T0 = time.perf_counter()
import asyncio, json
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.scroll_view import ScrollView
from textual.widgets import DataTable, Footer, Input, Label, OptionList, ProgressBar, Static

marks = {}

# The widget classes of the editor's first frame, in its layout: the section list and the hidden
# year chart, the hidden filter line, the entry table (loading), the form host's message, the
# preview's title and scrolling body, the git line with its hidden progress, the footer. The
# entry forms are not in it: the editor mounts them after its first frame.
class Bare(App):
    def compose(self):
        with Horizontal():
            with Vertical():
                yield OptionList()
                yield Static("chart", id="chart")
            with Horizontal():
                with Vertical():
                    yield Input(id="filter")
                    yield DataTable()
                    with Vertical():
                        yield Static("")
                with Vertical():
                    yield Label("Preview")
                    yield ScrollView()
        with Horizontal():
            yield Static("git")
            yield Static("", id="stage")
            yield ProgressBar(id="progress")
        yield Footer()

    def on_mount(self):
        for hidden in ("#chart", "#filter", "#stage", "#progress"):
            self.query_one(hidden).display = False
        self.query_one(DataTable).loading = True
        self.call_after_refresh(lambda: marks.setdefault("frame", time.perf_counter() - T0))

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        while "frame" not in marks:
            await pilot.pause(0.01)
asyncio.run(main())
print(json.dumps(marks))
"""

# When the user sees a change: each watched widget's render_lines notes when it drew, and the
# app's _display notes when a frame is written to the terminal. A key's delay for a widget is
# from the key press to the first frame written after the widget's first repaint for that key
# (a repaint alone is not yet on the screen: layout and compositing come after it).
PAINTS = r"""
import time

FRAMES = []

def watch_frames(app):
    original = app._display
    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None:
            FRAMES.append(time.perf_counter())
    app._display = display

def watch(widget, changed_by=None):
    # `changed_by`: the method that gives the widget its new content (update, set_filter): only a
    # repaint after that call shows the change (the widget may also redraw for other reasons).
    original = widget.render_lines
    widget.paint_times, widget.change_times = [], []
    def render_lines(crop):
        lines = original(crop)
        widget.paint_times.append(time.perf_counter())
        return lines
    widget.render_lines = render_lines
    if changed_by:
        setter = getattr(widget, changed_by)
        def changed(*args, **kwargs):
            widget.change_times.append(time.perf_counter())
            return setter(*args, **kwargs)
        setattr(widget, changed_by, changed)
    return widget

def shown_at(widget, t0):
    changed = t0
    if widget.change_times is not None and hasattr(widget, "change_times") and widget.change_times:
        later = [t for t in widget.change_times if t > t0]
        if not later:
            return None
        changed = later[-1]
    painted = next((t for t in widget.paint_times if t > changed), None)
    if painted is None:
        return None
    return next((f for f in FRAMES if f >= painted), None)

async def open_section(app, pilot, name):
    # The app loaded, its frames watched, the section `name` shown; returns the editor screen.
    await app.workers.wait_for_complete()
    await pilot.pause()
    editor = app.screen
    if name != editor.current:
        editor.query_one("#sections").select_section(name)
        await pilot.pause()
    return editor

async def press_and_wait(pilot, key, *widgets):
    # Press `key`, wait until every widget's repaint is on screen, return each one's delay.
    t0 = time.perf_counter()
    await pilot.press(key)
    for _ in range(4000):
        if all(shown_at(w, t0) is not None for w in widgets):
            break
        await pilot.pause(0.001)
    return [shown_at(w, t0) - t0 for w in widgets]
"""

TYPING = PAINTS + r"""
import asyncio, json, random, statistics, sys
from pathlib import Path
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewBody

SECTION, KEYS = sys.argv[2], int(sys.argv[3])

async def main():
    app = HomepageApp(Path(sys.argv[1]))
    watch_frames(app)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_section(app, pilot, SECTION)
        editor.query_one("#entries").focus()
        await pilot.press("enter")  # the first field of the first entry (title / date)
        await pilot.press("end")
        await pilot.pause(0.2)
        body = watch(editor.query_one(PreviewBody), "update")
        field = watch(app.focused)
        echo, preview = [], []
        gaps = random.Random(16)
        for i in range(KEYS):
            await asyncio.sleep(gaps.uniform(0.03, 0.06))  # typing speed: 30-60 ms between keys
            f, p = await press_and_wait(pilot, "x" if i % 2 == 0 else "backspace", field, body)
            echo.append(f)
            preview.append(p)
    print(json.dumps({"median": statistics.median(preview), "max": max(preview),
                      "echo": statistics.median(echo), "n": len(preview)}))

asyncio.run(main())
"""

FILTER = PAINTS + r"""
import asyncio, json, random, statistics, sys
from pathlib import Path
from homepage_tui.app.main import HomepageApp

async def main():
    app = HomepageApp(Path(sys.argv[1]))
    watch_frames(app)
    async with app.run_test(size=(160, 50)) as pilot:
        editor = await open_section(app, pilot, sys.argv[2])
        table = watch(editor.query_one("#entries"), "set_filter")
        rows = table.row_count
        await pilot.press("slash")
        await pilot.pause(0.2)
        bar = watch(app.focused)
        echo, refill = [], []
        gaps = random.Random(13)
        for key in ["l", "e", "a", "r", "n"] + ["backspace"] * 5 + list("federated"):
            await asyncio.sleep(gaps.uniform(0.03, 0.06))  # typing speed
            b, t = await press_and_wait(pilot, key, bar, table)
            echo.append(b)
            refill.append(t)
    print(json.dumps({"median": statistics.median(refill), "max": max(refill),
                      "echo": statistics.median(echo), "rows": rows}))

asyncio.run(main())
"""


def first_frames(site: str, runs: int = 5) -> tuple[float, float]:
    """Median first frame of the app on `site` and of the bare app, fresh children interleaved."""
    def tool() -> float:
        return run_child(FIRST_FRAME, site)["frame"]

    def floor() -> float:
        return run_child(BARE_FRAME)["frame"]

    return interleaved(tool, floor, runs)


def measure() -> list[dict[str, Any]]:
    from benchmarks.generate import make_large_site
    from homepage_tui.demo import make_demo

    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        demo = make_demo(Path(tmp) / "demo").root
        large = make_large_site(Path(tmp) / "large", 2000, 500)
        first, bare = first_frames(str(demo))
        figures.append(figure("app: first frame, demo site (median of 5)", first, "s",
                              "<= 0.5 s and <= 1.5x floor", first <= 0.5 and first <= 1.5 * bare, bare,
                              "bare Textual app, same widgets"))
        big, bare = first_frames(str(large))
        figures.append(figure("app: first frame, 2,000 publications (median of 5)", big, "s", "<= 1.0 s",
                              big <= 1.0, bare, "bare Textual app, same widgets"))
        typed = run_child(TYPING, str(demo), "publications", str(KEYSTROKES))
        figures.append(figure("app: key to preview frame, seed publications (median, keys 30-60 ms apart)",
                              typed["median"], "s", "<= 16 ms", typed["median"] <= 0.016, typed["echo"],
                              "the typed character shown, same keys"))
        typed_big = run_child(TYPING, str(large), "publications", str(KEYSTROKES))
        figures.append(figure("app: key to preview frame, 2,000 publications (median, keys 30-60 ms apart)",
                              typed_big["median"], "s", "<= 25 ms", typed_big["median"] <= 0.025,
                              typed_big["echo"], "the typed character shown, same keys"))
        filtered = run_child(FILTER, str(large), "publications")
        small = run_child(FILTER, str(large), "awards")
        figures.append(figure(f"app: filter {filtered['rows']} rows with /, key to table frame (median)",
                              filtered["median"], "s", "<= 16 ms", filtered["median"] <= 0.016, small["median"],
                              f"same keys filtering {small['rows']} rows"))
    return figures


if __name__ == "__main__":
    for row in measure():
        floor = f"   floor {row['floor'] * 1000:.0f} ms ({row['floor_name']})" if row.get("floor") else ""
        value = f"{row['value'] * 1000:.0f} ms" if row.get("value") is not None else "n/a"
        verdict = "ok  " if row["passed"] else "MISS"
        print(f"{verdict} {row['name']}: {value}  target {row['target']}{floor}")
