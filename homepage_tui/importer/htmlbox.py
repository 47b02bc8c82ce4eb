"""Paper boxes written in HTML only (no `markdown="1"`, so kramdown leaves their inside alone).

    <div class='paper-box'><div class='paper-box-image'>
        <div class="badge">TRO</div><img src='images/x.gif' alt="X Demo" width="100%"></div>
      <div class='paper-box-text'>
        <h3><a href="https://x.io">Title</a></h3>       or   <a href="https://x.io"><papertitle> Title </papertitle></a>
        <div class="authors"><span class="accent-text">Me</span>, A, B*</div>   or   <br> <strong>Me</strong>, A. <br>
        <div class="venue">IEEE TRO 2025</div>          or   <em>Measurement</em>, 2024 <a href="https://c">[code]</a>
        <div class="links"><a href="https://p" class="btn"><i class="fas fa-home"></i> Project</a> ...</div>
        <p>A sentence about the paper.</p>
      </div></div>

The values are cut out where they were found and the rest of the box is the template, as for the
other forms. The title is the first link (or heading) with a title's length; after it, each run
of text between line breaks, `<br>`, `<div>` and `<p>` is in turn the authors, the venue and notes;
a run of links with one separator is `links`. A box whose template would still hold words of its
own (text outside tags that is no field) is not a form this parser knows: it is left raw.
"""

from __future__ import annotations

import re

from . import authors as au
from .fit import Candidate, Spans
from .text import split_top

BOX_RE = re.compile(r"""^\s*<div\s+class=['"]paper-box\b""")
TEXT_DIV_RE = re.compile(r"""<div\s+class=['"]paper-box-text['"](?P<attrs>[^>]*)>""")
IMG_RE = re.compile(r"""<img\s[^>]*?\bsrc=(['"])(?P<v>[^'"]*)\1[^>]*>""")
ALT_RE = re.compile(r"""\balt=(['"])(?P<v>[^'"]*)\1""")
BADGE_RE = re.compile(r"""<div\s+class=['"]badge\b[^'"]*['"]>\s*(?P<v>[^<\s][^<]*?)\s*</div>""")
TITLE_RES = [
    re.compile(r"""<a\s+href=(['"])(?P<u>[^'"]*)\1[^>]*>\s*(?:<(?P<tag>papertitle|strong|b|em)>\s*)?"""
               r"""(?P<t>[^<\s][^<]{11,}?)\s*(?:</(?P=tag)>\s*)?</a>"""),
    re.compile(r"""<(?P<tag>h[1-6]|papertitle|strong|b)\b[^>]*>\s*(?P<t>[^<\s][^<]{11,}?)\s*</(?P=tag)>"""),
]
ANCHOR_RE = re.compile(r"""<a\s+href=(?P<q>['"])(?P<u>[^'"]*)(?P=q)(?P<attrs>[^>]*)>(?P<n>(?:(?!</a>)[^\n])*?)</a>""")
BOUNDARY_RE = re.compile(r"<br\s*/?>|</?(?:div|p|h[1-6]|ul|ol|li|table|tr|td)\b[^>]*>|\n")
CONTAINER_RE = re.compile(r"""<div\s+class=['"](?P<c>[\w-]+)['"]>$""")
EM_VENUE_RE = re.compile(r"^<(?P<tag>em|i|strong|b)>(?P<lead>\s*)(?P<v>[^<]*?)\s*</(?P=tag)>")
TAIL_RE = re.compile(r"^(?P<sep>,\s*)(?P<year>\d{4})(?:(?P<gap>\s+)(?P<note>\S.*?))?$")
TAG_RE = re.compile(r"<[^<>]*>")
PLACEHOLDER_RE = re.compile(r"\{[?!/]?\w+(?:\|\w+)?\}")
ENTITY_RE = re.compile(r"&#?\w+;")


def is_html_box(text: str) -> bool:
    head = TEXT_DIV_RE.search(text)
    return bool(BOX_RE.match(text)) and head is not None and "markdown" not in head.group("attrs")


def _links(body: str, start: int, end: int) -> tuple[int, int, dict, str, str | None] | None:
    """The first run of links in body[start:end] that share their attributes and separator:
    (start, end, {name: url}, link format, separator or None for a single link)."""
    found = list(ANCHOR_RE.finditer(body, start, end))
    for i, first in enumerate(found):
        if not TAG_RE.sub("", first.group("n")).strip():
            continue
        run, sep = [first], None
        for m in found[i + 1:]:
            between = body[run[-1].end():m.start()]
            if between.strip() or (sep is not None and between != sep) or (
                    m.group("attrs"), m.group("q")) != (first.group("attrs"), first.group("q")):
                break
            sep = between
            run.append(m)
        names = [m.group("n") for m in run]
        bracketed = all(n.startswith("[") and n.endswith("]") and len(n) > 2 for n in names)
        if bracketed:
            names = [n[1:-1] for n in names]
        if len(set(names)) != len(names):
            return None
        q = first.group("q")
        form = f"<a href={q}{{url}}{q}{first.group('attrs')}>" + ("[{name}]" if bracketed else "{name}") + "</a>"
        return run[0].start(), run[-1].end(), dict(zip(names, (m.group("u") for m in run))), form, sep
    return None


def _chunks(body: str, start: int, end: int, skip: tuple[int, int] | None) -> list[tuple[int, int, str]]:
    """The runs of text in body[start:end] between block boundaries, as (start, end, container
    class), leaving out the span `skip` (the links)."""
    out = []
    pos = start
    container = ""
    marks = [(m.start(), m.end(), m.group(0)) for m in BOUNDARY_RE.finditer(body, start, end)]
    if skip:
        marks = [mk for mk in marks if not (skip[0] <= mk[0] < skip[1])] + [(skip[0], skip[1], "")]
        marks.sort()
    for ms, me, tag in marks + [(end, end, "")]:
        seg = body[pos:ms]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if seg.strip():
            out.append((pos + lead, ms - trail, container))
        if tag != "\n" or seg.strip():
            c = CONTAINER_RE.match(tag)
            container = c.group("c") if c else ""
        pos = max(pos, me)
    return out


def _own_words(template: str) -> bool:
    """Whether the template holds text of its own (outside tags and placeholders)."""
    rest = ENTITY_RE.sub("", TAG_RE.sub("", PLACEHOLDER_RE.sub("", template)))
    return bool(re.search(r"\w", rest))


def parse(text: str) -> list[Candidate]:
    body = text.rstrip()
    head = TEXT_DIV_RE.search(body)
    if not is_html_box(body) or "<!--" in body:
        return []
    sp = Spans(body)
    fields: dict = {}
    img = IMG_RE.search(body, 0, head.start())
    alt = None
    if img:
        fields["image"] = img.group("v")
        sp.put(img.start("v"), img.end("v"), "{image}")
        a = ALT_RE.search(img.group(0))
        if a and a.group("v").strip():
            alt = (img.start() + a.start("v"), img.start() + a.end("v"), a.group("v"))
    b = BADGE_RE.search(body, 0, head.start())
    if b:
        fields["badge"] = b.group("v")
        sp.put(b.start("v"), b.end("v"), "{badge}")
    start = head.end()
    t = None
    for pattern in TITLE_RES:
        t = pattern.search(body, start)
        if t and not au.is_name(t.group("t")):
            break
        t = None
    if t is None or body[start:t.start()].strip(" \t\n") and TAG_RE.sub("", body[start:t.start()]).strip():
        return []
    fields["title"] = t.group("t").strip()
    sp.put(t.start("t"), t.start("t") + len(fields["title"]), "{title}")
    if t.groupdict().get("u") is not None:
        fields["url"] = t.group("u")
        sp.put(t.start("u"), t.end("u"), "{url}")
    links = _links(body, t.end(), len(body))
    chunks = _chunks(body, t.end(), len(body), links[:2] if links else None)
    if not chunks:
        return []
    # authors
    s, e, container = chunks[0]
    while e > s and body[e - 1] in ".,; \t":
        e -= 1
    found = au.find_authors(body[:e], s)
    if found and found[0] == e:
        pieces = found[1]
    elif container == "authors":  # the page says these are the authors, whatever they look like
        pieces = split_top(body[s:e], ", ")
    else:
        return []
    sp.put(s, e, "{authors}")
    # venue (and a year, and a note after it)
    after_year = None
    if len(chunks) > 1:
        s, e, _ = chunks[1]
        chunk = body[s:e]
        m = EM_VENUE_RE.match(chunk)
        tail = TAIL_RE.match(chunk[m.end():]) if m else None
        if m and m.group("v") and (tail or not chunk[m.end():].strip()):
            fields["venue"] = m.group("v")
            sp.put(s + m.start("v"), s + m.end("v"), "{venue}")
            if tail:
                base = s + m.end()
                fields["year"] = tail.group("year")
                sp.put(base + tail.start("year"), base + tail.end("year"), "{year}")
                if tail.group("note"):
                    after_year = (base + tail.start("note"), base + tail.end("note"), tail.group("note"))
        else:
            fields["venue"] = chunk
            sp.put(s, e, "{venue}")
    style: dict = {}
    if links:
        ls, le, found_links, form, sep = links
        fields["links"] = found_links
        style["link"] = form
        if sep is not None:
            style["links_separator"] = sep
        sp.put(ls, le, "{links}")
    notes = ["note", "note2", "note3"]
    for s, e, _ in chunks[2:] + ([after_year] if after_year else []):
        if not notes:
            return []
        key = notes.pop(0)
        fields[key] = body[s:e]
        sp.put(s, e, "{" + key + "}")
    template = sp.template()
    if _own_words(template):
        return []
    out = [Candidate(_ordered(fields, pieces), template, style)]
    if alt:
        # The image's alt text as a field too: a page that gives each image its own alt text
        # shares one template that way (fit prefers the template most items share).
        sp.put(alt[0], alt[1], "{alt}")
        out.append(Candidate(_ordered({**fields, "alt": alt[2]}, pieces), sp.template(), style))
    return out


def _ordered(fields: dict, pieces: list[str]) -> dict:
    out = {}
    for key in ("title", "authors", "venue", "year", "badge", "image", "alt", "url", "links", "note", "note2",
                "note3"):
        if key == "authors":
            out["authors"] = pieces
        elif key in fields:
            out[key] = fields[key]
    return out
