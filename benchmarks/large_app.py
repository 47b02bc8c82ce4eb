"""The editor app on the large site, driven headless through `run_test` in a fresh Python.

    python -m benchmarks.large_app MODE SITE [SPAWNED_AT]

bench_core runs this in a child process (so that imports and start-up are cold) and reads the JSON
it prints last. MODE:
- startup:  seconds from the process being spawned (SPAWNED_AT, time.time() in the parent) to the
            first frame (Textual's Ready event), and to the content having arrived (the app's
            AllSectionsLoaded processed); the load itself is timed from the load worker's first
            message (SiteOpened, posted right after the site's settings are read);
- memory:   the site opened, publications shown with its preview; the parent reads ru_maxrss.

(First frame, preview and filter in the app are bench_app's figures.)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from time import monotonic
from pathlib import Path

T0_WALL = time.time()
T0 = time.perf_counter()

SIZE = (160, 48)  # wide enough for the preview to have its own column


async def _until(predicate, timeout: float = 60.0, step: float = 0.002) -> None:
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(step)


async def run(mode: str, site: Path, spawned_at: float | None) -> dict:
    from textual import events

    from homepage_tui.app.entry_table import EntryTable
    from homepage_tui.app.main import HomepageApp
    from homepage_tui.app.sidebar import SectionList

    offset = (T0_WALL - spawned_at) if spawned_at else 0.0  # interpreter start before T0
    marks: dict[str, float] = {}

    def hook(message) -> None:
        now = time.perf_counter()
        name = type(message).__name__
        if isinstance(message, events.Ready):
            marks.setdefault("ready", now)
        elif name == "SiteOpened":  # its post time (in the load worker): the load starts
            marks.setdefault("site_opened", now - (monotonic() - message.time))
        elif name == "AllSectionsLoaded":
            marks.setdefault("loaded", now)

    app = HomepageApp(site)
    out: dict = {}
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await _until(lambda: "loaded" in marks)
        await pilot.pause()
        editor = app.editor
        out.update(first_frame=marks["ready"] - T0 + offset, loaded=marks["loaded"] - T0 + offset,
                   load=marks["loaded"] - marks["site_opened"])
        if mode == "startup":
            return out

        editor.query_one(SectionList).select_section("publications")
        await _until(lambda: editor.current == "publications")
        table = editor.query_one(EntryTable)
        await pilot.pause()
        out["rows"] = table.row_count

        middle = table.row_count // 2
        table.select_index(middle)
        await _until(lambda: editor.index == middle)
        form = editor._form()
        form.focus_field("title")
        await pilot.press("end")  # focus selects the title; type at its end instead
        await pilot.pause()
        # memory: the site open, the large section shown with its preview
        await asyncio.sleep(0.3)
        return out


def main(argv: list[str]) -> int:
    mode, site = argv[0], Path(argv[1])
    spawned_at = float(argv[2]) if len(argv) > 2 else None
    result = asyncio.run(run(mode, site, spawned_at))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
