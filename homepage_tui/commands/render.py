"""homepage-tui render [--check]"""

from __future__ import annotations

import sys

NAME = "render"
HELP = "regenerate the page's regions from content/ (--check: exit 1 when the page is out of date)"


def add_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the page is out of date")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..site import Site

    site = Site.open(args.site)
    changed = site.render(write=not args.check)
    for path in changed:
        rel = path.relative_to(site.root) if path.is_relative_to(site.root) else path
        print(f"{rel}: {'out of date' if args.check else 'regenerated'}", file=sys.stderr if args.check else sys.stdout)
    if args.check and changed:
        return 1
    if not changed:
        print("page is up to date")
    return 0
