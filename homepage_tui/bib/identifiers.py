"""What a pasted source is, and the normal forms of DOIs and arXiv ids.

A DOI is `10.NNNN/suffix`, bare or as a doi.org URL (or `doi:` prefixed); an arXiv id is a new
style `YYMM.NNNNN` or an old style `archive/YYMMNNN`, bare, `arXiv:`-prefixed or as an
arxiv.org/abs or /pdf URL, with an optional version.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

DOI_RE = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
DOI_IN_URL_RE = re.compile(r"(?:doi\.org/|doi:)(10\.\d{4,9}/[^\s?#]+)", re.I)
ARXIV_NEW = r"\d{4}\.\d{4,5}"
ARXIV_OLD = r"[a-z][a-z.-]+/\d{7}"
ARXIV_RE = re.compile(
    rf"^(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?({ARXIV_NEW}|{ARXIV_OLD})(v\d+)?(?:\.pdf)?/?$",
    re.I)
ARXIV_IN_TEXT_RE = re.compile(rf"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*)({ARXIV_NEW}|{ARXIV_OLD})(?:v\d+)?", re.I)
ARXIV_DOI_RE = re.compile(rf"^10\.48550/arxiv\.({ARXIV_NEW}|{ARXIV_OLD})$", re.I)

BIBTEX = "bibtex"
DOI = "doi"
ARXIV = "arxiv"


def normal_doi(doi: str) -> str:
    """A DOI as compared and stored: no URL or `doi:` prefix, lower case (DOIs are case-blind)."""
    doi = unquote(doi.strip())
    m = DOI_RE.match(doi)
    return (m.group(1) if m else doi).rstrip(".,;").lower()


def normal_arxiv(arxiv_id: str) -> str:
    """An arXiv id without prefix, URL or version: `2401.01234`."""
    m = ARXIV_RE.match(arxiv_id.strip())
    return (m.group(1) if m else arxiv_id.strip()).lower()


def arxiv_of_doi(doi: str) -> str | None:
    """The arXiv id of an arXiv DOI (10.48550/arXiv.ID), else None."""
    m = ARXIV_DOI_RE.match(normal_doi(doi))
    return m.group(1) if m else None


def classify(text: str) -> tuple[str, str] | None:
    """(kind, normal id) for one DOI or arXiv id; (BIBTEX, text) when it holds an `@`; else None."""
    stripped = text.strip()
    if stripped.startswith("@") or re.search(r"^\s*@\w+\s*[{(]", text, re.M):
        return BIBTEX, text
    if (m := ARXIV_RE.match(stripped)) is not None:
        return ARXIV, m.group(1).lower()
    if DOI_RE.match(stripped):
        return DOI, normal_doi(stripped)  # arXiv DOIs too: DataCite answers for them
    return None


def doi_in(url: str) -> str | None:
    """The DOI a link points at (a doi.org URL), else None."""
    m = DOI_IN_URL_RE.search(url or "")
    return normal_doi(m.group(1)) if m else None


def arxiv_in(url: str) -> str | None:
    """The arXiv id a link or venue names (arxiv.org/abs/ID, arXiv:ID), else None."""
    m = ARXIV_IN_TEXT_RE.search(url or "")
    return m.group(1).lower() if m else None
