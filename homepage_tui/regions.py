"""Generated regions in a page: find them, and replace their bodies. Pure text functions.

A region is the body of a managed section between two HTML comments:

    <!-- homepage-tui:begin publications -->
    ...generated...
    <!-- homepage-tui:end publications -->

A begin marker may carry a selector, `<!-- homepage-tui:begin publications kind=preprint -->`:
that region shows only the entries whose field matches, and the section's region without a
selector shows the rest.
"""

from __future__ import annotations

import re
from .errors import SiteError
from .record import Record

BEGIN_RE = re.compile(r"^<!--\s*homepage-tui:begin\s+([\w.-]+)((?:[ \t]+[\w-]+=[^\s>]+)*)[ \t]*-->[ \t]*\r?$", re.M)
END_RE = re.compile(r"^<!--\s*homepage-tui:end\s+([\w.-]+)[^\n]*?-->[ \t]*\r?$", re.M)
ANY_MARKER_RE = re.compile(r"homepage-tui:(begin|end)\b")


class Region(Record):
    FIELDS = ("section", "selector", "body_start", "body_end", "line")

    def __init__(self, section: str, selector: dict[str, str] | None = None, body_start: int = 0,
                 body_end: int = 0, line: int = 0):
        self.section = section
        self.selector = {} if selector is None else selector
        self.body_start = body_start  # offset just after the begin marker's line
        self.body_end = body_end  # offset of the end marker's line
        self.line = line  # 1-based line of the begin marker

    @property
    def key(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        return (self.section, tuple(sorted(self.selector.items())))

    def begin_marker(self) -> str:
        sel = "".join(f" {k}={v}" for k, v in sorted(self.selector.items()))
        return f"<!-- homepage-tui:begin {self.section}{sel} -->"


def find_regions(text: str, source: str = "page") -> list[Region]:
    """The regions of `text` in order; a marker without its partner is an error."""
    begins = list(BEGIN_RE.finditer(text))
    ends = list(END_RE.finditer(text))
    events = sorted([(m.start(), "begin", m) for m in begins] + [(m.start(), "end", m) for m in ends])
    regions: list[Region] = []
    open_region: Region | None = None
    for pos, kind, m in events:
        line = text.count("\n", 0, pos) + 1
        if kind == "begin":
            if open_region is not None:
                raise SiteError(f"{source}:{line}: region {m.group(1)!r} begins inside region "
                                f"{open_region.section!r} (line {open_region.line}), which has no end marker")
            selector = dict(kv.split("=", 1) for kv in m.group(2).split())
            body_start = m.end() + 1 if text[m.end():m.end() + 1] == "\n" else m.end()
            open_region = Region(m.group(1), selector, body_start=body_start, line=line)
        else:
            if open_region is None:
                raise SiteError(f"{source}:{line}: end marker for {m.group(1)!r} has no begin marker")
            if m.group(1) != open_region.section:
                raise SiteError(f"{source}:{line}: end marker for {m.group(1)!r} closes region "
                                f"{open_region.section!r} (line {open_region.line})")
            open_region.body_end = m.start()
            regions.append(open_region)
            open_region = None
    if open_region is not None:
        raise SiteError(f"{source}:{open_region.line}: region {open_region.section!r} has no end marker")
    for m in ANY_MARKER_RE.finditer(text):
        # A marker that is not a line of its own would be ignored without a word: say so.
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        whole = text[line_start: line_end if line_end >= 0 else len(text)]
        if not (BEGIN_RE.fullmatch(whole) or END_RE.fullmatch(whole)):
            raise SiteError(f"{source}:{text.count(chr(10), 0, m.start()) + 1}: a homepage-tui marker must be "
                            "a line of its own: <!-- homepage-tui:begin NAME --> or <!-- homepage-tui:end NAME -->")
    return regions


def region_block(body: str) -> str:
    """What goes between the markers: blank lines keep kramdown from gluing the body to them."""
    return f"\n{body}\n\n" if body.strip() else ""


def replace_regions(text: str, bodies: dict, source: str = "page", regions: list[Region] | None = None) -> str:
    """`text` with each region's body replaced by `bodies[region.key]` (regions not named are kept).
    `regions`: find_regions(text) when the caller has it already."""
    regions = find_regions(text, source) if regions is None else regions
    out: list[str] = []
    pos = 0
    for region in regions:
        if region.key not in bodies:
            continue
        out.append(text[pos:region.body_start])
        # A page written with CRLF line ends gets them inside its regions too.
        crlf = text[region.body_start - 2:region.body_start] == "\r\n"
        block = region_block(bodies[region.key])
        out.append(block.replace("\n", "\r\n") if crlf else block)
        pos = region.body_end
    out.append(text[pos:])
    return "".join(out)


def wrap_region(section: str, body: str, selector: dict[str, str] | None = None) -> str:
    """A complete region (markers and body) for a section, as the importer writes it."""
    r = Region(section, dict(selector or {}))
    return f"{r.begin_marker()}\n{region_block(body)}<!-- homepage-tui:end {section} -->"
