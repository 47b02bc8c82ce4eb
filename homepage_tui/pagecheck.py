"""The check every regenerated page passes before it is written: a change to content may change
what the regions show, never the page around them. Pure text functions.

Compared with the page as it was: the same headings, the same region markers in the same order,
and no HTML tag left open (or closed twice) in a region that was balanced before. One problem is
enough to refuse the whole change; the message names the file, the line and the reason.
"""

from __future__ import annotations

import re

from .errors import SiteError
from .htmlcheck import markup_only, new_problems
from .regions import find_regions

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)


def headings(text: str) -> list[str]:
    """The page's markdown headings (`#` lines outside comments, code and front matter)."""
    fm = FRONT_MATTER_RE.match(text)
    body = (re.sub(r"[^\n]", " ", fm.group(0)) + text[fm.end():]) if fm else text
    out = []
    for line in markup_only(body).split("\n"):
        m = HEADING_RE.match(line.rstrip("\r"))
        if m:
            out.append(f"{m.group(1)} {m.group(2)}")
    return out


def problems(before: str, after: str, source: str) -> list[str]:
    """What `after` breaks that `before` had right, as `source:LINE: reason` lines."""
    out: list[str] = []
    try:
        new_regions = find_regions(after, source)
    except SiteError as exc:
        return [f"{exc} (the region markers would not be intact)"]
    old_regions = find_regions(before, source)
    if [r.key for r in old_regions] != [r.key for r in new_regions]:
        return [f"{source}: the region markers would change "
                f"({len(old_regions)} regions before, {len(new_regions)} after)"]
    old_heads, new_heads = headings(before), headings(after)
    if old_heads != new_heads:
        gone = [h for h in old_heads if h not in new_heads]
        added = [h for h in new_heads if h not in old_heads]
        what = f"heading {gone[0]!r} would no longer be a heading" if gone else \
            f"{added[0]!r} would become a heading" if added else "the headings would change order"
        out.append(f"{source}: {what}")
    for old, new in zip(old_regions, new_regions):
        body_before = before[old.body_start:old.body_end]
        body_after = after[new.body_start:new.body_end]
        if body_after == body_before:
            continue  # an unchanged region adds no problem (an edit changes one region or few)
        if _open_comment(body_after) >= 0 and _open_comment(body_before) < 0:
            line = after.count("\n", 0, new.body_start + _open_comment(body_after)) + 1
            out.append(f"{source}:{line}: an HTML comment in region {new.section!r} never ends; "
                       "it would hide the region's end marker and the page after it")
            continue
        for tag, pos in new_problems(body_before, body_after):
            line = after.count("\n", 0, new.body_start + pos) + 1
            verb = "closes a tag that was never opened" if tag.startswith("</") else "is never closed"
            out.append(f"{source}:{line}: {tag} in region {new.section!r} {verb}; "
                       "it would hide or garble the page after it")
    return out


def _open_comment(text: str) -> int:
    """The offset of a `<!--` that never ends, or -1."""
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return start
        pos = end + 3
    return -1


def ensure_safe(pages: dict, relative) -> None:
    """Raise a SiteError (the first problem) when any page's new text breaks it.
    `pages`: path -> (text now, text to write); `relative(path)` names it in messages."""
    found: list[str] = []
    for path, (old, new) in pages.items():
        if old != new:
            found += problems(old, new, relative(path))
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise SiteError(f"{found[0]}{more}; nothing was written")
