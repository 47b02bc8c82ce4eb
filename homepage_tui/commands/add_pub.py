"""homepage-tui add-pub SOURCE... [--dry-run] [--yes]"""

from __future__ import annotations

import sys

NAME = "add-pub"
HELP = ("add publications from BibTeX (a .bib file, - for stdin), DOIs or arXiv ids, in the site's "
        "style; duplicates are asked about (--yes skips them); then regenerate the page")


def add_arguments(parser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="a .bib file, - (BibTeX on stdin), a DOI (10.xxxx/... or a doi.org URL) "
                             "or an arXiv id (2401.01234, arXiv:2401.01234v2, an arxiv.org URL)")
    parser.add_argument("--dry-run", action="store_true", help="print the YAML that would be added; write nothing")
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask about duplicates: skip them")
    parser.add_argument("--section", metavar="NAME", help="the publications section (default: the first one)")


def run(args) -> int:
    from pathlib import Path

    from ..bib import identifiers, paste
    from ..bib.bibtex import BibtexError
    from ..errors import SiteError
    from ..site import Site

    site = Site.open(args.site)
    section = site.section(_section_name(site, args.section))

    refs = []
    ids = []
    asks_stdin = False
    for source in args.sources:
        if source == "-":
            asks_stdin = True
            refs += _parse_bib(sys.stdin.read(), "<stdin>", BibtexError, paste)
        elif Path(source).is_file():
            refs += _parse_bib(Path(source).read_text(encoding="utf-8-sig", errors="replace"), source,
                               BibtexError, paste)
        elif (found := identifiers.classify(source)) is not None and found[0] != identifiers.BIBTEX:
            ids.append(found)
        else:
            raise SiteError(f"{source}: not a file, a DOI (10.xxxx/...) or an arXiv id (2401.01234)")
    refs += paste.resolve_ids(ids)  # all looked up before anything is written
    if not refs:
        raise SiteError(f"{', '.join(args.sources)}: no BibTeX entry, DOI or arXiv id to add")

    plan = paste.plan(refs, section.entries, site.settings.names)
    rel = _relative(section.path, site.root)
    keep = []
    duplicate_of = {d.new_index: d for d in plan.duplicates}
    interactive = not args.yes and not asks_stdin and sys.stdin.isatty() and not args.dry_run
    for i, entry in enumerate(plan.entries):
        dup = duplicate_of.get(i)
        if dup is None:
            keep.append(entry)
            continue
        where = (f"{rel}:{section.file.doc.entry_line(dup.existing_index)}" if dup.existing_index >= 0
                 else f"entry {dup.earlier_new + 1} of this input")
        message = f"duplicate: {entry['title']!r} ({dup.reason}, {where})"
        if interactive and _ask(f"{message}; add it anyway? [y/N] "):
            keep.append(entry)
        else:
            print(f"skipped {message}", file=sys.stderr)

    if args.dry_run:
        for entry in keep:
            like = section.file.doc.entries[0] if len(section) else None
            sys.stdout.write("".join(section.file.doc.entry_body(entry, like)))
        print(f"# dry run: {len(keep)} publication(s) would be added to {rel}", file=sys.stderr)
        return 0
    if not keep:
        print(f"nothing added: {len(plan.entries)} publication(s) already in {rel}")
        return 0
    paste.insert_all(section, keep)
    site.save_and_render(section)
    print(f"added {len(keep)} publication(s) to {rel} and regenerated {site.settings.page}")
    return 0


def _parse_bib(text: str, name: str, error_type, paste) -> list:
    try:
        return paste.references_from_text(text) if text.strip() else []
    except error_type as exc:
        raise error_type(f"{name}:{exc}") from None


def _section_name(site, wanted: str | None) -> str:
    from .. import kinds
    from ..errors import SiteError

    names = site.sections_of(kinds.PUBLICATIONS)
    if wanted:
        if wanted not in site.section_names():
            raise SiteError(f"no section {wanted!r}; sections: {', '.join(site.section_names())}")
        return wanted
    if not names:
        raise SiteError(f"{site.content_dir}: no publications section (a content file of type publications)")
    return names[0]


def _relative(path, root) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _ask(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False
