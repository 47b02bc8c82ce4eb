"""Give a section declared in site.yml a place on the page: a region under a heading the user
names (the heading's line when the page has it, else a new `# HEADING` at the end)."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import SiteError
from .regions import find_regions, wrap_region
from .store import atomic_write, read_text

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


def _words(text: str) -> str:
    """A heading's words for matching: emoji, markup and case do not matter."""
    return " ".join(re.sub(r"[^\w\s&-]", " ", text).split()).casefold()


def insert_region(text: str, section: str, heading: str, source: str = "page") -> tuple[str, int]:
    """`text` with an empty region for `section` under `heading`; returns (text, line of the
    begin marker). A region of that section already on the page is an error."""
    regions = find_regions(text, source)
    if any(r.section == section for r in regions):
        raise SiteError(f"{source}: already has a region for {section!r}")
    lines = text.splitlines(keepends=True)
    want = _words(heading)
    offset = 0
    for number, line in enumerate(lines, start=1):
        start = offset
        offset += len(line)
        m = HEADING_RE.match(line.rstrip("\n"))
        if not m or _words(m.group(2)) != want:
            continue
        if any(r.body_start <= start < r.body_end for r in regions):
            continue  # a heading inside a generated region is not the user's
        block = wrap_region(section, "") + "\n"
        newline = "" if line.endswith("\n") else "\n"
        return "".join(lines[:number]) + newline + block + "".join(lines[number:]), number + 1
    tail = text if text.endswith("\n") or not text else text + "\n"
    sep = "" if tail.endswith("\n\n") or not tail else "\n"
    new = f"{tail}{sep}# {heading.strip()}\n{wrap_region(section, '')}\n"
    return new, new.count("\n", 0, new.rindex("<!-- homepage-tui:begin")) + 1


def add_region(site, section: str, heading: str) -> tuple[Path, int]:
    """Write the region into the site's page, then render it; returns (page, begin line)."""
    if not heading.strip():
        raise SiteError("name the heading the section goes under (--heading \"Invited Talks\")")
    if section not in site.section_names():
        raise SiteError(f"{site.settings_path}: no section {section!r} (declare it under `sections:`)")
    page = site.page_path
    text, _ = read_text(page)
    new, line = insert_region(text, section, heading, str(page))
    atomic_write(page, new)
    site.render(write=True)
    return page, line
