"""The command line: `homepage-tui [COMMAND] [--site DIR]`. Without a command it opens the editor.

Each command lives in homepage_tui/commands/<name>.py with NAME, HELP, add_arguments(parser) and
run(args) -> exit code. A HomepageError becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
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


def help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's formatter at the terminal's width, found as shutil.get_terminal_size finds it
    (COLUMNS, else the terminal, else 80) without importing shutil, which argparse does for every
    parser it builds: shutil with bz2, lzma and a namedtuple was 3 ms of each command's start-up."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return argparse.HelpFormatter(prog, width=columns - 2)


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
        prog="homepage-tui", formatter_class=help_formatter,
        description="Edit an AcadHomepage site's sections as data, preview them, publish with one key. "
                    "Without a command, opens the editor on the site.")
    parser.add_argument("--version", action="version", version=f"homepage-tui {__version__}")
    parser.add_argument("--site", metavar="DIR", default=".", help="the site folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers = {}
    command = named_command(argv) if argv is not None else None
    for module in _command_modules([MODULE_OF[command]] if command else None):
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP, formatter_class=help_formatter)
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


def run() -> None:
    """The program (`homepage-tui`, `python -m homepage_tui`): main(), then exit with its status."""
    status = main()
    # The process ends now, and the interpreter's last garbage collection walks every object still
    # alive (each module's functions, classes and constants) to find nothing: frozen, they are
    # skipped. That walk was 5% of a short command such as `check`. Not in main(): tests call it
    # many times in one long-lived process.
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
