"""The fields a section's templates write: `{field}`, `{field|period}`, `{?field}…{/field}` and
`{!field}…{/field}` in the entry template and its layouts. The editor gives a template field
that no form knows (a `citation`, an `extra`) a plain text input."""

from __future__ import annotations

import re

from .render import SectionStyle

FIELD_RE = re.compile(r"\{[?!/]?(\w+)(?:\|\w+)?\}")
COMPUTED = {"n"}  # written by the renderer (the entry's number), never stored


def template_fields(style: SectionStyle) -> list[str]:
    """Every field the section's templates name, in the order they first appear."""
    seen: list[str] = []
    for template in [style.template, *style.layouts.values()]:
        for m in FIELD_RE.finditer(template or ""):
            name = m.group(1)
            if name not in seen and name not in COMPUTED:
                seen.append(name)
    return seen
