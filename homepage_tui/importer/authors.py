"""Author lists: where they are in an item, one name per entry, and the user's own name.

Authors are stored as printed with markers (`*`, `\\*`, `#`, `†`, `$\\dagger$`, `<sup>…</sup>`)
but without the emphasis that marks the user's own name (`**Name**`, `<strong>`, `<u>`...): the
renderer puts that back from site.yml's `names` and the section's `own_name` format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..render import AUTHOR_MARKERS_RE, normalize_name
from .text import TAG_RE, split_top

# Markers written inside the emphasis (**Name<sup>*</sup>**, <b>Name\*</b>): the form holds {markers}.
INNER = r"(?P<inner>(?:\\\*|[#†‡]|<sup>[^<>]*</sup>|&(?:dagger|Dagger|ddagger|ast|#\d+);)+)"
OWN_FORMS = [
    ("__<u>{name}</u>__", re.compile(r"^__<u>(?P<name>[^<>*_]+?)</u>__")),
    ("**<u>{name}</u>**", re.compile(r"^\*\*<u>(?P<name>[^<>*]+?)</u>\*\*")),
    ("**{name}{markers}**", re.compile(rf"^\*\*(?P<name>[^*<>\\#†‡&]+?){INNER}\*\*")),
    ("<b>{name}{markers}</b>", re.compile(rf"^<b>(?P<name>[^<>*\\#†‡&]+?){INNER}</b>")),
    ("<strong>{name}{markers}</strong>", re.compile(rf"^<strong>(?P<name>[^<>*\\#†‡&]+?){INNER}</strong>")),
    ("**{name}**", re.compile(r"^\*\*(?P<name>[^*<>]+?)\*\*")),
    ("__{name}__", re.compile(r"^__(?P<name>[^_<>]+?)__")),
    ("<strong>{name}</strong>", re.compile(r"^<strong>(?P<name>[^<>*]+?)</strong>")),
    ("<b>{name}</b>", re.compile(r"^<b>(?P<name>[^<>*]+?)</b>")),
    ("<u>{name}</u>", re.compile(r"^<u>(?P<name>[^<>*]+?)</u>")),
    ('<span class="accent-text">{name}</span>', re.compile(r"^<span class=\"accent-text\">(?P<name>[^<>*]+?)</span>")),
]
PREFIX_RE = re.compile(r"^(and\s+|&\s+)")
AND_RE = re.compile(r"^([^.…]\S*(?: \S+){0,4}?) and (.+)$")
INITIALS_RE = re.compile(r"^\s*(?:[A-Z]\.\s?)+(?:-\s?[A-Z]\.)?\s*$")
WORD_RE = re.compile(r"^(?:[A-Z\u00C0-\u024F][\w'’.\-]*|[A-Z]\.?(?:-[A-Z]\.?)?|[\u4e00-\u9fff]{1,4}|"
                     r"van|de|der|von|da|di|del|le|la|bin|al|den|dos|du|y)$")
MARKUP_RE = re.compile(r"<[^>]*>|\*\*|__")


@dataclass
class Author:
    text: str  # as printed (own-name emphasis included)
    prefix: str
    form: str | None  # own-name format when emphasised
    name: str  # without emphasis and markers
    markers: str


SUP_RE = re.compile(r"<sup>.*?</sup>")
LINKED_RE = re.compile(r"^\[(?P<name>[^\]\[]+)\]\([^)\s]*\)")


def strip_name(piece: str) -> str:
    text = PREFIX_RE.sub("", re.sub(r"^(?:\.\.\.|…)\s+", "", piece.strip()))
    # [Name](url) and Name<sup>1</sup>; a one-word link is a link ([Code](url)), not a name
    text = LINKED_RE.sub(lambda m: m.group("name") if (" " in m.group("name").strip() or not m.group("name").isascii())
                         else m.group(0), SUP_RE.sub("", text))
    m = AUTHOR_MARKERS_RE.search(MARKUP_RE.sub("", text))
    text = MARKUP_RE.sub("", text)
    if m and m.start() > 0:
        text = text[:m.start()]
    return text.strip()


def is_name(piece: str) -> bool:
    if piece.count("**") % 2 or piece.count("__") % 2:
        return False  # a piece of an emphasis ("**Resour. Conserv. 2025**" cut at its first ". ")
    text = strip_name(piece)
    if text in ("...", "…", "et al.", "et al", "etc."):
        return True
    if not text or re.search(r"\d|[()\[\]:;\"“”]", text):
        return False
    if re.match(r"^[A-Z\u00C0-\u024F][\w'’\-]+, (?:[A-Z]\.\s?)+$", text):  # "Guo, Z."
        return True
    words = text.split()
    # "Mattsson." inside a name is the end of a sentence, not an initial
    if any(w.endswith(".") and not INITIALS_RE.match(w) for w in words[:-1]):
        return False
    return 1 <= len(words) <= 5 and all(WORD_RE.match(w) for w in words)


def analyze(piece: str) -> Author:
    prefix = ""
    m = PREFIX_RE.match(piece)
    rest = piece
    if m:
        prefix, rest = m.group(1), piece[m.end():]
    for form, pattern in OWN_FORMS:
        f = pattern.match(rest)
        if f:
            markers = rest[f.end():]
            if "{markers}" in form:
                if markers:
                    continue
                markers = f.group("inner")
            if markers == "" or AUTHOR_MARKERS_RE.fullmatch(markers):
                return Author(piece, prefix, form, f.group("name").strip(), markers)
    return Author(piece, prefix, None, strip_name(piece), "")


HEAD_SEPS = (". ", " (", " <br>", "<br>", "  \n", "\n", " [", ", ")


def find_authors(s: str, pos: int = 0) -> tuple[int, list[str]] | None:
    """The author list starting at s[pos]: (end offset, pieces as printed), or None."""
    pieces = split_top(s[pos:], ", ")
    taken: list[str] = []
    offset = pos
    end = pos
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        pair = AND_RE.match(piece)
        if pair and "\n" not in pair.group(1) and is_name(pair.group(1)):
            # "A and B": two names; the second keeps its "and " (the renderer joins it with a blank)
            second = pair.group(2)
            k = len(second) if is_name(second) and "\n" not in second and not last else _head(second)
            if k is not None:
                _add(taken, pair.group(1))
                taken.append("and " + second[:k])
                end = offset + len(pair.group(1)) + 5 + k
                if k < len(second):
                    break
                offset += len(piece) + 2
                continue
        whole_ok = is_name(piece) and "\n" not in piece and (not last or True)
        if whole_ok and not (last and len(piece) > 60):
            _add(taken, piece)
            end = offset + len(piece)
            offset += len(piece) + 2
            continue
        best = _head(piece)
        if best is not None:
            _add(taken, piece[:best])
            end = offset + best
        break
    if not taken or (len(taken) == 1 and not any(f.match(PREFIX_RE.sub("", taken[0])) for _, f in OWN_FORMS)
                     and len(strip_name(taken[0]).split()) > 3):
        return None
    return end, taken


def _head(piece: str) -> int | None:
    """The end of the shortest head of `piece` that is a name and not only initials ("X. Zhang.
    Title" -> "X. Zhang"), or None."""
    heads = []
    for sep in HEAD_SEPS:
        k = piece.find(sep)
        while k > 0:
            head = piece[:k]
            if head == head.rstrip() and _balanced(head) and is_name(head):
                heads.append(k)
            k = piece.find(sep, k + 1)
    full = [k for k in heads if not INITIALS_RE.match(strip_name(piece[:k]) + ".")]
    return min(full) if full else (max(heads) if heads else None)


def _balanced(text: str) -> bool:
    opened = [m.group(2).lower() for m in TAG_RE.finditer(text) if not m.group(1)]
    closed = [m.group(2).lower() for m in TAG_RE.finditer(text) if m.group(1)]
    return sorted(opened) == sorted(closed)


def _add(taken: list[str], piece: str) -> None:
    if taken and INITIALS_RE.match(piece):
        taken[-1] = taken[-1] + ", " + piece
    else:
        taken.append(piece)


def own_names(all_pieces: list[list[str]]) -> list[str]:
    """The user's names: those emphasised in author lists, most often first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for pieces in all_pieces:
        for piece in pieces:
            a = analyze(piece)
            if a.form:
                key = normalize_name(a.name)
                counts[key] = counts.get(key, 0) + 1
                shown.setdefault(key, a.name)
    if not counts:
        return []
    top = max(counts.values())
    return [shown[k] for k in sorted(counts, key=lambda k: -counts[k]) if counts[k] * 4 >= top]


def store(pieces: list[str], names: list[str], own_form: str) -> tuple[list[str], list[int] | None]:
    """Authors as stored, and the `bold` positions when name matching would get them wrong."""
    own = {normalize_name(n) for n in names}
    stored, mine = [], []
    for i, piece in enumerate(pieces, start=1):
        a = analyze(piece)
        if same_form(a, own_form) and normalize_name(a.name) in own:
            stored.append(a.prefix + a.name + a.markers)
            mine.append(i)
        else:
            stored.append(piece)
    matched = [i for i, s in enumerate(stored, start=1)
               if normalize_name(analyze(s).name) in own and analyze(s).form is None]
    return stored, (None if matched == mine or not mine else mine)


def same_form(a: Author, own_form: str) -> bool:
    """Whether `a` is written in the section's own-name form: `**{name}{markers}**` also covers a
    name without markers written `**Name**` (it renders the same)."""
    if a.form == own_form:
        return True
    return a.form is not None and not a.markers and a.form == own_form.replace("{markers}", "")


def own_form(pieces: list[str]) -> str:
    """The form most of the user's emphasised names take; the form with markers inside the
    emphasis when some names have them there and none has markers outside."""
    forms: dict[str, int] = {}
    outside: set[str] = set()
    for piece in pieces:
        a = analyze(piece)
        if a.form is None:
            continue
        forms[a.form] = forms.get(a.form, 0) + 1
        if a.markers and "{markers}" not in a.form:
            outside.add(a.form)
    for form in [f for f in forms if "{markers}" in f]:
        base = form.replace("{markers}", "")
        if base in forms and base not in outside:
            forms[form] += forms.pop(base)
    return max(forms, key=lambda f: forms[f]) if forms else "**{name}**"
