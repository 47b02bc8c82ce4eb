"""homepage-tui check [--strict]"""

from __future__ import annotations

NAME = "check"
HELP = ("check content/ and the page (validity, dates, duplicates, links, menu anchors, regions); "
        "problems as FILE:LINE: severity: message")


def add_arguments(parser) -> None:
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only on errors")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..lint import errors, lint_site, summary
    from ..site import Site

    site = Site.open(args.site)
    problems = lint_site(site, fresh=True)
    for problem in problems:
        print(problem)
    failed = errors(problems) or (args.strict and problems)
    if problems:
        print(summary(problems))
    if not failed:
        print(f"content is valid ({len(site.section_names())} sections)")
        return 0
    return 1
