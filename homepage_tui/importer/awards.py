"""Awards: a year (any text that starts with one: 2023, 2022/23 Fall, 2019&amp;2020), the title,
an optional organisation after the first top-level comma, and an optional `([Link](url))`.

    * 2023/24, Research Award, HKBU ([Link](https://...)).     - *2021* **Champion** in NTIRE
    - Travel Award, 2024                                       - `2025` Outstanding Reviewer
"""

from __future__ import annotations

import re

from .fit import Candidate, Spans
from .news import CLOSE_RE, OPEN_RE, PREFIX_RE, SEP_RE
from .text import split_top

YEAR = (r"(?:\d{4}(?:(?:[./-]|[ ]?&amp;[ ]?|[ ]?&[ ]?|,[ ]?|/)\d{1,4})*(?:[ ](?:Fall|Spring|Summer|Autumn|Winter))?"
        r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4})")
YEAR_RE = re.compile(YEAR)
LINK_RE = re.compile(r"(?P<lk> \(\[Link\]\((?P<url>[^)\s]*)\)\))(?P<end>\.?)$")
TAIL_YEAR_RE = re.compile(rf"(?P<sep>,[ \t]*)(?P<o>\*{{1,2}}|_{{1,2}})?(?P<year>{YEAR})(?P<c>\*{{1,2}}|_{{1,2}})?"
                          r"(?P<end>[.,]?)$")


def _title_org(sp: Spans, body: str, start: int, end: int, fields: dict) -> None:
    """Put `{title}{?org}, {org}{/org}` (and a link) for body[start:end]."""
    segment = body[start:end]
    link = LINK_RE.search(segment)
    tail = ""
    if link:
        fields_link = link.group("url")
        tail = "{?link} ([Link]({link}))" + link.group("end") + "{/link}"
        segment = segment[:link.start()]
    parts = split_top(segment, ", ")
    if len(parts) > 1 and parts[0].strip() and "".join(parts[1:]).strip():
        fields["title"] = parts[0]
        fields["org"] = ", ".join(parts[1:])
    else:
        fields["title"] = segment
    placeholder = "{title}{?org}, {org}{/org}" + tail
    if link:
        fields["link"] = fields_link
    sp.put(start, end, placeholder)


def parse(text: str) -> list[Candidate]:
    body = text.rstrip()
    if "\n" in body:
        return []
    m = PREFIX_RE.match(body)
    if not m:
        return []
    out = []
    # the year first, maybe wrapped: *2023*, `2025`, [2024], 2024.05<TAB>
    o = OPEN_RE.match(body, m.end())
    y = YEAR_RE.match(body, o.end())
    if y:
        c = CLOSE_RE.match(body[y.end():])
        after = y.end() + c.end()
        s = SEP_RE.match(body[after:])
        pos = after + s.end()
        if pos < len(body) and (s.end() or c.end()):
            sp = Spans(body)
            fields = {"year": y.group(0)}
            sp.put(y.start(), y.end(), "{year}")
            _title_org(sp, body, pos, len(body), fields)
            out.append(Candidate(_ordered(fields), sp.template()))
    # the year last: "Travel Award, 2024"
    t = TAIL_YEAR_RE.search(body)
    if t and t.group("o") != t.group("c"):
        t = None
    if t and t.start() > m.end():
        sp = Spans(body)
        fields = {"year": t.group("year")}
        _title_org(sp, body, m.end(), t.start(), fields)
        sp.put(t.start("year"), t.end("year"), "{year}")
        out.append(Candidate(_ordered(fields), sp.template()))
    if not out and body[m.end():].strip():
        # no year anywhere: an undated award, the whole text its title (and organisation)
        sp = Spans(body)
        fields = {}
        _title_org(sp, body, m.end(), len(body), fields)
        out.append(Candidate(_ordered(fields), sp.template()))
    return out


def _ordered(fields: dict) -> dict:
    return {k: fields[k] for k in ("year", "title", "org", "link") if k in fields}
