"""What every benchmark module shares: the row it returns, like-for-like timing, fresh Pythons.

Rules every row keeps (issue 16):
- the figure and its floor are timed the same way: the same GC state (paused in both), the same
  process freshness, interleaved runs, the median of each;
- every row has a target that it can fail.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]


def figure(name: str, value: float | None, unit: str, target: str, passed: bool,
           floor: float | None = None, floor_name: str = "", reason: str = "") -> dict[str, Any]:
    """One row: the value, its floor (measured in the same run) and a target it can fail."""
    row = {"name": name, "value": value, "unit": unit, "floor": floor, "floor_name": floor_name,
           "target": target, "passed": bool(passed)}
    if reason:
        row["reason"] = reason
    return row


def timed(fn: Callable[[], Any]) -> float:
    """Seconds `fn` takes with the cyclic GC paused (collected first), so that a figure and its
    floor pay the same: the store's load pauses the GC itself, a floor must not pay for it."""
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        if was:
            gc.enable()


def interleaved(tool: Callable[[], float], floor: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of `runs` timings of each, alternating which goes first so noise falls on both."""
    a: list[float] = []
    b: list[float] = []
    for i in range(runs):
        if i % 2:
            b.append(floor())
            a.append(tool())
        else:
            a.append(tool())
            b.append(floor())
    return statistics.median(a), statistics.median(b)


def child_env() -> dict[str, str]:
    """The environment of a measured child: the repository importable, and bytecode caching on.

    PYTHONDONTWRITEBYTECODE (set in some shells and CI sandboxes) made every fresh child compile
    the package from source, 15-20 ms of a command's start-up that a user never pays: an
    installed package comes compiled, and a checkout writes its .pyc files on the first run. The
    children write and reuse them as a user's Python does; their floors (site-packages) always had
    theirs."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("TEXTUAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(code: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    """Run `code` in a fresh Python; returns the JSON object it prints on its last line."""
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, env=child_env(), cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["child failed"])[-1])
    return json.loads(proc.stdout.strip().splitlines()[-1])


_RSS_WRAPPER = textwrap.dedent("""\
    import json, resource, subprocess, sys
    p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr, "maxrss_kb": rss}))
""")


def run_child_rss(argv: list[str], timeout: float = 600) -> tuple[dict[str, Any], float]:
    """Run `argv` (a Python command line) under a wrapper; returns its last JSON line and its peak
    resident memory in MB (ru_maxrss of that child alone)."""
    proc = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, sys.executable, *argv], capture_output=True, text=True,
                          timeout=timeout, env=child_env(), cwd=REPO)
    outer = json.loads(proc.stdout.strip().splitlines()[-1])
    if outer["rc"] != 0:
        last = (outer["err"].strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"child exited {outer['rc']}: {last}")
    return json.loads(outer["out"].strip().splitlines()[-1]), outer["maxrss_kb"] / 1024


def median_child(code: str, *args: str, key: str, runs: int = 5) -> dict[str, Any]:
    """The run whose `key` is the median of `runs` fresh children (never the best one)."""
    results = sorted((run_child(code, *args) for _ in range(runs)), key=lambda r: r[key])
    return results[len(results) // 2]


def failed_part(name: str, exc: BaseException) -> dict[str, Any]:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return figure(name, None, "", "", False, reason=f"{type(exc).__name__}: {text}")
