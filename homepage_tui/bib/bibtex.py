"""BibTeX text to references, with bibtexparser 2: LaTeX decoded to Unicode (`{\\"u}` -> ü,
`{GAN}` -> GAN), `and`-separated names split into parts. A block that does not parse is an
error `LINE:COL: reason`, and then nothing of the text is used.
"""

from __future__ import annotations

import logging
import re

from ..errors import HomepageError
from . import identifiers
from .reference import Person, Reference

# Entry type -> publication kind; `article` and `misc` are decided by what they hold.
KIND_OF_TYPE = {
    "inproceedings": "conference", "conference": "conference", "proceedings": "conference",
    "article": "journal",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "book": "book", "inbook": "book", "incollection": "book",
    "techreport": "other", "report": "other", "unpublished": "preprint", "misc": "other", "online": "other",
}
PREPRINT_VENUE_RE = re.compile(r"\b(arxiv|corr|biorxiv|medrxiv|ssrn|preprint)\b", re.I)
WORKSHOP_RE = re.compile(r"\bworkshops?\b", re.I)


class BibtexError(HomepageError):
    """The BibTeX text does not parse; the message is `LINE:COL: reason` (or names the entry)."""


def parse(text: str, first_line: int = 1) -> list[Reference]:
    """Every entry of `text` as a Reference; raises BibtexError for the first problem."""
    import bibtexparser
    from bibtexparser import middlewares as mw
    from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock

    # bibtexparser logs each failed block as a warning; we report it ourselves, once.
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    def parse_string(source: str):
        return bibtexparser.parse_string(source, append_middleware=[
            _decoder(), mw.SeparateCoAuthors(), mw.SplitNameParts()])

    library = parse_string(text)
    entries = [(entry.start_line, entry) for entry in library.entries]  # 0-based line in `text`
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            # Two entries with one key (two Scholar pastes of "tang2024"): both are papers. The
            # library keeps the second one undecoded, so it is parsed on its own.
            for entry in parse_string(block.raw).entries:
                entries.append((block.start_line + entry.start_line, entry))
            continue
        if isinstance(block, ParsingFailedBlock):
            raise BibtexError(_where(text, block, first_line))
        raise BibtexError(f"{block.start_line + first_line}:1: {block.error}")
    if not entries:
        raise BibtexError(f"{first_line}:1: no BibTeX entry (expected @article{{key, title = ...}})")
    entries.sort(key=lambda pair: pair[0])
    return [_reference(entry, line + first_line) for line, entry in entries]


_LATEX_SYNTAX_RE = re.compile(r"[\\$~%`]|--|''")
_DECODER = None


def _decoder():
    """bibtexparser's LaTeX decoding, with a fast path: a value with no LaTeX syntax but braces
    (`{GAN}`, years, DOIs, most names) only loses its braces, as pylatexenc would do; pylatexenc
    takes ~2 ms a value, which made a 500-entry paste take seconds."""
    global _DECODER
    if _DECODER is None:
        from bibtexparser.middlewares import LatexDecodingMiddleware

        class FastLatexDecoding(LatexDecodingMiddleware):
            def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
                if not _LATEX_SYNTAX_RE.search(python_string):
                    return python_string.replace("{", "").replace("}", ""), ""
                return super()._transform_python_value_string(python_string)

        _DECODER = FastLatexDecoding
    return _DECODER()


def _where(text: str, block, first_line: int) -> str:
    """`LINE:COL: reason` for a block that did not parse."""
    error = block.error
    reason = getattr(error, "abort_reason", None) or str(error)
    end = getattr(error, "end_index", None)
    start = _block_start(text, block)
    if end is None or end >= len(text.rstrip()) or "end of file" in reason:
        # Never closed: where the block starts is what the user has to look at.
        line, col = _line_col(text, start)
        kind = block.raw.lstrip()[:block.raw.lstrip().find("{")] if "{" in block.raw else "@entry"
        return f"{line + first_line - 1}:{col}: {kind} is never closed (a missing }} or \")"
    found = re.search(r"found (\S)$", reason)
    if found and text.rfind(found.group(1), 0, end + 1) >= 0:
        end = text.rfind(found.group(1), 0, end + 1)  # the character found, not what follows it
    line, col = _line_col(text, end)
    return f"{line + first_line - 1}:{col}: {reason[0].lower() + reason[1:]}"


def _block_start(text: str, block) -> int:
    lines = text.split("\n")
    offset = sum(len(ln) + 1 for ln in lines[:block.start_line])
    found = text.find(block.raw.lstrip()[:20], offset)
    return found if found >= 0 else offset


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _reference(entry, line: int) -> Reference:
    """`line`: the entry's first line, 1-based, in the user's text."""
    fields = {f.key.lower(): f.value for f in entry.fields}
    where = f"line {line}"
    title = _text(fields.get("title"))
    if not title:
        raise BibtexError(f"{line}:1: @{entry.entry_type}{{{entry.key}}} has no "
                          "title field; a publication needs its title")
    authors = [Person(first=" ".join(p.first), last=" ".join([*p.von, *p.last] + ([", " + " ".join(p.jr)] if p.jr else [])))
               for p in (fields.get("author") or []) if hasattr(p, "first")]
    venue = _text(fields.get("booktitle") or fields.get("journal") or fields.get("journaltitle")
                  or fields.get("school") or fields.get("institution") or fields.get("publisher") or fields.get("howpublished"))
    doi = identifiers.normal_doi(_text(fields.get("doi"))) if fields.get("doi") else ""
    url = _text(fields.get("url"))
    arxiv = ""
    eprint = _text(fields.get("eprint"))
    prefix = _text(fields.get("archiveprefix") or fields.get("eprinttype"))
    if eprint and (prefix.lower() == "arxiv" or identifiers.ARXIV_RE.match(eprint)):
        arxiv = identifiers.normal_arxiv(eprint)
    arxiv = arxiv or identifiers.arxiv_in(url) or identifiers.arxiv_in(venue) or (identifiers.arxiv_of_doi(doi) or "" if doi else "")
    if not doi and url:
        doi = identifiers.doi_in(url) or ""
    kind = KIND_OF_TYPE.get(entry.entry_type.lower(), "other")
    preprint_venue = bool(PREPRINT_VENUE_RE.search(venue))
    if kind in ("journal", "other") and (preprint_venue or (arxiv and not venue)):
        kind = "preprint"
    elif kind == "conference" and WORKSHOP_RE.search(venue):
        kind = "workshop"
    if kind == "preprint" and arxiv and not venue:
        venue = f"arXiv preprint arXiv:{arxiv}"
    year = _text(fields.get("year"))
    m = re.search(r"\d{4}", year or _text(fields.get("date")))
    return Reference(title=title, authors=authors, venue=venue, year=m.group(0) if m else "", kind=kind,
                     doi=doi, arxiv=arxiv, url=url, source=where)
