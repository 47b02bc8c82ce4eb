"""Publication entries to BibTeX (bibtexparser 2 writes it; pylatexenc encodes Unicode as LaTeX).

Each entry's kind gives its type (conference and workshop -> @inproceedings, journal ->
@article, an arXiv preprint -> @misc with eprint), its links give doi, eprint and url. Reading
the result back with `bibtex.parse` gives the same papers: export then add-pub adds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Mapping

from .. import model
from .duplicates import Identity
from .names import _bare, _parts

TYPE_OF_KIND = {
    "conference": ("inproceedings", "booktitle"), "workshop": ("inproceedings", "booktitle"),
    "journal": ("article", "journal"), "thesis": ("phdthesis", "school"), "book": ("book", "publisher"),
}
STOPWORDS = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "towards", "toward", "with"}


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def cite_key(entry: Mapping[str, Any], taken: set[str]) -> str:
    """Google Scholar's shape: first author's last name, year, first real word of the title."""
    authors = entry.get("authors") if isinstance(entry.get("authors"), list) else []
    last = _ascii(_parts(model.text_of(authors[0])).last) if authors else ""
    words = [_ascii(w) for w in model.text_of(entry.get("title")).split()]
    word = next((w for w in words if w and w not in STOPWORDS), "")
    base = (last or "anon") + model.text_of(entry.get("year")).strip() + word
    key, n = base, 0
    while key in taken:
        n += 1
        key = base + chr(ord("a") + n - 1) if n <= 26 else f"{base}{n}"
    taken.add(key)
    return key


def _venue(entry: Mapping[str, Any]) -> str:
    venue = model.text_of(entry.get("venue")).strip()
    return venue[3:] if venue.startswith("In ") else venue


def entry_fields(entry: Mapping[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """(BibTeX type, [(field, value)]) for one publication (values as Unicode text)."""
    kind = model.text_of(entry.get("kind"))
    ident = Identity.of(entry)
    venue = _venue(entry)
    if kind in TYPE_OF_KIND:
        entry_type, venue_field = TYPE_OF_KIND[kind]
    elif kind == "preprint" and not ident.arxiv:
        entry_type, venue_field = "unpublished", "howpublished"
    else:
        entry_type, venue_field = "misc", "howpublished"
    fields = [("title", model.text_of(entry.get("title")))]
    authors = entry.get("authors") if isinstance(entry.get("authors"), list) else []
    # As written ("J. van der Berg"): BibTeX reads "First von Last" itself.
    names = [_bare(model.text_of(a)) for a in authors if _bare(model.text_of(a))]
    if names:
        fields.append(("author", " and ".join(names)))
    if venue:
        fields.append((venue_field, venue))
    if year := model.text_of(entry.get("year")).strip():
        fields.append(("year", year))
    if ident.doi:
        fields.append(("doi", ident.doi))
    if ident.arxiv:
        fields += [("eprint", ident.arxiv), ("archiveprefix", "arXiv")]
    links = entry.get("links") if isinstance(entry.get("links"), Mapping) else {}
    other = [model.text_of(u) for u in links.values()
             if "doi.org/" not in model.text_of(u) and "arxiv.org/" not in model.text_of(u)]
    if other:
        fields.append(("url", other[0]))
    return entry_type, fields


def to_bibtex(entries: Iterable[Mapping[str, Any]]) -> str:
    """Every publication (raw blocks skipped: they are the user's own markdown) as BibTeX."""
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field
    from pylatexenc.latexencode import unicode_to_latex

    library = Library()
    taken: set[str] = set()
    for entry in entries:
        if not isinstance(entry, Mapping) or "raw" in entry or not model.text_of(entry.get("title")).strip():
            continue
        entry_type, fields = entry_fields(entry)
        encoded = [Field(k, v if k in ("doi", "eprint", "url") else
                         unicode_to_latex(v, non_ascii_only=True, unknown_char_policy="keep"))
                   for k, v in fields]
        library.add(Entry(entry_type, cite_key(entry, taken), encoded))
    return bibtexparser.write_string(library)
