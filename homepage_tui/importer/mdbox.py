"""Paper boxes with markdown inside, written line by line (the forms `parse_box` does not read):

    <div class='paper-box'> ... <div class="badge">CHI 2024</div> <img src='x.png'> ...
      <div class='paper-box-text' markdown="1">
    **"Title"**                                  or  [Title](url)   or  <font color="c">Title
    **Me**, Other, and Last.                          </font>
    *Venue, 2024.*                                    Me, Other\\
    <span class='show_paper_citations' data='x'></span> · [DOI](u) · [PDF](u)      **Venue** | [PDF](u)
      </div>
    </div>

Each non-blank line of the box's text is one part: the title first, then the authors (a line that
is a list of names), then the venue, a line of links, the citation badge and notes, in any order
after the authors. Each value is cut out where it was found; the rest is the template, so `fit`
accepts the entry only when it renders exactly as the box.
"""

from __future__ import annotations

import re

from . import authors as au
from .fit import Candidate, Spans

TEXT_DIV_RE = re.compile(r"""<div\s+class=['"]paper-box-text['"][^>]*markdown=['"]1['"][^>]*>[ \t]*\r?\n""")
TAIL_RE = re.compile(r"(?:\r?\n[ \t]*</div>[ \t]*)+$")
BADGE_RE = re.compile(r"""class=["']badge["']>(?P<b>[^<]+)</div>""")
IMG_RE = re.compile(r"""<img\s+src=['"](?P<i>[^'"]+)['"]""")
LINE_END_RE = re.compile(r"(?:\\\\|[ \t]{2,}|[ \t]*<br\s*/?>)?[ \t]*\r?$")
CITATION_RE = re.compile(r"""<span class=['"]show_paper_citations['"] data=['"](?P<c>[^'"]+)['"]></span>""")
TITLE_FORMS = [
    re.compile(r'^\*\*"(?P<t>[^"]{8,}?)"(?P<x>[.:]?)\*\*$'),
    re.compile(r"^\*\*\[(?P<t>[^\]]{8,}?)\]\((?P<u>[^)\s]+)\)\*\*$"),
    re.compile(r"^\[\*\*(?P<t>[^\]*]{8,}?)\*\*\]\((?P<u>[^)\s]+)\)$"),
    re.compile(r"^\[(?P<t>[^\]\[]{8,}?)\]\((?P<u>[^)\s]+)\)$"),
    re.compile(r"^\*\*(?P<t>[^*]{8,}?)(?P<x>[.:]?)\*\*$"),
    re.compile(r"^<font[^<>]*>(?P<t>[^<]{8,}?)[ \t]*(?:</font>)?$"),
]
LINKS_LINE_RE = re.compile(r"^(?:\[[^\]\[]+\]\([^)\s]+\)|\[\[[^\]\[]+\]\([^)\s]+\)\]|\[\*\*[^\]*]+\*\*\]\([^)\s]+\))"
                           r"(?:[ \t]*[,|·•/][ \t]*|[ \t]+)?")


def _lines(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line's content in body[start:end], without its
    indentation and its hard line break (`\\`, two blanks, `<br>`)."""
    out = []
    pos = start
    for line in body[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip() or line.strip() == "</font>":
            continue
        lead = len(line) - len(line.lstrip())
        brk = LINE_END_RE.search(line)
        out.append((s + lead, s + (brk.start() if brk else len(line.rstrip()))))
    return out


def parse(text: str, venue, links_run, set_links_style, finish, with_alternatives) -> list[Candidate]:
    body = text.rstrip()
    head = TEXT_DIV_RE.search(body)
    tail = TAIL_RE.search(body)
    if not head or not tail or tail.start() <= head.end() or "<!--" in body:
        return []
    sp = Spans(body)
    fields: dict = {}
    style: dict = {}
    b = BADGE_RE.search(body, 0, head.start())
    if b and b.group("b").strip():
        fields["badge"] = b.group("b")
        sp.put(b.start("b"), b.end("b"), "{badge}")
    i = IMG_RE.search(body, 0, head.start())
    if i:
        fields["image"] = i.group("i")
        sp.put(i.start("i"), i.end("i"), "{image}")
    units = _lines(body, head.end(), tail.start())
    if len(units) < 2:
        return []
    # the title
    s, e = units[0]
    t = next((m for m in (f.match(body[s:e]) for f in TITLE_FORMS) if m), None)
    if t is None:
        line = body[s:e]
        if line[:1] in "<*[!" or au.is_name(line):
            return []
        fields["title"] = line
        sp.put(s, e, "{title}")
    else:
        fields["title"] = t.group("t").strip()
        sp.put(s + t.start("t"), s + t.start("t") + len(fields["title"]), "{title}")
        if t.groupdict().get("u"):
            fields["url"] = t.group("u")
            sp.put(s + t.start("u"), s + t.end("u"), "{url}")
    pieces = None
    notes = 0
    for s, e in units[1:]:
        line = body[s:e]
        if pieces is None:  # the authors come first after the title
            stripped = line.rstrip(".")
            found = au.find_authors(body[:s + len(stripped)], s)
            if not found or found[0] != s + len(stripped):
                if _links_only(line):
                    pass  # a links line before the authors (Code, WebServer)
                else:
                    return []
            else:
                pieces = found[1]
                sp.put(s, s + len(stripped), "{authors}")
                continue
        c = CITATION_RE.search(line)
        if c and "citation" not in fields:
            fields["citation"] = c.group("c")
            sp.put(s + c.start("c"), s + c.end("c"), "{citation}")
            rest = line[c.end():]
            gap = re.match(r"[ \t]*[·•|,]?[ \t]*", rest)
            s2 = s + c.end() + gap.end()
            if s2 >= e:
                continue
            s, line = s2, body[s2:e]
        if _links_only(line) and "links" not in fields:
            run = links_run(body, s, e)
            if run and run[0] == s and run[1] == e:
                fields["links"] = run[2]
                set_links_style(style, run[3], run[4])
                sp.put(run[0], run[1], "{links}")
                continue
        if "venue" not in fields and pieces is not None:
            if venue(sp, body, s, e, fields, style):
                continue
            return []
        notes += 1
        if notes > 3:
            return []
        key = "note" if notes == 1 else f"note{notes}"
        fields[key] = line
        sp.put(s, e, "{" + key + "}")
    if pieces is None or not fields.get("title", "").strip():
        return []
    return with_alternatives(finish(sp, fields, style, pieces))


def _links_only(line: str) -> bool:
    pos = 0
    while pos < len(line):
        m = LINKS_LINE_RE.match(line, pos)
        if not m or m.end() == pos:
            return False
        pos = m.end()
    return bool(line)
