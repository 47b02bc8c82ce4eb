"""Entry text as a person reads it in one line: markdown reduced to its words, shortened at a word
with an ellipsis. The one place that shortens titles, for dialogs, notifications and commit
messages alike (a cut in the middle of a word reads as a typo)."""

from __future__ import annotations

import re


def plain_text(text: str) -> str:
    """Markdown and HTML reduced to the words a reader sees, on one line."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](url) -> words
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{:[^}]*\}", "", text)  # kramdown attributes
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    """`text` on one line, at most about `width` characters: cut after a whole word, then `…`."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    # Cut at the last space that keeps at least half the width; a word that ends exactly at the
    # width is whole, so the character after the cut counts too. One word longer than half the
    # width is cut inside (there is no better place).
    space = text.rfind(" ", width // 2, width + 1)
    cut = text[:space] if space > 0 else text[:width]
    return cut.rstrip(" ,;:.") + "…"
