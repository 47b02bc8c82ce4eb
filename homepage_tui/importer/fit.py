"""Template induction with a self-check.

A parser turns one item of the page into candidates: fields plus the template that writes those
fields back as the item (built by putting `{field}` where each value was found). The section's
templates are the candidates' templates, most used first; each item takes the first template
that renders it *exactly* (through the real renderer), and an item no template renders is kept
raw. So nothing is lost, and whatever is structured renders as it was written.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .. import kinds
from ..render import SectionStyle, render_entry
from ..htmlcheck import template_problem, value_problem
from .optional import make_optional

MAX_TEMPLATES = 6
@dataclass
class Candidate:
    fields: dict[str, Any]
    template: str
    style: dict[str, Any] = field(default_factory=dict)  # section style keys this candidate needs


class Spans:
    """Cut a text into literal pieces and placeholders: `template()` is the text with each
    recorded span replaced by its placeholder."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int, str]] = []

    def put(self, start: int, end: int, placeholder: str) -> None:
        self.spans.append((start, end, placeholder))

    def template(self) -> str:
        out, pos = [], 0
        for start, end, ph in sorted(self.spans):
            if start < pos:
                raise ValueError("overlapping spans")
            out.append(self.text[pos:start])
            out.append(ph)
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


LIST_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])(?:\s|$)")


INNER_BLANKS_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
VERBATIM_RE = re.compile(r"```|~~~|<pre\b|<code\b|<textarea\b", re.I)


def collapse_blanks(line: str) -> str:
    """A line with each run of spaces between two words made one space, outside code spans
    (HTML shows them the same)."""
    code = [m.span() for m in CODE_SPAN_RE.finditer(line)] if "`" in line else []
    return INNER_BLANKS_RE.sub(lambda m: m.group(0) if any(s <= m.start() < e for s, e in code) else " ", line)


def norm(text: str) -> str:
    """Text compared for sameness: blanks that markdown ignores are dropped (trailing blanks other
    than a hard break, runs of spaces inside a line outside code, and the indentation of a line
    that is no list item: a paragraph's lazy continuation lines read the same however far they
    are indented)."""
    lines = text.strip("\n").rstrip().split("\n")
    verbatim = bool(VERBATIM_RE.search(text))
    out = []
    for i, line in enumerate(lines):
        # two trailing blanks are a hard break only before a line that continues the paragraph
        hard = line.endswith("  ") and i < len(lines) - 1 and lines[i + 1].strip() \
            and not LIST_LINE_RE.match(lines[i + 1])
        line = line if hard else line.rstrip()
        if i and not LIST_LINE_RE.match(line):
            line = line.lstrip()
        out.append(line if verbatim else collapse_blanks(line))
    return "\n".join(out)


def renders_as(entry: dict, style: SectionStyle, names: Iterable[str], text: str, number: int = 1) -> bool:
    try:
        out = render_entry(entry, style, list(names), number)
    except Exception:  # a template the renderer rejects is simply not a fit
        return False
    return norm(out) == norm(text)


def unsafe(c: Candidate) -> str | None:
    """Why a candidate may not be used (its template or a value is a piece of HTML), or None."""
    problem = template_problem(c.template)
    if problem:
        return "its HTML would not be balanced in a template: " + problem
    for key, value in c.fields.items():
        values = value if isinstance(value, list) else list(value.keys()) + list(value.values()) \
            if isinstance(value, dict) else [value]
        for v in values:
            problem = value_problem(str(v))
            if problem:
                return f"{key}: {problem}"
    return None


def fit(section_type: str, texts: list[str], parse: Callable[[str], list[Candidate]],
        base: SectionStyle, names: list[str], reasons: list | None = None) -> tuple[SectionStyle, list[dict]]:
    """The section's style (template, layouts) and one entry per text (raw where nothing fits).

    `reasons`, when given, is filled with one reason per text: None for a typed entry, else why it
    is kept raw. A section none of whose entries fits gets no template (style.template == "") and
    `style.no_template` says why: nothing new can be written in its style."""
    cands = [parse(t) for t in texts]
    kind = kinds.of(section_type)
    why: list[str | None] = [None if options else kind.no_parse for options in cands]
    for i, options in enumerate(cands):
        for c in options:
            c.template = make_optional(c.template)  # a later entry may lack a badge, an image...
        safe = [c for c in options if not unsafe(c)]
        if options and not safe:
            why[i] = unsafe(options[0])
        cands[i] = safe
    counts: Counter[tuple] = Counter()
    order: list[tuple] = []
    for options in cands:
        seen = set()
        for c in options:
            key = (c.template, json.dumps(c.style, sort_keys=True))
            if key not in seen:
                seen.add(key)
                counts[key] += 1
                if key not in order:
                    order.append(key)
    ranked = sorted(order, key=lambda k: (-counts[k], order.index(k)))
    # The section-wide style keys (link format, separators...) come from the most used candidate.
    style_keys: dict[str, Any] = {}
    for key in ranked:
        for k, v in json.loads(key[1]).items():
            style_keys.setdefault(k, v)
    style = SectionStyle(**{**base.__dict__})
    for k, v in style_keys.items():
        setattr(style, k, v)
    templates = [t for t, _ in ranked][:MAX_TEMPLATES * 2]
    seen_t: list[str] = []
    for t in templates:
        if t not in seen_t:
            seen_t.append(t)
    assigned: list[tuple[dict, str] | None] = []
    for i, (text, options) in enumerate(zip(texts, cands)):
        chosen = None
        # An item's own candidates, the one whose template most items share first (a parse that
        # makes a per-item detail a field wins when that lets the items share one template).
        for c in sorted(options, key=lambda c: -counts[(c.template, json.dumps(c.style, sort_keys=True))]):
            invalid = kind.validate(c.fields)
            if invalid:
                why[i] = why[i] or "; ".join(invalid.values())
                continue
            for t in seen_t:
                style.template = t
                if renders_as(c.fields, style, names, text):
                    chosen = (c.fields, t)
                    break
            if chosen:
                break
        if options and not chosen and why[i] is None:
            why[i] = "no template writes it back exactly as written"
        assigned.append(chosen)
    used = Counter(t for a in assigned if a for t in [a[1]])
    main = used.most_common(1)[0][0] if used else ""
    layouts: dict[str, str] = {}
    names_for: dict[str, str] = {}
    for t, _ in used.most_common():
        if t == main:
            continue
        if len(layouts) >= MAX_TEMPLATES:
            break
        name = "alt" if not layouts else f"alt{len(layouts) + 1}"
        layouts[name] = t
        names_for[t] = name
    style.template = main
    style.layouts = layouts
    entries: list[dict] = []
    for i, (text, a) in enumerate(zip(texts, assigned)):
        if a is None or (a[1] != main and a[1] not in names_for):
            entries.append({"raw": text.strip("\n")})
            if a is not None:
                why[i] = f"written in a way of its own (more than {MAX_TEMPLATES + 1} templates in the section)"
            continue
        fields_, t = a
        entry = dict(fields_)
        if t != main:
            entry["layout"] = names_for[t]
        if not renders_as(entry, style, names, text):
            entry = {"raw": text.strip("\n")}
            why[i] = "no template writes it back exactly as written"
        entries.append(entry)
    if not main:
        style.no_template = no_template_reason(why)
    if reasons is not None:
        reasons[:] = [None if "raw" not in e else (w or "no template writes it back exactly as written")
                      for e, w in zip(entries, why)]
    return style, entries


def no_template_reason(why: list[str | None]) -> str:
    """One sentence: why a section has no template (its entries' most common reason)."""
    common = Counter(w for w in why if w).most_common(1)
    detail = common[0][0] if common else "the section has no entries"
    return f"no entry template reproduces this section's entries ({detail})"
