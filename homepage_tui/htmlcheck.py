"""Is this markdown's HTML balanced? Pure text functions shared by the importer (a template must
be balanced to be accepted) and the site (a change that unbalances a region is refused).

kramdown reads an HTML block up to the tag that closes it, across blank lines: one `<em>` or
`<li>` left open swallows what follows, headings included. So every tag that opens must close in
the same piece of text. HTML comments, code spans and fenced code are not HTML and are skipped.
"""

from __future__ import annotations

import re
from collections import Counter

TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "base", "col", "embed",
             "param", "track"}
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.S | re.M)
CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
PLACEHOLDER_RE = re.compile(r"\{[?!/]?[A-Za-z_][A-Za-z0-9_]*(?:\|[a-z]+)?\}")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def markup_only(text: str) -> str:
    """`text` with comments, fenced code and code spans blanked (offsets and lines kept)."""
    text = COMMENT_RE.sub(_blank, text)
    text = FENCE_RE.sub(_blank, text)
    return CODE_SPAN_RE.sub(_blank, text) if "`" in text else text


def unbalanced(text: str) -> list[tuple[str, int]]:
    """The tags of `text` that open and never close, or close and never opened: (tag as
    written, offset), in order."""
    scanned = markup_only(text)
    stack: list[tuple[str, str, int]] = []
    out: list[tuple[str, int]] = []
    for m in TAG_RE.finditer(scanned):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in VOID_TAGS or selfclose:
            continue
        if not closing:
            stack.append((name, m.group(0), m.start()))
        elif stack and stack[-1][0] == name:
            stack.pop()
        elif any(n == name for n, _, _ in stack):
            while stack[-1][0] != name:
                _, tag, pos = stack.pop()
                out.append((tag, pos))
            stack.pop()
        else:
            out.append((m.group(0), m.start()))
    out += [(tag, pos) for _, tag, pos in stack]
    return sorted(out, key=lambda t: t[1])


def template_problem(template: str) -> str | None:
    """Why an entry template is not safe to write new entries with, or None.

    Balanced: every tag that opens in it closes in it (a `{?field}...{/field}` part counts as
    written). No tag split by a field: a placeholder inside a tag may only be an attribute's
    quoted value (`href="{url}"`), never the tag's name or a bare attribute.
    """
    for m in re.finditer(r"<[^<>]*>", template):
        inside = m.group(0)
        if not PLACEHOLDER_RE.search(inside):
            continue
        unquoted = re.sub(r"\"[^\"]*\"|'[^']*'", "", inside)
        if PLACEHOLDER_RE.search(unquoted):
            return f"a field sits inside the tag {inside}"
    bare = PLACEHOLDER_RE.sub("", template)
    if re.search(r"<[^<>]*$", bare.split("\n")[-1]) or re.search(r"^[^<>]*>", bare):
        return "a tag is cut by a field"
    emphasis = _open_emphasis(PLACEHOLDER_RE.sub("x", template))
    if emphasis:
        return f"the emphasis {emphasis} does not close inside the entry"
    problems = unbalanced(bare)
    if problems:
        tag = problems[0][0]
        return f"{tag} does not close inside the entry" if not tag.startswith("</") else \
            f"{tag} closes a tag the entry never opened"
    return None


LIST_MARKER_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M)
EMPHASIS_RE = re.compile(r"(?<![\\\w*])(\*+)|(?<![\\*])(\*+)(?![\w*])|(?<![\\\w_])(_+)|(?<![\\_])(_+)(?![\w_])")


def _open_emphasis(text: str) -> str | None:
    """A markdown emphasis run (`*`, `**`, `_`...) that opens in `text` and does not close, or
    None. Runs inside tags, links' URLs and code are not emphasis; a list marker is not either."""
    text = LIST_MARKER_RE.sub("", markup_only(text))
    text = re.sub(r"<[^<>]*>|\]\([^)\s]*\)", " ", text)
    counts = {"*": 0, "_": 0}
    for m in EMPHASIS_RE.finditer(text):
        run = next(g for g in m.groups() if g)
        counts[run[0]] += len(run)
    for char, n in counts.items():
        if n % 2:
            return char
    return None


def value_problem(value: str) -> str | None:
    """Why a field's value cannot stand alone (it holds a piece of a tag), or None."""
    problems = unbalanced(value)
    if problems:
        return f"the field holds {problems[0][0]} without its partner"
    return None


def new_problems(before: str, after: str) -> list[tuple[str, int]]:
    """The unbalanced tags of `after` that `before` did not have (by tag name and count)."""
    old = Counter(_name(t) for t, _ in unbalanced(before))
    out = []
    for tag, pos in unbalanced(after):
        key = _name(tag)
        if old[key] > 0:
            old[key] -= 1
            continue
        out.append((tag, pos))
    return out


def _name(tag: str) -> str:
    m = re.match(r"<(/?)([A-Za-z][A-Za-z0-9-]*)", tag)
    return (m.group(1) + m.group(2).lower()) if m else tag
