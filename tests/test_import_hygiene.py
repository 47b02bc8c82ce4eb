"""The core (model, store, render, site and the rest below the app) never imports Textual."""

import subprocess
import sys

CORE = ["model", "store", "regions", "render", "section", "site", "preview", "demo", "errors", "cli"]


def test_core_modules_import_without_textual():
    code = ("import sys\n"
            + "".join(f"import homepage_tui.{name}\n" for name in CORE)
            + "import importlib.util\n"
            + "for opt in ('publish', 'importer'):\n"
            + "    if importlib.util.find_spec('homepage_tui.' + opt): importlib.import_module('homepage_tui.' + opt)\n"
            + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
            + "print(','.join(bad))\n")
    code = "import importlib\n" + code
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"core imported Textual: {proc.stdout}"
