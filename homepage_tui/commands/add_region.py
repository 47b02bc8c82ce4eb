"""homepage-tui add-region SECTION --heading TEXT"""

from __future__ import annotations

NAME = "add-region"
HELP = "put a section on the page: a generated region under the heading you name (made when missing)"


def add_arguments(parser) -> None:
    parser.add_argument("section", help="the section's name in content/site.yml (e.g. talks)")
    parser.add_argument("--heading", required=True,
                        help="the page heading it goes under; a new `# HEADING` at the end when the page has none")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..add_region import add_region
    from ..site import Site

    site = Site.open(args.site)
    page, line = add_region(site, args.section, args.heading)
    rel = page.relative_to(site.root) if page.is_relative_to(site.root) else page
    print(f"{rel}:{line}: region for {args.section!r} added and rendered")
    return 0
