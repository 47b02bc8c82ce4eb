"""homepage-tui render [--check]"""

from __future__ import annotations

import sys
from datetime import date

NAME = "render"
HELP = ("regenerate the page's regions from content/ (--check: exit 1 when the page is out of date "
        "or a section in site.yml has no region)")


def add_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the page is out of date")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..lint import LintContext
    from ..lint.rules_page import section_without_region
    from ..site import Site

    site = Site.open(args.site)
    changed = site.render(write=not args.check)
    for path in changed:
        rel = path.relative_to(site.root) if path.is_relative_to(site.root) else path
        print(f"{rel}: {'out of date' if args.check else 'regenerated'}", file=sys.stderr if args.check else sys.stdout)
    # A section the page has no region for is never shown: not "up to date", whatever the regions say.
    unplaced = list(section_without_region(LintContext(site, date.today())))
    for problem in unplaced:
        print(problem, file=sys.stderr)
    if args.check and (changed or unplaced):
        return 1
    if not changed and not unplaced:
        print("page is up to date")
    return 0
