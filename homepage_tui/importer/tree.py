"""List sections (service, teaching, education, experience, talks, any other list): each top-level
item is a markdown `text` with nested `children`; the list markers and indentation per level go
to the section's style. An item the inferred style does not write back exactly is kept raw."""

from __future__ import annotations

import re
from collections import Counter

from .. import kinds
from ..render import SectionStyle, render_tree_item
from ..htmlcheck import value_problem
from .fit import no_template_reason, norm

MARKER_RE = re.compile(r"^( *)((?:[-*+]|\d{1,3}[.)])(?:[ \t]+(?=\S)))(.*)$")


def _marker(written: str) -> str:
    """The list marker as a style keeps it: "-" for "- ", the whole "-<TAB>" or "-   " otherwise
    (the renderer puts one blank after a marker that does not end in a blank)."""
    return written[:-1] if written.endswith(" ") and not written[:-1].endswith((" ", "\t")) else written


LI_RE = re.compile(r"^(?P<pad>[ \t]*)(?P<open><li(?:\s[^<>]*)?>)(?P<text>(?:(?!</?li\b).)*)</li>[ \t]*$")


def parse(text: str) -> tuple[dict, list[tuple[int, int, str]]] | None:
    """The item as {text, children}, and (level, indent, marker) of every item line. An HTML
    `<li>...</li>` line is an item too: its marker is the `<li>` tag with the line's indentation."""
    li = LI_RE.match(text.strip("\n"))
    if li:
        return {"text": li.group("text")}, [(0, 0, li.group("pad") + li.group("open"))]
    lines = text.rstrip("\n").split("\n")
    m = MARKER_RE.match(lines[0])
    if not m:
        return None
    root = {"text": m.group(3)}
    stack = [(len(m.group(1)), root)]  # (indent, node)
    shape = [(0, len(m.group(1)), _marker(m.group(2)))]
    for line in lines[1:]:
        n = MARKER_RE.match(line)
        if n and len(n.group(1)) > stack[0][0]:
            indent = len(n.group(1))
            while len(stack) > 1 and stack[-1][0] >= indent:
                stack.pop()
            node = {"text": n.group(3)}
            stack[-1][1].setdefault("children", []).append(node)
            shape.append((len(stack), indent, _marker(n.group(2))))
            stack.append((indent, node))
        else:
            node = stack[-1][1]
            node["text"] = node["text"] + "\n" + line.strip()
    _tidy(root)
    return root, shape


def _tidy(node: dict) -> None:
    node["text"] = node["text"].rstrip("\n").rstrip() if "\n" not in node["text"].rstrip() else node["text"].rstrip()
    for child in node.get("children", []):
        _tidy(child)


def _style_of(shape: list[tuple[int, int, str]], child_sep: str) -> tuple:
    bullets: dict[int, str] = {}
    step = 4
    for level, indent, marker in shape:
        bullets.setdefault(level, marker)
        if level == 1:
            step = indent - shape[0][1]
    depth = max(bullets) + 1
    return tuple(bullets.get(i, bullets[max(k for k in bullets if k <= i)]) for i in range(depth)), step, child_sep


def _make_style(base: SectionStyle, key: tuple) -> SectionStyle:
    style = SectionStyle(**{**base.__dict__})
    bullets, step, child_sep = key
    style.bullet = bullets[0]
    style.bullets = list(bullets) if len(set(bullets)) > 1 else []
    style.indent = max(step, 1)
    style.child_separator = child_sep
    return style


def fit_tree(texts: list[str], base: SectionStyle, reasons: list | None = None) -> tuple[SectionStyle, list[dict]]:
    """The list style most items share, and one entry per item (raw where that style does not
    write it back); `reasons` as for fit.fit."""
    parsed = [parse(t) for t in texts]
    keys: Counter[tuple] = Counter()
    for t, p in zip(texts, parsed):
        if p:
            sep = "\n\n" if re.search(r"\n[ \t]*\n[ \t]*(?:[-*+]|\d+[.)]) ", t.strip("\n")) else "\n"
            keys[_style_of(p[1], sep)] += 1
    best_style, best_entries, best_n = _make_style(base, (("-",), 4, "\n")), None, -1
    for key, _ in keys.most_common(4):
        style = _make_style(base, key)
        entries, n = [], 0
        for t, p in zip(texts, parsed):
            if p and not kinds.TREE.validate(p[0]) and _same(render_tree_item(p[0], style), t):
                entries.append(p[0])
                n += 1
            else:
                entries.append({"raw": t.strip("\n")})
        if n > best_n:
            best_style, best_entries, best_n = style, entries, n
    if best_entries is None:
        best_entries = [{"raw": t.strip("\n")} for t in texts]
    why = [None if "raw" not in e else (
        "not a markdown list item" if p is None else
        "its text holds HTML that opens or closes outside it" if value_problem(t) else
        "its markers or indentation differ from the rest of the list")
        for e, p, t in zip(best_entries, parsed, texts)]
    if best_n <= 0:
        best_style.no_template = no_template_reason(why)
    if reasons is not None:
        reasons[:] = why
    return best_style, best_entries


def _same(a: str, b: str) -> bool:
    return norm(a) == norm(b)
