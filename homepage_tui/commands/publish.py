"""`homepage-tui publish`: commit the managed files and push, the command-line twin of the P key."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

NAME = "publish"
HELP = "commit the changed content, page and config with a generated message, then push"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-m", "--message", metavar="MSG",
                        help="commit message (default: generated from the entries that changed)")
    parser.add_argument("--no-push", action="store_true", help="commit only, do not push")
    parser.add_argument("--rebase", action="store_true",
                        help="if the push is rejected because the remote moved, pull with rebase "
                             "and push again (never forces)")
    parser.add_argument("--set-upstream", action="store_true",
                        help="if the branch has no upstream, push to origin/<branch> and track it")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="give up on the remote after this long (default: 60)")
    parser.add_argument("--no-build", action="store_true",
                        help="skip the build check (jekyll build into a temporary folder before committing)")
    parser.add_argument("--build-timeout", type=float, default=None, metavar="SECONDS",
                        help="stop a Jekyll build that takes longer (default: 120)")


class _TerminalProgress:
    """One self-overwriting stderr line per stage, only on a terminal (logs stay clean)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.shown = False

    def __call__(self, stage: str, fraction: float | None) -> None:
        percent = f" {fraction:4.0%}" if fraction is not None else ""
        self.stream.write(f"\r{stage}{percent}\033[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from homepage_tui.publish import publish, repo_status
    from homepage_tui.publish.build import BUILD_TIMEOUT
    from homepage_tui.publish.preflight import preflight
    from homepage_tui.site import Site

    site = Site.open(args.site)
    # The same checks as `check` and `render --check`, then Jekyll: refused before any commit.
    managed = site.managed_paths()
    status = repo_status(site.root, managed)
    if status.changed_managed or status.ahead or not status.upstream:  # else: nothing to publish
        report = preflight(site, build=not args.no_build, timeout=args.build_timeout or BUILD_TIMEOUT)
        for note in report.notes:
            print(f"homepage-tui: {note}", file=sys.stderr)
    progress = _TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = publish(
            site.root,
            managed,
            message=args.message,
            push=not args.no_push,
            rebase=args.rebase,
            set_upstream=args.set_upstream,
            progress=progress,
            timeout=args.timeout,
        )
    finally:
        if progress is not None:
            progress.close()
    print(result.describe())
    if result.message:
        print(f"  {result.message.splitlines()[0]}")
    return 0
