"""A reference to a publication entry, written the way the site's existing entries are.

Fields follow kinds.PUBLICATIONS.fields (title, authors, venue, year, kind, links); the authors in the
site's name style with the user's own name in a form the renderer bolds; the venue with the
"In " the site puts before venues when most of its entries do; links from the DOI, the arXiv id
and the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .. import model
from . import names as author_names
from .reference import Reference


@dataclass
class SiteConventions:
    """How a site writes its publications, read from the entries it already has."""

    name_style: str = author_names.FULL
    own_names: list[str] = field(default_factory=list)
    venue_prefix: str = ""  # "In " when most non-preprint venues start with it

    @classmethod
    def of(cls, entries: Iterable[Mapping[str, Any]], own_names: Sequence[str] = ()) -> "SiteConventions":
        entries = [e for e in entries if isinstance(e, Mapping) and "raw" not in e]
        style = author_names.detect_style(e.get("authors") or [] for e in entries
                                          if isinstance(e.get("authors"), list))
        venues = [model.text_of(e.get("venue")) for e in entries
                  if e.get("venue") and model.text_of(e.get("kind")) != "preprint"]
        prefixed = sum(v.startswith("In ") for v in venues)
        return cls(name_style=style, own_names=list(own_names),
                   venue_prefix="In " if venues and prefixed * 2 > len(venues) else "")


def links_of(ref: Reference) -> dict[str, str]:
    links: dict[str, str] = {}
    if ref.doi and not ref.doi.startswith("10.48550/"):
        links["paper"] = f"https://doi.org/{ref.doi}"
    if ref.arxiv:
        links["arXiv"] = f"https://arxiv.org/abs/{ref.arxiv}"
    url = ref.url.strip()
    if url and not links.get("paper") and "arxiv.org/" not in url and "doi.org/" not in url:
        links["paper"] = url
    return links


def to_publication(ref: Reference, conventions: SiteConventions) -> dict[str, Any]:
    """The entry's fields, in the order a new publication is written."""
    styler = author_names.AuthorStyler(conventions.name_style, conventions.own_names)
    venue = ref.venue
    if venue and conventions.venue_prefix and ref.kind != "preprint" and not venue.startswith("In "):
        venue = conventions.venue_prefix + venue
    fields: dict[str, Any] = {"title": ref.title, "authors": styler.names(ref.authors)}
    if venue:
        fields["venue"] = venue
    if ref.year:
        fields["year"] = ref.year
    if ref.kind:
        fields["kind"] = ref.kind
    if links := links_of(ref):
        fields["links"] = links
    return fields
