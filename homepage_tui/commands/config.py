"""homepage-tui config [--show | --example | --path]: the settings file and the settings in force.

Light on purpose: it imports the settings reader only, never Textual nor the site's modules."""

from __future__ import annotations

import sys

NAME = "config"
HELP = "print the settings in force and where they come from (--example: a commented example file)"


def add_arguments(parser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--show", action="store_true", help="the settings in force, as TOML (the default)")
    group.add_argument("--example", action="store_true", help="an example settings file to start from")
    group.add_argument("--path", action="store_true", help="only the settings file's path")


def run(args) -> int:
    from .. import config

    path = config.config_path()
    if args.path:
        print(path)
        return 0
    if args.example:
        print(config.EXAMPLE, end="")
        return 0
    settings, problems = config.load_settings(path)
    for problem in problems:  # one line each; the settings printed are the ones in force despite them
        print(f"homepage-tui: {problem}", file=sys.stderr)
    print(config.show(settings, path), end="")
    return 0
