"""Small text helpers shared by the parsers."""

from __future__ import annotations

import re

OPENERS = {"(": ")", "[": "]", "{": "}"}
TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
VOID = {"br", "img", "hr", "input", "wbr", "source"}


def split_top(text: str, sep: str) -> list[str]:
    """`text` split at `sep` where it is outside brackets, parentheses and HTML elements."""
    parts, depth, tags, start, i = [], [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            m = TAG_RE.match(text, i)
            if m:
                name = m.group(2).lower()
                if name not in VOID and not m.group(3):
                    tags += -1 if m.group(1) else 1
                i = m.end()
                continue
        if ch == "\\" and i + 1 < len(text):
            i += 2
            continue
        if ch in OPENERS:
            depth.append(OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        if not depth and tags <= 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts
