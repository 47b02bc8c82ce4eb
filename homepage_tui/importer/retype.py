"""A raw entry made typed (the editor's `t`): the importer's parsers read the raw text, and the
section's own templates must write the fields back. The result says whether the page will read
exactly as the raw text did, so the user sees it before choosing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .. import kinds, model
from ..render import SectionStyle, render_entry, render_tree_item
from . import tree
from .fit import norm, renders_as
from .parsers import parser_for


@dataclass
class Retyped:
    fields: dict[str, Any]  # the typed entry, with the raw entry's other keys (selectors) kept
    markdown: str  # how the page will write it
    same: bool  # True when that is the raw text itself (blanks markdown ignores aside)


def retype(section_type: str, entry: Mapping[str, Any], style: SectionStyle,
           names: Iterable[str] = ()) -> Retyped | None:
    """The typed form of raw entry `entry`, or None when its text does not parse as an entry
    of this section's type. An exact fit with the section's template (or one of its layouts)
    is preferred; else the first valid parse, written by the main template."""
    names = list(names)
    kind = kinds.of(section_type)
    text = model.text_of(entry.get("raw")).strip("\n")
    kept = {k: v for k, v in entry.items() if k != "raw"}
    if not text.strip():
        return None
    if kind.nested:
        parsed = tree.parse(text)
        if parsed is None or kind.validate(parsed[0]):
            return None
        fields = {**parsed[0], **kept}
        markdown = render_tree_item(fields, style)
        return Retyped(fields, markdown, norm(markdown) == norm(text))
    parse = parser_for(kind, names, style.own_name, authors_always=True)
    valid = [c for c in parse(text) if not kind.validate(c.fields)]
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
