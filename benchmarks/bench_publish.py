"""Publishing the demo site against the floor: the same git add, commit and push run directly.

    python benchmarks/bench_publish.py

Two identical demo sites (`make_demo`: the bundled content, a git repository and a bare origin
beside it) get the same news entry each round; one is published with `homepage_tui.publish.publish`
(status, generated message, commit of the managed files, push), the other with plain
`git add`, `git commit` and `git push` subprocesses. Rounds alternate between the two so that disk
and cache effects fall on both; the median of each is reported. Target: at most 1.15x the floor
(issue 13: one git process where GitPython spawns several, no `git version` per call).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import figure  # noqa: E402
from homepage_tui.demo import make_demo  # noqa: E402
from homepage_tui.publish import publish  # noqa: E402
from homepage_tui.site import Site  # noqa: E402

ROUNDS = 25
TARGET_RATIO = 1.15


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _edit(site: Site, round_no: int) -> list[Path]:
    """The same change in both sites: a news entry, written to the content file and the page."""
    site.forget("news")
    site.add_news(f"2026.{round_no % 12 + 1:02d}", f"Benchmark entry {round_no}.")
    return [site.root / "content" / "news.yml", site.page_path]


def _publish_with_tool(site: Site) -> float:
    start = time.perf_counter()
    publish(site.root, site.managed_paths())
    return time.perf_counter() - start


def _publish_with_git(site: Site, changed: list[Path], round_no: int) -> float:
    start = time.perf_counter()
    _git(site.root, "add", "--", *(str(p) for p in changed))
    _git(site.root, "commit", "-q", "-m", f"news: add entry {round_no}")
    _git(site.root, "push", "-q")
    return time.perf_counter() - start


def measure(rounds: int = ROUNDS) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
        tool_site = make_demo(Path(tmp) / "tool")
        git_site = make_demo(Path(tmp) / "plain")
        tool_times: list[float] = []
        git_times: list[float] = []
        for round_no in range(rounds):
            _edit(tool_site, round_no)
            changed = _edit(git_site, round_no)
            if round_no % 2:
                git_times.append(_publish_with_git(git_site, changed, round_no))
                tool_times.append(_publish_with_tool(tool_site))
            else:
                tool_times.append(_publish_with_tool(tool_site))
                git_times.append(_publish_with_git(git_site, changed, round_no))
    value = statistics.median(tool_times)
    floor = statistics.median(git_times)
    return [figure("publish the demo site (status, message, commit, push)", value, "s",
                   f"<= {TARGET_RATIO}x floor", value <= TARGET_RATIO * floor, floor,
                   "git add; git commit; git push")]


def main() -> int:
    os.environ.setdefault("GIT_TERMINAL_PROMPT", "0")
    for figure in measure():
        ratio = figure["value"] / figure["floor"] if figure["floor"] else float("inf")
        verdict = "ok" if ratio <= TARGET_RATIO else "over target"
        print(f"{figure['name']}: {figure['value']:.3f} {figure['unit']} "
              f"(floor {figure['floor']:.3f} {figure['unit']} with plain git, {ratio:.2f}x, "
              f"target {figure['target']}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
