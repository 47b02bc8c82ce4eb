"""Start-up of the command line against a fresh Python that only imports ruamel.yaml.

    python -m benchmarks cli

Each figure is the wall time of a fresh `python -m homepage_tui ...` process on the demo site,
from spawn to exit, interleaved with the floor `python -c "import ruamel.yaml"` (the least any
command that reads the content pays); medians of nine. Target (issue 13): at most 1.3x the floor,
which means that commands which do not open the editor do not import Textual (or git).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import REPO, child_env, figure, interleaved  # noqa: E402

RUNS = 9
TARGET_RATIO = 1.3


def _wall(argv: list[str], cwd: Path, expect: int = 0) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, *argv], cwd=cwd, env=child_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != expect:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {last}")
    return elapsed


def measure() -> list[dict[str, Any]]:
    from homepage_tui.demo import make_demo

    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        site = make_demo(Path(tmp) / "demo").root
        counter = iter(range(1_000_000))
        commands = {
            "--help": ["-m", "homepage_tui", "--help"],
            "check": ["-m", "homepage_tui", "--site", str(site), "check"],
            "add-news": None,  # a new text each run: the page really changes
        }
        floor_argv = ["-c", "import ruamel.yaml"]
        for name, argv in commands.items():
            def tool(argv=argv) -> float:
                if argv is None:
                    n = next(counter)
                    return _wall(["-m", "homepage_tui", "--site", str(site), "add-news", "--date", "2026.01",
                                  f"Benchmark news {n}."], REPO)
                return _wall(argv, REPO)

            tool()  # not timed: the first run writes the package's .pyc files (common.child_env)
            value, floor = interleaved(tool, lambda: _wall(floor_argv, REPO), RUNS)
            figures.append(figure(f"start-up: homepage-tui {name} (median of {RUNS})", value, "s",
                                  f"<= {TARGET_RATIO}x floor", value <= TARGET_RATIO * floor, floor,
                                  "python -c 'import ruamel.yaml'"))
    return figures


if __name__ == "__main__":
    from benchmarks.__main__ import format_table, rows

    print(format_table(rows(measure())))
