"""Everything below the app (model, store, render, importer, site, publish, the command line)
imports without Textual, so it is tested fast and alone and reused from the command line."""

import subprocess
import sys

WALK = """
import importlib, pkgutil, sys
import homepage_tui

# pkgutil.walk_packages would import homepage_tui.app to look inside it: walk by hand instead.
names = []
def walk(package):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name in ("homepage_tui.app", "homepage_tui.__main__"):
            continue
        module = importlib.import_module(info.name)
        names.append(info.name)
        if info.ispkg:
            walk(module)
walk(homepage_tui)
print(len(names))
print(",".join(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def test_every_core_module_imports_without_textual():
    proc = subprocess.run([sys.executable, "-c", WALK], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines() + [""]
    count, textual_modules = int(lines[0]), lines[1]
    assert count >= 30  # the walk found the core: model, store, importer/*, publish/*, commands/*
    assert textual_modules == "", f"the core imported Textual: {textual_modules}"
