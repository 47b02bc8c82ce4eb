"""The command line: `homepage-tui [COMMAND] [--site DIR]`. Without a command it opens the editor.

Each command lives in homepage_tui/commands/<name>.py with NAME, HELP, add_arguments(parser) and
run(args) -> exit code. A HomepageError becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from . import __version__
from .errors import HomepageError

COMMANDS = ["edit", "demo", "import_page", "render", "check", "add_news", "add_region", "add_pub", "export", "preview",
            "publish", "history", "config"]


def _command_modules():
    for name in COMMANDS:
        try:
            yield importlib.import_module(f"homepage_tui.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"homepage_tui.commands.{name}":
                raise


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(
        prog="homepage-tui",
        description="Edit an AcadHomepage site's sections as data, preview them, publish with one key. "
                    "Without a command, opens the editor on the site.")
    parser.add_argument("--version", action="version", version=f"homepage-tui {__version__}")
    parser.add_argument("--site", metavar="DIR", default=".", help="the site folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers = {}
    for module in _command_modules():
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        p.add_argument("--site", metavar="DIR", default=argparse.SUPPRESS,
                       help="the site folder (default: current folder)")
        module.add_arguments(p)
        handlers[module.NAME] = module.run
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "edit"
    try:
        return int(handlers[command](args) or 0)
    except HomepageError as exc:
        print(f"homepage-tui: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
