"""homepage-tui check"""

from __future__ import annotations

NAME = "check"
HELP = "validate content/ (dates, URLs, required fields, duplicates); problems as FILE:LINE: message"


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..site import Site

    site = Site.open(args.site)
    problems = site.check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return 1
    print(f"content is valid ({len(site.section_names())} sections)")
    return 0
