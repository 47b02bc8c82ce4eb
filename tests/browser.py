"""Debian's headless Chromium, to see a served page as a visitor's browser shows it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,900",
         "--hide-scrollbars", "--no-proxy-server"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is needed (Debian: apt-get install chromium; .ci/run installs it)"
    return path


def _run(url: str, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        proc = subprocess.run([chromium_path(), *FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def screenshot(url: str, out: Path) -> bytes:
    _run(url, f"--screenshot={out}")
    return out.read_bytes()


def dump_dom(url: str) -> str:
    """The DOM after the page's scripts ran, as the browser holds it."""
    return _run(url, "--dump-dom").stdout
