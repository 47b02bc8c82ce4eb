"""Which parser reads an item of each section type. The kinds (homepage_tui/kinds.py) know a
type's headings and why an item is kept raw; the parsers are the importer's, so the mapping from
a kind to its parser lives here. A nested (list) kind is read by tree.py, outline and all."""

from __future__ import annotations

from typing import Callable

from .. import kinds
from . import authors as au
from . import awards, news, publications
from .fit import Candidate

Parser = Callable[[str], list[Candidate]]

PARSERS: dict[str, Parser] = {
    kinds.NEWS.name: news.parse,
    kinds.PUBLICATIONS.name: publications.parse,
    kinds.AWARDS.name: awards.parse,
}


def parser_for(kind: kinds.SectionKind, names: list[str], own_form: str, authors_always: bool = False) -> Parser:
    """The parser of `kind`'s items (one that reads nothing for a kind without one). For a kind
    with authors, the authors are stored with the user's own names in `own_form` (and `bold`
    where that cannot say who is who); `authors_always` gives an entry without authors an empty
    list (a raw entry retyped in the editor gets the field its form shows)."""
    parse = PARSERS.get(kind.name)
    if parse is None:
        return lambda text: []
    if not kind.has_authors:
        return parse

    def with_own_names(text: str) -> list[Candidate]:
        out = []
        for c in parse(text):  # type: ignore[misc]
            fields = dict(c.fields)
            if "authors" in fields or authors_always:
                stored, bold = au.store(list(fields.get("authors") or []), names, own_form)
                fields["authors"] = stored
                if bold:
                    fields["bold"] = bold
            out.append(Candidate(fields, c.template, c.style))
        return out

    return with_own_names
