"""homepage-tui export --bib [OUT]"""

from __future__ import annotations

import sys

NAME = "export"
HELP = "write every publication as BibTeX (--bib), to OUT or to stdout"


def add_arguments(parser) -> None:
    parser.add_argument("--bib", action="store_true", required=True, help="BibTeX (the one format for now)")
    parser.add_argument("out", nargs="?", metavar="OUT", help="the file to write (default: stdout)")
    parser.add_argument("--section", metavar="NAME", help="one publications section (default: all of them)")


def run(args) -> int:
    from pathlib import Path

    from .. import kinds
    from ..bib.export import to_bibtex
    from ..errors import SiteError
    from ..site import Site
    from ..store import atomic_write

    site = Site.open(args.site)
    names = site.sections_of(kinds.PUBLICATIONS)
    if args.section:
        if args.section not in names:
            raise SiteError(f"no publications section {args.section!r}; publications sections: {', '.join(names) or 'none'}")
        names = [args.section]
    if not names:
        raise SiteError(f"{site.content_dir}: no publications section (a content file of type publications)")
    entries = [e for name in names for e in site.section(name).entries]
    text = to_bibtex(entries)
    if args.out and args.out != "-":
        atomic_write(Path(args.out), text)
        count = text.count("\n@") + text.startswith("@")
        print(f"wrote {count} publication(s) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
