"""The editor's first frame waits for no YAML, markdown, syntax highlighting or git: those are
imported by the load worker (after the first frame) or where they are first used. Checked in a
fresh Python, since this test process has imported everything long ago."""

import gc
import json
import os
import subprocess
import sys

from homepage_tui.demo import make_demo

# Modules the first frame must not wait for (each costs tens of ms to import).
LATER = ["markdown_it", "pygments", "ruamel", "yaml", "git", "bibtexparser", "homepage_tui.store",
         "homepage_tui.site", "homepage_tui.render", "homepage_tui.preview",
         # the entry forms (mounted after the first frame) and Textual's TextArea that they and
         # the publish review use; the help and publish screens, imported when first opened;
         # hashlib (OpenSSL), first needed by the load worker's file digests
         "homepage_tui.app.forms", "textual.widgets._text_area", "homepage_tui.app.help_screen",
         "homepage_tui.app.keys", "homepage_tui.app.publish_screen", "homepage_tui.app.publish_blocked",
         "homepage_tui.app.merge_screen", "hashlib",
         "tomllib"]  # read only when the user has a settings file (none here: HOMEPAGE_TUI_CONFIG)

CHILD = """
import asyncio, gc, json, sys
from pathlib import Path
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.editor_screen import EditorScreen

LATER = json.loads(sys.argv[2])
seen = {"imported": [m for m in LATER if m in sys.modules]}

class Watched(EditorScreen):
    def on_mount(self):  # Textual calls EditorScreen.on_mount too (handlers run along the MRO)
        def first_frame():
            seen["at_first_frame"] = [m for m in LATER if m in sys.modules]
            seen["site_at_first_frame"] = self.site is not None
            seen["frozen_at_first_frame"] = gc.get_freeze_count()
            seen["dataclasses_at_first_frame"] = sorted(
                f"{name}.{value.__name__}" for name, module in list(sys.modules.items())
                if name.startswith("homepage_tui") for value in vars(module).values()
                if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in vars(value))
        self.call_after_refresh(first_frame)

class App(HomepageApp):
    def get_default_screen(self):
        return Watched(self.root, self.today, id="editor-screen")

async def main():
    app = App(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen["loaded"] = app.editor.all_loaded and len(app.editor.sections) > 0
        seen["forms"] = len(app.editor.query(".entry-form"))
asyncio.run(main())
print(json.dumps(seen))
"""


def test_first_frame_imports_no_yaml_markdown_or_git(tmp_path):
    site = make_demo(tmp_path / "site").root
    env = dict(os.environ, HOMEPAGE_TUI_CONFIG=str(tmp_path / "no-settings.toml"))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(site), json.dumps(LATER)], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, env=env)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["imported"] == [], f"importing the app imported {seen['imported']}"
    assert seen["at_first_frame"] == [], f"the first frame waited for {seen['at_first_frame']}"
    assert seen["site_at_first_frame"] is False  # the content comes after the first frame...
    assert seen["loaded"] is True  # ...and then all of it
    assert seen["forms"] == 5  # the entry forms, mounted after the first frame
    # The imported modules' objects are out of the collector's walks (main.freeze_start_up_objects):
    # the first full collection had fallen in the first frame, walking all of them.
    assert seen["frozen_at_first_frame"] > 20_000
    # Each dataclass runs generated code through exec when its module is imported (~0.5 ms, a
    # frozen one more); the first frame's modules use plain records (homepage_tui.record).
    assert seen["dataclasses_at_first_frame"] == []


async def test_start_up_objects_are_frozen_once_a_process(tmp_path):
    from homepage_tui.app.main import HomepageApp

    site = make_demo(tmp_path / "site").root
    HomepageApp(site)  # this process's first app, or a later one: the start-up objects are frozen
    frozen = gc.get_freeze_count()
    garbage = [[] for _ in range(1000)]
    for item in garbage:
        item.append(item)  # cycles: what a finished app leaves for the collector
    del garbage, item
    app = HomepageApp(site)
    assert frozen > 20_000 and gc.get_freeze_count() == frozen  # the second app froze nothing more
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.editor.all_loaded
