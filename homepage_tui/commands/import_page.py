"""homepage-tui import [PAGE] [--dry-run] [--force]"""

from __future__ import annotations

from pathlib import Path

from ..layout import DEFAULT_PAGE

NAME = "import"
HELP = ("turn a hand-written page (default _pages/about.md) into content/*.yml plus generated regions; "
        "--dry-run shows what it would do")


def add_arguments(parser) -> None:
    parser.add_argument("page", nargs="?", default=DEFAULT_PAGE, help="the page, relative to the site (default: %(default)s)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be structured and kept raw; write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite the files of an existing content/ folder")
    parser.add_argument("--explain", action="store_true", help="list each entry kept raw with the reason")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..errors import SiteError
    from ..importer.apply import apply, plan_site
    from ..importer.plan import describe
    from ..site import Site

    site = Site.open(args.site, need_content=False)
    root = site.root
    page = Path(args.page)
    if page.is_absolute():
        try:
            page = page.resolve().relative_to(root)
        except ValueError:
            raise SiteError(f"{page}: not inside the site {root}") from None
    plan = plan_site(root, page.as_posix())
    if args.dry_run:
        print(describe(plan, explain=args.explain))
        print("(dry run: nothing written)")
        return 0
    written = apply(root, plan, force=args.force)
    print(describe(plan, explain=args.explain))
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0
