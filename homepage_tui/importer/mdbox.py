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
TAIL_RE = re.compile(r"(?:\r?\n[ \t]*(?:</div>[ \t]*)+)+$")
BADGE_RE = re.compile(r"""class=["']badge["']>(?P<b>[^<]+)</div>""")
IMG_RE = re.compile(r"""<img\s+src=['"](?P<i>[^'"]+)['"]""")
LINE_END_RE = re.compile(r"(?:\\\\|[ \t]{2,}|[ \t]*<br\s*/?>)?[ \t]*\r?$")
CITATION_RE = re.compile(r"""<span class=['"]show_paper_citations['"] data=['"](?P<c>[^'"]+)['"]></span>""")
TITLE_FORMS = [
    # a bold label before the title: "**ICML 2025** [Title](url)"
    re.compile(r"^\*\*(?P<pre>[^*]{2,40}?)\*\*[ \t]+\[(?P<t>[^\]\[]{8,}?)\]\((?P<u>[^)\s]+)\)$"),
    re.compile(r"^\*\*(?P<pre>[^*]{2,40}?)\*\*[ \t]+(?P<t>[^*\[<\s][^*\[<]{7,}?)$"),
    re.compile(r'^\*\*"(?P<t>[^"]{8,}?)"(?P<x>[.:]?)\*\*$'),
    re.compile(r"^\*\*\[(?P<t>[^\]]{8,}?)\]\((?P<u>[^)\s]+)\)\*\*$"),
    re.compile(r"^\[\*\*(?P<t>[^\]*]{8,}?)\*\*\]\((?P<u>[^)\s]+)\)$"),
    re.compile(r"^\[(?P<t>[^\]\[]{8,}?)\]\((?P<u>[^)\s]+)\)$"),
    re.compile(r"^\*\*(?P<t>[^*]{8,}?)(?P<x>[.:]?)\*\*$"),
    re.compile(r"^<font[^<>]*>(?P<t>[^<]{8,}?)[ \t]*(?:</font>)?$"),
]
LINKS_LINE_RE = re.compile(r"(?:\[[^\]\[]+\]\([^)\s]+\)|\[\[[^\]\[]+\]\([^)\s]+\)\]|\[\*\*[^\]*]+\*\*\]\([^)\s]+\))"
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
        if t.groupdict().get("pre"):
            fields["label"] = t.group("pre")
            sp.put(s + t.start("pre"), s + t.end("pre"), "{label}")
    pieces = None
    notes = 0
    rest_units = units[1:]
    # highlights: consecutive "- " lines
    h = [k for k, (s, e) in enumerate(rest_units) if body[s:e].startswith("- ")]
    if h and h == list(range(h[0], h[-1] + 1)):
        hs, he = rest_units[h[0]][0], rest_units[h[-1]][1]
        lines = body[hs:he].split("\n")
        items = [ln[2:] for ln in lines]
        if all(ln.startswith("- ") for ln in lines):
            fields["highlights"] = items
            sp.put(hs, he, "{highlights}")
            rest_units = rest_units[:h[0]] + [(-1, -1)] + rest_units[h[-1] + 1:]
    for s, e in rest_units:
        if s < 0:
            continue
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
            wrap = re.search(r"(?:[ \t]*[·•|,]?[ \t]*<strong>)?$", line[:c.start()])
            close = re.match(r"(?:</strong>)?[ \t]*[·•|,]?[ \t]*", line[c.end():])
            if wrap.start() > 0 and c.end() + close.end() >= len(line):
                e = s + wrap.start()  # the line's links (or venue) before the citation
                line = body[s:e]
            else:
                s2 = s + c.end() + close.end()
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
