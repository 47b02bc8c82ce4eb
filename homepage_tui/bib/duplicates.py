"""Which new publications a section already has: the same DOI, the same arXiv id, or a title
that is the same once case, punctuation, accents and LaTeX are set aside (a fuzzy ratio from
rapidfuzz, so "GAN" vs "{GAN}s" or a changed hyphen still match).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from .. import model
from . import identifiers

TITLE_SIMILARITY = 97.0  # 93 took "Memory-Saving Serving of X" for "Memory-Saving Routing of X"  # rapidfuzz ratio (0-100) at or above which two titles are one paper

_LATEX_ACCENT_RE = re.compile(r"\\[\"'`^~=.uvHckbdr](?![a-zA-Z]{2})")  # \"u, \'{e}, \v{c}
_LATEX_FORMAT_RE = re.compile(r"\\(?:emph|textbf|textit|texttt|textsc|mathrm|mathbf|mathcal|text|bf|it|rm|sc)\b")
_NON_WORD_RE = re.compile(r"[^\w\s]|_")


def normal_title(title: str) -> str:
    """Lower case, no accents, no LaTeX commands/braces/math, no punctuation, single spaces."""
    text = _LATEX_FORMAT_RE.sub(" ", model.text_of(title))
    text = _LATEX_ACCENT_RE.sub("", text).replace("{", "").replace("}", "").replace("\\", " ")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    return " ".join(_NON_WORD_RE.sub(" ", text).split())


@dataclass(frozen=True)
class Identity:
    """What names one paper: its DOI, its arXiv id, its normalised title."""

    doi: str
    arxiv: str
    title: str

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> "Identity":
        doi = identifiers.normal_doi(model.text_of(fields.get("doi"))) if fields.get("doi") else ""
        arxiv = identifiers.normal_arxiv(model.text_of(fields.get("arxiv"))) if fields.get("arxiv") else ""
        links = fields.get("links")
        urls = [model.text_of(u) for u in links.values()] if isinstance(links, Mapping) else []
        for url in urls + [model.text_of(fields.get("url"))]:
            doi = doi or identifiers.doi_in(url) or ""
            arxiv = arxiv or identifiers.arxiv_in(url) or ""
        arxiv = arxiv or identifiers.arxiv_in(model.text_of(fields.get("venue"))) or ""
        if doi and not arxiv:
            arxiv = identifiers.arxiv_of_doi(doi) or ""
        return cls(doi=doi, arxiv=arxiv, title=normal_title(model.text_of(fields.get("title"))))


@dataclass
class Duplicate:
    """A new entry and the existing entry it repeats, and why they are one paper."""

    new_index: int
    existing_index: int  # in the existing entries; -1 when it repeats an earlier new entry
    reason: str  # "same DOI 10.x/y", "same arXiv id 2401.01234", "same title (97% alike)"
    earlier_new: int = -1  # the earlier new entry it repeats (a paper pasted twice)


class DuplicateIndex:
    """The existing entries, indexed once; `find` checks a new entry against all of them."""

    def __init__(self, existing: Sequence[Mapping[str, Any]]):
        self.by_doi: dict[str, int] = {}
        self.by_arxiv: dict[str, int] = {}
        self.by_title: dict[str, int] = {}
        self.titles: list[str] = []
        self.title_index: list[int] = []
        for i, entry in enumerate(existing):
            if not isinstance(entry, Mapping) or "raw" in entry:
                continue
            self.add(entry, i)

    def add(self, entry: Mapping[str, Any], index: int) -> None:
        ident = Identity.of(entry)
        if ident.doi:
            self.by_doi.setdefault(ident.doi, index)
        if ident.arxiv:
            self.by_arxiv.setdefault(ident.arxiv, index)
        if ident.title:
            self.by_title.setdefault(ident.title, index)
            self.titles.append(ident.title)
            self.title_index.append(index)

    def find(self, entry: Mapping[str, Any]) -> tuple[int, str] | None:
        """(index of the existing entry, reason) when `entry` is already there, else None."""
        from rapidfuzz import fuzz, process

        ident = Identity.of(entry)
        if ident.doi and ident.doi in self.by_doi:
            return self.by_doi[ident.doi], f"same DOI {ident.doi}"
        if ident.arxiv and ident.arxiv in self.by_arxiv:
            return self.by_arxiv[ident.arxiv], f"same arXiv id {ident.arxiv}"
        if not ident.title:
            return None
        if ident.title in self.by_title:
            return self.by_title[ident.title], "same title"
        best = process.extractOne(ident.title, self.titles, scorer=fuzz.ratio, score_cutoff=TITLE_SIMILARITY)
        if best is not None:
            _, score, position = best
            return self.title_index[position], f"same title ({score:.0f}% alike)"
        return None


def find_duplicates(new: Sequence[Mapping[str, Any]], existing: Sequence[Mapping[str, Any]]) -> list[Duplicate]:
    """For each new entry that repeats an existing one (or an earlier new one), why."""
    index = DuplicateIndex(existing)
    found: list[Duplicate] = []
    offset = len(existing)
    for i, entry in enumerate(new):
        hit = index.find(entry)
        if hit is not None and hit[0] < offset:
            found.append(Duplicate(new_index=i, existing_index=hit[0], reason=hit[1]))
        elif hit is not None:
            found.append(Duplicate(new_index=i, existing_index=-1, reason=hit[1] + " as an earlier entry of this paste",
                                   earlier_new=hit[0] - offset))
        else:
            index.add(entry, offset + i)  # the same paper twice in one paste is one paper
    return found

