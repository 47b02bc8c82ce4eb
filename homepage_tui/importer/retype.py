"""A raw entry made typed (the editor's `t`): the importer's parsers read the raw text, and the
section's own templates must write the fields back. The result says whether the page will read
exactly as the raw text did, so the user sees it before choosing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .. import model
from ..render import SectionStyle, render_entry, render_tree_item
from . import authors as au
from . import awards, news, publications, tree
from .fit import Candidate, norm, renders_as


@dataclass
class Retyped:
    fields: dict[str, Any]  # the typed entry, with the raw entry's other keys (selectors) kept
    markdown: str  # how the page will write it
    same: bool  # True when that is the raw text itself (blanks markdown ignores aside)


def _candidates(section_type: str, text: str, style: SectionStyle, names: list[str]) -> list[Candidate]:
    if section_type == model.NEWS:
        return news.parse(text)
    if section_type == model.AWARDS:
        return awards.parse(text)
    if section_type == model.PUBLICATIONS:
        out = []
        for c in publications.parse(text):
            stored, bold = au.store(list(c.fields.get("authors") or []), names, style.own_name)
            fields = {**c.fields, "authors": stored}
            if bold:
                fields["bold"] = bold
            out.append(Candidate(fields, c.template, c.style))
        return out
    return []


def retype(section_type: str, entry: Mapping[str, Any], style: SectionStyle,
           names: Iterable[str] = ()) -> Retyped | None:
    """The typed form of raw entry `entry`, or None when its text does not parse as an entry
    of this section's type. An exact fit with the section's template (or one of its layouts)
    is preferred; else the first valid parse, written by the main template."""
    names = list(names)
    text = model.text_of(entry.get("raw")).strip("\n")
    kept = {k: v for k, v in entry.items() if k != "raw"}
    if not text.strip():
        return None
    if section_type == model.TREE:
        parsed = tree.parse(text)
        if parsed is None or model.validate_entry(model.TREE, parsed[0]):
            return None
        fields = {**parsed[0], **kept}
        markdown = render_tree_item(fields, style)
        return Retyped(fields, markdown, norm(markdown) == norm(text))
    valid = [c for c in _candidates(section_type, text, style, names)
             if not model.validate_entry(section_type, c.fields)]
    if not valid:
        return None
    layouts = [None, *style.layouts]
    for c in valid:
        for layout in layouts:
            fields = {**c.fields, **({"layout": layout} if layout else {}), **kept}
            if renders_as(fields, style, names, text):
                return Retyped(fields, render_entry(fields, style, names), True)
    fields = {**valid[0].fields, **kept}
    return Retyped(fields, render_entry(fields, style, names), False)
