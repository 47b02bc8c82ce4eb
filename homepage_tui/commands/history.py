"""homepage-tui history SECTION N"""

from __future__ import annotations

NAME = "history"
HELP = "the commits that changed entry N (1 = the first) of SECTION, each with its diff"


def add_arguments(parser) -> None:
    parser.add_argument("section", help="the section's name (news, publications, ...)")
    parser.add_argument("number", type=int, metavar="N", help="the entry's position in the section, from 1")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..errors import SiteError
    from ..publish.history import entry_history
    from ..site import Site

    site = Site.open(args.site)
    if args.section not in site.section_names():
        raise SiteError(f"no section {args.section!r} (sections: {', '.join(site.section_names())})")
    section = site.section(args.section)
    if not 1 <= args.number <= len(section):
        raise SiteError(f"{args.section} has {len(section)} entries; N must be 1 to {len(section)}")
    history = entry_history(site.root, section.path, section.type, section.entry(args.number - 1))
    if not history:
        print("no commit has this entry yet (it is new, or not committed)")
        return 0
    for version in history:
        what = "added" if version.added else "changed"
        print(f"{version.short} {version.date} {version.author}: {version.subject} ({what})")
        for line in version.diff.splitlines():
            print(f"    {line}")
    return 0
