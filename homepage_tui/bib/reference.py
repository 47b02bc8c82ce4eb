"""`Reference`: one paper as a source describes it, before it is written in the site's style."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """An author's name in parts, as BibTeX splits it (von and jr kept with the last name)."""

    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass
class Reference:
    """What BibTeX, Crossref, DataCite or arXiv told us about a paper."""

    title: str
    authors: list[Person] = field(default_factory=list)
    venue: str = ""
    year: str = ""
    kind: str = ""  # a publication kind (model.PUBLICATION_KINDS); "" when the source does not say
    doi: str = ""  # normal form (identifiers.normal_doi)
    arxiv: str = ""  # normal form, no version
    url: str = ""
    source: str = ""  # where it came from, for messages: "line 3", "Crossref", ...
