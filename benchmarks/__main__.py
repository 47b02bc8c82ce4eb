"""Run every benchmark and print one table.

    python -m benchmarks            (from the repository root: every module)
    python -m benchmarks core app   (only some modules, by their short names)

Adding rows: put a module `benchmarks/bench_<name>.py` beside the others; it is found by its file
name (no list to edit) and runs after the built-in ones, as `python -m benchmarks <name>` alone.
It needs one function, `measure()`, that returns a list of rows, each made with
`benchmarks.common.figure(name, value, unit, target, passed, floor, floor_name)`:

    from benchmarks.common import figure, interleaved, timed

    def measure():
        value, floor = interleaved(lambda: timed(my_work), lambda: timed(the_floor), runs=7)
        return [figure("undo at 2,000 entries", value, "s", "<= 16 ms", value <= 0.016,
                       floor, "what the floor is")]

The rules (issue 16): the floor is measured in the same run, timed exactly like the figure (same GC
state, same process freshness, interleaved, medians: `common.timed` pauses the GC for both); every
row has a target it can fail (a row without one is printed as FAIL); a module may set a list of
text tables `EXTRA_TABLES` during measure() that are printed under the main table. A module that
raises, or that has no measure(), becomes a FAIL row with the reason; the command always exits 0.
"""

from __future__ import annotations

import importlib
import os
import platform
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

BUILT_IN = ("core", "app", "publish", "cli", "growth")
HERE = Path(__file__).resolve().parent


def modules() -> list[str]:
    """Short names of every bench_<name>.py: the built-in ones first, then the rest by name."""
    found = sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))
    return [m for m in BUILT_IN if m in found] + [m for m in found if m not in BUILT_IN]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        cpu = platform.processor() or cpu
    return (f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'} usable), "
            f"{cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}")


def failure(name: str, reason: str) -> dict[str, Any]:
    return {"name": name, "value": None, "unit": "", "floor": None, "floor_name": "", "target": "",
            "passed": False, "reason": reason}


_CLAUSE_RE = re.compile(r"<=\s*([\d.]+)\s*(x\s*floor|ms|s|MB|lines?|)\b", re.I)


def judge(figure: dict[str, Any]) -> bool:
    """A verdict for a figure that came without one, from its target text (every clause holds)."""
    value, floor, unit = figure.get("value"), figure.get("floor"), figure.get("unit", "")
    clauses = _CLAUSE_RE.findall(figure.get("target") or "")
    if value is None or not clauses:
        return False  # a row without a target it could fail is not a pass
    for number, what in clauses:
        limit = float(number)
        what = what.lower().replace(" ", "")
        if what == "xfloor":
            if not floor or value / floor > limit:
                return False
        else:
            scale = {"ms": 1e-3, "s": 1.0}
            if what in scale and unit in scale:
                if value * scale[unit] > limit * scale[what] * (1 + 1e-9):
                    return False
            elif value > limit:
                return False
    return True


def run_module(short: str) -> list[dict[str, Any]]:
    modname = f"benchmarks.bench_{short}"
    try:
        module = importlib.import_module(modname)
    except ModuleNotFoundError as exc:
        if exc.name == modname:
            return [failure(f"[{short}] benchmarks/bench_{short}.py", "module missing")]
        return [failure(f"[{short}] import", f"{type(exc).__name__}: {exc}")]
    except Exception as exc:  # noqa: BLE001 - any failure becomes a row
        return [failure(f"[{short}] import", f"{type(exc).__name__}: {exc}")]
    measure = getattr(module, "measure", None)
    if measure is None:
        return [failure(f"[{short}] measure()", "the module has no measure()")]
    try:
        figures = list(measure())
    except Exception as exc:  # noqa: BLE001
        traceback.print_exc(file=sys.stderr)
        return [failure(f"[{short}] measure()", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")]
    out = []
    for figure in figures:
        figure = dict(figure)
        figure.setdefault("floor", None)
        figure.setdefault("floor_name", "")
        figure.setdefault("unit", "")
        figure.setdefault("target", "")
        if not _CLAUSE_RE.search(figure["target"] or ""):
            figure["passed"] = False  # no row that cannot fail
            figure.setdefault("reason", "no target")
        elif "passed" not in figure:
            figure["passed"] = judge(figure)
        figure["name"] = f"[{short}] {figure.get('name', '?')}"
        out.append(figure)
    return out


def _num(value: Any, unit: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if unit == "s" and value < 1:
            return f"{value * 1000:.1f} ms"
        text = f"{value:.3g}" if value < 100 else f"{value:.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def rows(figures: list[dict[str, Any]]) -> list[list[str]]:
    table = [["figure", "value", "floor", "ratio", "target", "result"]]
    for f in figures:
        floor = "-"
        if f.get("floor") is not None:
            floor = _num(f["floor"], f.get("unit", ""))
            if f.get("floor_name"):
                floor += f" ({f['floor_name']})"
        ratio = "-"
        if f.get("floor") and f.get("value") is not None:
            ratio = f"{f['value'] / f['floor']:.2f}x"
        result = "PASS" if f.get("passed") else "FAIL"
        if f.get("reason"):
            result += f": {f['reason']}"
        table.append([str(f["name"]), _num(f.get("value"), f.get("unit", "")), floor, ratio,
                      str(f.get("target", "")), result])
    return table


def format_table(table: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]) - 1)]
    lines = []
    for n, r in enumerate(table):
        cells = [c.ljust(w) for c, w in zip(r, widths)] + [r[-1]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 6)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    known = modules()
    chosen = [a for a in args if a in known] or known
    unknown = [a for a in args if a not in known]
    if unknown:
        print(f"unknown benchmark module(s) {', '.join(unknown)}; choose from {', '.join(known)}", file=sys.stderr)
    os.environ.setdefault("GIT_TERMINAL_PROMPT", "0")
    figures: list[dict[str, Any]] = []
    extra: list[str] = []
    started = time.perf_counter()
    for short in chosen:
        t = time.perf_counter()
        print(f"running bench_{short} ...", file=sys.stderr, flush=True)
        figures += run_module(short)
        extra += getattr(sys.modules.get(f"benchmarks.bench_{short}"), "EXTRA_TABLES", None) or []
        print(f"  bench_{short}: {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    print(f"homepage-tui benchmarks on {machine()}")
    print(format_table(rows(figures)))
    for table in extra:
        print()
        print(table)
    passed = sum(1 for f in figures if f.get("passed"))
    print(f"{passed} of {len(figures)} figures pass ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001 - the runner itself must not fail the command
        traceback.print_exc()
    sys.exit(0)
