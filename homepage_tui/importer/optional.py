"""Make the optional parts of an induced template conditional.

A template induced from entries that all have a badge writes `<div class="badge">{badge}</div>`;
a paper added later without one would show an empty badge box (and without an image, a broken
image). So the HTML element that holds an optional field is wrapped in `{?field}…{/field}`, and a
linked title (`[{title}]({url})` or `<a href="{url}">{title}</a>`) gets a plain fallback. Entries
that have the field render exactly as before (the importer's self-check still verifies every entry
against the page).
"""

from __future__ import annotations

import re

WRAPPED_FIELDS = ("badge", "image", "citation")
VOID_TAGS = {"img", "br", "hr", "input", "source"}
OPEN_TAG_RE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>$")
HTML_TITLE_LINK_RE = re.compile(r"""<a\s+href=(['"])\{url\}\1[^<>]*>(?P<inner>(?:(?!</a>).)*?\{title\}(?:(?!</a>).)*?)</a>""",
                                re.S)


def _enclosing_tag(template: str, pos: int) -> tuple[int, int] | None:
    """The span of the tag `pos` sits inside (e.g. in an attribute), or None."""
    start = template.rfind("<", 0, pos)
    if start < 0 or template.rfind(">", 0, pos) > start:
        return None
    end = template.find(">", pos)
    return (start, end + 1) if end >= 0 else None


def _element_span(template: str, field: str) -> tuple[int, int] | None:
    """The smallest HTML element(s) that hold only `{field}`, or None when it stands in text."""
    pos = template.find("{" + field + "}")
    if pos < 0:
        return None
    start, end = pos, pos + len(field) + 2
    tag = _enclosing_tag(template, pos)
    if tag:
        start, end = tag
        name = re.match(r"<([A-Za-z][A-Za-z0-9-]*)", template[start:end])
        if name and name.group(1).lower() not in VOID_TAGS and not template[start:end].endswith("/>"):
            close = template.find(f"</{name.group(1)}>", end)
            if close < 0:
                return None
            end = close + len(name.group(1)) + 3
    wrapped = tag is not None
    # Grow outwards while the element is the only content of its parent.
    while True:
        opening = OPEN_TAG_RE.search(template, 0, start)
        if not opening:
            break
        close = f"</{opening.group(1)}>"
        if not template.startswith(close, end):
            break
        start, end = opening.start(), end + len(close)
        wrapped = True
    return (start, end) if wrapped else None


def make_optional(template: str) -> str:
    for field in WRAPPED_FIELDS:
        if "{?" + field + "}" in template or template.count("{" + field + "}") != 1:
            continue
        span = _element_span(template, field)
        if span:
            start, end = span
            template = f"{template[:start]}{{?{field}}}{template[start:end]}{{/{field}}}{template[end:]}"
    if "{?emoji}" not in template and template.count("{emoji} ") == 1:
        template = template.replace("{emoji} ", "{?emoji}{emoji} {/emoji}")
    if "{?url}" not in template and template.count("[{title}]({url})") == 1:
        template = template.replace("[{title}]({url})", "{?url}[{title}]({url}){/url}{!url}{title}{/url}")
    if "{?url}" not in template and template.count("{url}") == 1:
        a = HTML_TITLE_LINK_RE.search(template)
        if a:
            inner = a.group("inner")
            template = (f"{template[:a.start()]}{{?url}}{a.group(0)}{{/url}}{{!url}}{inner}{{/url}}"
                        f"{template[a.end():]}")
    return template
