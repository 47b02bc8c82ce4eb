"""The command line: `homepage-tui [COMMAND] [--site DIR]`. Without a command it opens the editor.

Each command lives in homepage_tui/commands/<name>.py with NAME, HELP, add_arguments(parser) and
run(args) -> exit code. A HomepageError becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import HomepageError

COMMANDS = ["edit", "demo", "init", "import_page", "render", "check", "add_news", "add_region", "add_pub", "export", "preview",
            "publish", "history", "config"]
# Each command's NAME, so that a command line that names one builds only that command's parser
# (importing every command module and building thirteen parsers was a fifth of `check`'s start-up).
# tests/test_cli.py checks that it matches the modules' NAME.
MODULE_OF = {"edit": "edit", "demo": "demo", "init": "init", "import": "import_page", "render": "render", "check": "check",
             "add-news": "add_news", "add-region": "add_region", "add-pub": "add_pub", "export": "export",
             "preview": "preview", "publish": "publish", "history": "history", "config": "config"}


def _command_modules(only: list[str] | None = None):
    for name in only if only is not None else COMMANDS:
        try:
            yield importlib.import_module(f"homepage_tui.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"homepage_tui.commands.{name}":
                raise


def named_command(argv) -> str | None:
    """The command `argv` names (after the global options), or None (help, the editor, a typo)."""
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--site":
            i += 2
            continue
        if arg.startswith("-"):
            if arg.startswith("--site="):
                i += 1
                continue
            return None  # --help, --version, or an option argparse must judge with every command
        return arg if arg in MODULE_OF else None
    return None


def build_parser(argv=None) -> tuple[argparse.ArgumentParser, dict]:
    """The parser; with `argv` that names a command, only that command's sub-parser is built."""
    parser = argparse.ArgumentParser(
        prog="homepage-tui",
        description="Edit an AcadHomepage site's sections as data, preview them, publish with one key. "
                    "Without a command, opens the editor on the site.")
    parser.add_argument("--version", action="version", version=f"homepage-tui {__version__}")
    parser.add_argument("--site", metavar="DIR", default=".", help="the site folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers = {}
    command = named_command(argv) if argv is not None else None
    for module in _command_modules([MODULE_OF[command]] if command else None):
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        p.add_argument("--site", metavar="DIR", default=argparse.SUPPRESS,
                       help="the site folder (default: current folder)")
        module.add_arguments(p)
        handlers[module.NAME] = module.run
    return parser, handlers


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, handlers = build_parser(argv)
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
