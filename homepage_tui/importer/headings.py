"""Which sections a page has: a heading's title, classified by the words in it.

Headings are written in many ways (`# 🔥 News`, `# <i class="fas fa-fire"></i> News`,
`# 📖 Educations {#edu}`, `# 🎓 教育经历`); the words are what count. A heading is never renamed.
"""

from __future__ import annotations

import re

from .. import kinds

TAG_RE = re.compile(r"<[^>]*>")
ID_SUFFIX_RE = re.compile(r"\s*\{#[^}]*\}\s*$")

# (section name, type, words that name it), from the kinds; the first match wins, so order matters.
KINDS: list[tuple[str, str, tuple[str, ...]]] = [
    (name, kind.name, words) for kind in kinds.ALL for name, words in kind.headings]
# Prose sections: never imported, whatever they contain.
PROSE_WORDS = ("about", "biography", "bio", "interest", "简介", "介绍", "关于", "研究方向")
PREPRINT_WORDS = ("preprint", "under review", "submitted", "预印本", "在投", "审稿中", "投稿")


def plain_title(title: str) -> str:
    """The words of a heading: no HTML, no `{#id}`, no emoji or punctuation at the ends."""
    text = ID_SUFFIX_RE.sub("", title)
    text = TAG_RE.sub(" ", text)
    text = re.sub(r"[^\w\s&'+/().,:-]", " ", text)
    return " ".join(text.split()).strip(" -:")


def classify(title: str) -> tuple[str, str] | None:
    """(name, type) of a known section, or None. Every word of every kind is looked for; a match
    that lies inside a longer match of another word is dropped (in "在投/审稿中工作", 审稿 inside
    审稿中: submitted papers, not reviewing service), then the first kind in KINDS wins. English
    words match at the start of a word ("news", not "renews")."""
    words = plain_title(title).casefold()
    found: list[tuple[int, int, int]] = []  # (start, end, kind order)
    for order, (_, _, keys) in enumerate(KINDS):
        for k in keys:
            pattern = rf"(?<![a-z]){re.escape(k)}" if k.isascii() else re.escape(k)
            found += [(m.start(), m.end(), order) for m in re.finditer(pattern, words)]
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0])
                                        for o in found)]
    if not kept:
        return None
    name, kind, _ = KINDS[min(order for _, _, order in kept)]
    return name, kind


def is_prose(title: str) -> bool:
    words = plain_title(title).casefold()
    return any(re.search(rf"(^|\W){re.escape(w)}", words) for w in PROSE_WORDS)


def is_preprint(title: str) -> bool:
    words = plain_title(title).casefold()
    return any(w in words for w in PREPRINT_WORDS)


def slug(title: str) -> str:
    """A section or group name from a title: lower case words joined by '-' (any script)."""
    words = re.findall(r"\w+", plain_title(title).casefold())
    return "-".join(words)[:40].strip("-") or "section"
