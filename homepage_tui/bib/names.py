"""Authors in the site's style, and the user's own name in the form the renderer bolds.

The style is what the page's existing entries use: "F. Last" (initials) when most of their
names start with initials, else "First Last". The user's names (site.yml `names`) are matched in
any form ("Zhenheng Tang", "Z. Tang", "Tang, Zhenheng", accents or not); a match is written as
the site.yml name that has the site's style, so `render.format_authors` bolds it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

from ..render import AUTHOR_MARKERS_RE, normalize_name
from .reference import Person

INITIALS = "initials"  # "Z. Tang"
FULL = "full"  # "Zhenheng Tang"

_INITIAL_NAME_RE = re.compile(r"^(?:[A-Z]\.?[\s-]*){1,3}\s*\S")
_INITIAL_WORD_RE = re.compile(r"^[A-Z](?:\.|$)|^[A-Z]{2,3}$")


def _bare(name: str) -> str:
    """A name without markdown, markers (* # dagger) or a leading `and`."""
    name = re.sub(r"^(and|&)\s+", "", str(name).strip())
    m = AUTHOR_MARKERS_RE.search(name)
    if m and m.start() > 0:
        name = name[:m.start()]
    return re.sub(r"[*_]", "", name).strip()


def looks_initialled(name: str) -> bool:
    """Whether a written name starts with initials: "Z. Tang", "A. C. Zhou", "AC Zhou"."""
    words = _bare(name).replace(".", ". ").split()
    return len(words) >= 2 and all(_INITIAL_WORD_RE.match(w) for w in words[:-1])


def detect_style(existing_authors: Iterable[Sequence[str]]) -> str:
    """INITIALS or FULL: what most of the names in the existing entries look like."""
    initialled = total = 0
    for authors in existing_authors:
        for name in authors or []:
            if not isinstance(name, str) or len(_bare(name).split()) < 2:
                continue
            total += 1
            initialled += looks_initialled(name)
    return INITIALS if total and initialled * 2 > total else FULL


def initials(first: str) -> str:
    """"Jun-Yan" -> "J.-Y.", "Amelie Chi" -> "A. C.", "J. Z." -> "J. Z."."""
    out = []
    for word in first.split():
        parts = [p for p in word.split("-") if p]
        out.append("-".join(p[0].upper() + "." for p in parts))
    return " ".join(out)


def styled(person: Person, style: str) -> str:
    if not person.first:
        return person.last
    first = initials(person.first) if style == INITIALS else person.first
    return f"{first} {person.last}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _parts(name: str) -> Person:
    """A written name in parts: "Tang, Zhenheng" or "Zhenheng Tang" or "Z. Tang"."""
    name = _bare(name)
    if "," in name:
        last, first = (s.strip() for s in name.split(",", 1))
        return Person(first=first, last=last)
    words = name.split()
    return Person(first=" ".join(words[:-1]), last=words[-1] if words else "")


def _initial_letters(first: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.\-]+", _fold(first)) if w)


def same_person(a: Person, b: Person) -> bool:
    """Same last name, and first names that agree (in full, or as initials)."""
    if _fold(a.last) != _fold(b.last) or not a.last:
        return False
    fa, fb = _fold(a.first).replace(".", " ").split(), _fold(b.first).replace(".", " ").split()
    if fa == fb:
        return True
    full_a, full_b = all(len(w) > 1 for w in fa), all(len(w) > 1 for w in fb)
    if full_a and full_b:
        return False  # two different spelled-out first names
    return _initial_letters(a.first) == _initial_letters(b.first) and bool(fa)


class AuthorStyler:
    """Writes references' authors as a site writes them, the user's own names included."""

    def __init__(self, style: str, own_names: Sequence[str] = ()):
        self.style = style
        self.own = [(n, _parts(n)) for n in own_names if n and n.strip()]

    def is_user(self, person: Person) -> bool:
        """Matches one of the user's names and contradicts none ("Zhen Tang" is not "Zhenheng
        Tang", though both are "Z. Tang")."""
        matches = [parts for _, parts in self.own if same_person(person, parts)]
        if not matches:
            return False
        spelled = [parts for _, parts in self.own if _fold(parts.last) == _fold(person.last)
                   and all(len(w) > 1 for w in _fold(parts.first).replace(".", " ").split())]
        return not spelled or any(same_person(person, parts) for parts in spelled)

    def name(self, person: Person) -> str:
        if self.is_user(person):
            return self._own_form()
        return styled(person, self.style)

    def _own_form(self) -> str:
        """The site.yml name in the site's style (the renderer bolds any of them)."""
        for written, _ in self.own:
            if looks_initialled(written) == (self.style == INITIALS):
                return written
        return self.own[0][0]

    def names(self, people: Iterable[Person]) -> list[str]:
        return [self.name(p) for p in people]


def is_own(name: str, own_names: Iterable[str]) -> bool:
    """Whether the renderer would bold `name` (render.format_authors' own test)."""
    return normalize_name(name) in {normalize_name(n) for n in own_names}
