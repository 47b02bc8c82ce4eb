"""Publications from plain or numbered bullets and from paper boxes.

Each item is cut into title, authors, venue, links (and badge, image, url, citation, highlights,
notes where it has them); the rest of the item's text becomes its template, so that the entry is
written back as it was. `fit` keeps an entry only when it renders exactly as the item.
"""

from __future__ import annotations

import re

from . import authors as au
from . import htmlbox, mdbox
from .fit import Candidate, Spans

BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+")
BADGE_RE = re.compile(r"(?:\[(?P<b1>[^\]\[]{1,24})\](?!\()[ \t]+|``(?P<b2>[^`]{1,30})``[ \t]+|`(?P<b3>[^`]{1,30})`[ \t]+)")
TITLE_FORMS = [
    (re.compile(r'\[\s*"(?P<t>[^"\]]+?)"\s*\]\((?P<u>[^)\s]*)\)'), '["{title}"]({url})'),
    (re.compile(r"\[\*\*(?P<t>[^\]*]{12,}?)\*\*\]\((?P<u>[^)\s]*)\)"), "[**{title}**]({url})"),
    (re.compile(r"\[(?P<t>[^\]\[]{12,}?)\]\((?P<u>[^)\s]*)\)"), "[{title}]({url})"),
    (re.compile(r'"(?P<t>[^"]{12,}?)"'), '"{title}"'),
    (re.compile(r"“(?P<t>[^”]{12,}?)”"), "“{title}”"),
]
BOLD_TITLE_RE = re.compile(r"\*\*(?P<t>[^*]{12,}?)\*\*")
LINK_FORMS = [
    (re.compile(r"!\[(?P<n>[^\]\[]{1,40})\]\((?P<u>[^)\s]*)\)"), "![{name}]({url})"),  # shield badges
    (re.compile(r"\\\[\[(?P<n>[^\]\[]+)\]\((?P<u>[^)\s]*)\)\\\]"), "\\[[{name}]({url})\\]"),
    (re.compile(r"\[\[(?P<n>[^\]\[]+)\]\((?P<u>[^)\s]*)\)\]"), "[[{name}]({url})]"),
    (re.compile(r"\[\*\*(?P<n>[^\]\[*]+)\*\*\]\((?P<u>[^)\s]*)\)"), "[**{name}**]({url})"),
    (re.compile(r"\[(?P<n>[^\]\[]{1,24})\]\((?P<u>[^)\s]*)\)"), "[{name}]({url})"),
]
EXTRA_RE = re.compile(r"(?:[ \t]*\n?[ \t]*\[!\[[^\]]*\]\([^)\s]*\)\]\([^)\s]*\))+[ \t]*$")
WRAPPERS = [
    (re.compile(r'^(\*{1,3}<font color ?= ?"[^"]*">)(.*?)(</font>\*{1,3})$', re.S)),
    (re.compile(r"^(\*\*\*)([^*].*?)(\*\*\*)$", re.S)),
    (re.compile(r"^(\*\*)([^*].*?)(\*\*)$", re.S)),
    (re.compile(r"^(\*)([^*].*?)(\*)$", re.S)),
    (re.compile(r"^(<em>)(.*?)(</em>)$", re.S)),
    (re.compile(r"^(\()([^()]*)(\))$", re.S)),
]
AUTHORS_NOTE_RE = re.compile(r"[ \t]*\((?P<n>[^()\n]*(?:equal|contribut|correspond|co-first|共同|通讯)[^()\n]*)\)", re.I)
COMMENT_LINE_RE = re.compile(r"<!--(?:(?!-->).)*-->")
CITATION_RE = re.compile(r"show_paper_citations' data='(?P<c>[^']+)'")


def _links_run(seg: str, start: int, end: int):
    """A run of links ending at seg[end]: (run start, run end, {name: url}, link format,
    separator). The separators may differ in their runs of blanks (HTML shows them the same:
    the separator is then written with single blanks); a single link has no separator (None)."""
    for pattern, form in LINK_FORMS:
        found = list(pattern.finditer(seg, start, end))
        if not found or seg[found[-1].end():end].strip():
            continue
        run = [found[-1]]
        seps: list[str] = []
        for m in reversed(found[:-1]):
            between = seg[m.end():run[0].start()]
            if seps and _blanks(between) != _blanks(seps[0]):
                break
            if len(between) > 6 or re.search(r"\w", between):
                break
            seps.append(between)
            run.insert(0, m)
        links = {}
        for m in run:
            if m.group("n") in links:
                return None
            links[m.group("n")] = m.group("u")
        sep = None
        if seps:
            sep = seps[0] if len(set(seps)) == 1 else _blanks(seps[0])
        return run[0].start(), run[-1].end(), links, form, sep
    return None


def _blanks(sep: str) -> str:
    return re.sub(r"[ \t]+", " ", sep)


def _set_links_style(style: dict, form: str, sep: str | None) -> None:
    style["link"] = form
    if sep is not None:
        style["links_separator"] = sep


def _venue(sp: Spans, seg: str, start: int, end: int, fields: dict, style: dict) -> bool:
    """Venue, links and badges of seg[start:end]; False when nothing sensible is there."""
    br = re.search(r"\n<br\s*/?>[ \t]*$", seg[start:end])
    if br:  # a line break written after the item belongs to the template
        end = start + br.start()
    x = EXTRA_RE.search(seg, start, end)
    if x and x.start() > start and x.end() == end:
        lead = re.match(r"[ \t]*\n?[ \t]*", seg[x.start():end]).end()
        fields_extra = seg[x.start() + lead:end]
        if "\n" not in fields_extra:
            sp.put(x.start() + lead, end, "{extra}")
            end = x.start()
            fields["__extra"] = fields_extra
    while end > start and seg[end - 1] in " \t":
        end -= 1
    run = _links_run(seg, start, end) if "links" not in fields else None
    if run and (run[0] > start or not seg[start:run[0]].strip()):
        # links after the venue; or links alone where a venue would be: a venue that is only a
        # link is no venue
        rs, re_, links, form, sep = run
        fields["links"] = links
        _set_links_style(style, form, sep)
        sp.put(rs, re_, "{links}")
        end = rs
        while end > start:
            br_end = re.search(r"<br\s*/?>$", seg[start:end])
            if br_end:
                end = start + br_end.start()
            elif seg[end - 1] in " \t|\\·•,\n":
                end -= 1
            else:
                break
    body = seg[start:end]
    lead = len(body) - len(body.lstrip())
    start += lead
    body = body.strip()
    if body.endswith(".") and not body.endswith(".*") and not body.endswith("..."):
        body = body[:-1]
    if not body:
        return bool(fields.get("links"))
    for pattern in WRAPPERS:
        m = pattern.match(body)
        if m and m.group(2).strip():
            s = start + len(m.group(1))
            fields["venue"] = m.group(2)
            sp.put(s, s + len(m.group(2)), "{venue}")
            return True
    fields["venue"] = body
    sp.put(start, start + len(body), "{venue}")
    return True


BRACKETED = {"[[{name}]({url})]": ("[", "]"), "\\[[{name}]({url})\\]": ("\\[", "\\]")}


def _with_alternatives(c: Candidate) -> list[Candidate]:
    """The candidate, and for a single link in brackets (`[[Paper](url)]`) the same item with the
    brackets in the template and a plain link: it then fits a section whose links are plain."""
    out = [c]
    wrap = BRACKETED.get(c.style.get("link", ""))
    if wrap and len(c.fields.get("links") or {}) == 1 and c.template.count("{links}") == 1:
        style = {**c.style, "link": "[{name}]({url})"}
        out.append(Candidate(dict(c.fields), c.template.replace("{links}", wrap[0] + "{links}" + wrap[1]), style))
    return out


def _finish(sp: Spans, fields: dict, style: dict, pieces: list[str] | None) -> Candidate:
    for a, b in zip(pieces or [], (pieces or [])[1:]):
        if re.match(r"(and|&) ", b):
            # "A and B" (no comma before the last name) or "A, B, and C": the section's most
            # common way wins, so say which this one is
            style["authors_last"] = " " if f"{a} {b}" in sp.text else ", "
    ordered = {}
    for key in ("label", "title", "authors", "authors_note", "venue", "year", "month", "badge", "image", "url", "links", "citation",
                "highlights", "comment", "note", "note2", "note3", "extra"):
        if key == "authors":
            if pieces is not None:
                ordered["authors"] = pieces
        elif key == "extra" and "__extra" in fields:
            ordered["extra"] = fields["__extra"]
        elif key in fields:
            ordered[key] = fields[key]
    return Candidate(ordered, sp.template(), style)


def parse_bullet(text: str) -> list[Candidate]:
    body = text.rstrip()
    m = BULLET_RE.match(body)
    if not m:
        return []
    sp = Spans(body)
    fields: dict = {}
    style: dict = {}
    pos = m.end()
    b = BADGE_RE.match(body, pos)
    if b:
        key = next(k for k in ("b1", "b2", "b3") if b.group(k) is not None)
        fields["badge"] = b.group(key)
        sp.put(b.start(key), b.end(key), "{badge}")
        pos = b.end()
    yp = re.match(r"(\*{1,2}|_)(?P<y>\d{4})\1[ \t]+", body[pos:])
    if yp:  # "- *2023* Authors. Title. Venue."
        fields["year"] = yp.group("y")
        sp.put(pos + yp.start("y"), pos + yp.end("y"), "{year}")
        pos += yp.end()
    title = None
    for pattern, form in TITLE_FORMS:
        t = pattern.search(body, pos)
        if t and not (form == "[{title}]({url})" and au.is_name(t.group("t"))):
            title = (t, form)
            break
    if title is None:
        t = BOLD_TITLE_RE.match(body, pos)
        if t and not au.is_name(t.group("t")):
            title = (t, "**{title}**")
    pieces: list[str]
    if title:
        t, form = title
        before = body[pos:t.start()]
        if before.strip():
            found = au.find_authors(body, pos)
            if not found or body[found[0]:t.start()].strip(" ,.") != "":
                return []
            a_end, pieces = found
            sp.put(pos, a_end, "{authors}")
            rest = t.end()
        else:
            rest = t.end()
            near = re.match(r"[ \t]+", body[rest:])
            line_end = body.find("\n", rest)
            run = _links_run(body, rest + (near.end() if near else 0), line_end) if near and line_end > 0 else None
            if run and run[0] == rest + near.end() and not body[run[1]:line_end].strip():
                # links right after the title, on its line
                fields["links"] = run[2]
                _set_links_style(style, run[3], run[4])
                sp.put(run[0], run[1], "{links}")
                rest = run[1]
            sep = re.match(r"(\.?[ \t]*<br\s*/?>[ \t]*\n?[ \t]*|\.[ \t]+|,[ \t]+|[ \t]*\\?\n[ \t]*)", body[rest:])
            found = au.find_authors(body, rest + sep.end()) if sep else None
            if not found:
                # no authors: a paper written as its title and its venue ("[Title](url), **J. X. 2024**")
                pieces = None
                found = (rest, None)
            else:
                sp.put(rest + sep.end(), found[0], "{authors}")
            a_end, pieces = found
            rest = a_end
            note = AUTHORS_NOTE_RE.match(body, rest) if pieces else None
            if note:  # "(*Equal Contribution)" after the names
                fields["authors_note"] = note.group("n")
                sp.put(note.start("n"), note.end("n"), "{authors_note}")
                rest = note.end()
        fields["title"] = t.group("t")
        ph = form
        if "u" in t.groupdict() and t.group("u") is not None:
            fields["url"] = t.group("u")
        sp.put(t.start(), t.end(), ph)
        seg_start = rest
        after = re.match(r"[ \t]*(?:<br\s*/?>|\.|,)?[ \t]*\n?[ \t]*", body[seg_start:])
        seg_start += after.end()
    else:
        found = au.find_authors(body, pos)
        if not found:
            return []
        a_end, pieces = found
        sp.put(pos, a_end, "{authors}")
        y = re.match(r" \((?P<y>\d{4})(?P<suffix>[a-z]?)(?:, (?P<m>[A-Za-z]+\.?(?: \d{1,2})?))?\)\. ", body[a_end:])
        if y:
            fields["year"] = y.group("y")
            sp.put(a_end + y.start("y"), a_end + y.end("y"), "{year}")
            if y.group("m"):  # APA's "(2019, July)": the month is a field of its own
                fields["month"] = y.group("m")
                sp.put(a_end + y.start("m") - 2, a_end + y.end("m"), "{?month}, {month}{/month}")
            t_start = a_end + y.end()
        else:
            s = re.match(r"(\.|,)[ \t]+", body[a_end:])
            if not s:
                return []
            t_start = a_end + s.end()
        sep = ". " if (y or body[a_end] == ".") else ", "
        t_end = body.find(sep, t_start)
        q = body.find("? ", t_start)
        if q >= 0 and (t_end < 0 or q < t_end):
            t_end, sep = q + 1, " "
        if t_end < 0:
            return []
        fields["title"] = body[t_start:t_end]
        sp.put(t_start, t_end, "{title}")
        seg_start = t_end + len(sep)
    if not fields.get("title", "").strip():
        return []
    if seg_start < len(body) and not _venue(sp, body, seg_start, len(body), fields, style):
        return []
    return _with_alternatives(_finish(sp, fields, style, pieces))


# ------------------------------------------------------------------ paper boxes (markdown inside)

BOX_TEXT_RE = re.compile(r"<div class=['\"]paper-box-text['\"] markdown=\"1\">[ \t]*\n")
BADGE_IN_BOX_RE = re.compile(r"class=\"badge\">(?P<b>[^<]*)</div>")
IMG_RE = re.compile(r"<img src='(?P<i>[^']*)'")
TAIL_RE = re.compile(r"\n</div>[ \t]*\n</div>[ \t]*$")


def parse_box(text: str) -> list[Candidate]:
    body = text.rstrip()
    head = BOX_TEXT_RE.search(body)
    tail = TAIL_RE.search(body)
    if not head or not tail or "<!--" in body[:head.start()]:
        return []
    sp = Spans(body)
    fields: dict = {}
    style: dict = {}
    b = BADGE_IN_BOX_RE.search(body, 0, head.start())
    if b:
        fields["badge"] = b.group("b")
        sp.put(b.start("b"), b.end("b"), "{badge}")
    i = IMG_RE.search(body, 0, head.start())
    if not i:
        return []
    fields["image"] = i.group("i")
    sp.put(i.start("i"), i.end("i"), "{image}")
    # paragraphs of the inner markdown, as (start, end) offsets
    inner_start, inner_end = head.end(), tail.start()
    paras = [(m.start() + inner_start, m.end() + inner_start)
             for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", body[inner_start:inner_end])]
    paras = [(s, e - 1 if body[e - 1:e] == "\n" else e) for s, e in paras]
    if not paras:
        return []
    # title (and maybe the authors after a line break in the same paragraph)
    s, e = paras[0]
    first = body[s:e]
    t = None
    for pattern, form in TITLE_FORMS[:3] + [(re.compile(r"\*\*(?P<t>[^*]+?)\*\*"), "**{title}**")]:
        t = pattern.match(first)
        if t:
            break
    if t:
        fields["title"] = t.group("t")
        if "u" in t.groupdict():
            fields["url"] = t.group("u")
        sp.put(s, s + t.end(), form)
        rest = s + t.end()
    else:
        line_end = first.find("\n")
        line = first if line_end < 0 else first[:line_end]
        if "<" in line or "*" in line[:2] or au.is_name(line.strip()):
            return []
        fields["title"] = line.rstrip()
        sp.put(s, s + len(line.rstrip()), "{title}")
        rest = s + len(line.rstrip())
    pieces = None
    sep = re.match(r"([ \t]*<br\s*/?>[ \t]*|[ \t]*\n)", body[rest:e])
    if sep:
        found = au.find_authors(body[:e], rest + sep.end())
        if found and found[0] == e:
            sp.put(rest + sep.end(), e, "{authors}")
            pieces = found[1]
            rest = e
    if rest != e:
        return []
    k = 1
    if pieces is None:
        if len(paras) < 2:
            return []
        s, e = paras[1]
        found = au.find_authors(body[:e], s)
        if not found or found[0] != e:
            return []
        pieces = found[1]
        sp.put(s, e, "{authors}")
        k = 2
    venue_done = False
    notes = 0
    for s, e in paras[k:]:
        para = body[s:e]
        lines = para.split("\n")
        # a line commented out at the end of the paragraph (a highlight taken back, say)
        if len(lines) > 1 and COMMENT_LINE_RE.fullmatch(lines[-1]) and "comment" not in fields:
            fields["comment"] = lines[-1]
            e -= len(lines[-1]) + 1
            sp.put(e, e + len(lines[-1]) + 1, "{?comment}\n{comment}{/comment}")
            para, lines = body[s:e], lines[:-1]
        # highlights: the paragraph's last lines that are "- " items
        h = len(lines)
        while h > 0 and lines[h - 1].startswith("- "):
            h -= 1
        if h < len(lines):
            if "highlights" in fields:
                return []
            items = [ln[2:] for ln in lines[h:]]
            fields["highlights"] = items
            hs = s + sum(len(ln) + 1 for ln in lines[:h])
            sp.put(hs, e, "{highlights}")
            e = hs - 1 if h else s
            para = body[s:e] if h else ""
            if not para:
                continue
        if "\n" in para:
            return []
        c = CITATION_RE.search(para)
        if c:
            if "citation" in fields:
                return []
            fields["citation"] = c.group("c")
            sp.put(s + c.start("c"), s + c.end("c"), "{citation}")
            tag_end = para.find("</strong>", c.end())
            tag_end = para.find(">", tag_end) + 1 if tag_end >= 0 else -1
            tag_start = para.rfind("<strong>", 0, c.start())
            if tag_start < 0 or tag_end <= 0:
                return []
            other = (s + tag_end, e) if not para[tag_end:].strip() == "" else (s, s + tag_start)
            if para[:tag_start].strip() and para[tag_end:].strip():
                return []
            os_, oe = other
            if not body[os_:oe].strip():
                continue
            if not venue_done:
                venue_done = True
                if not _venue(sp, body, os_, oe, fields, style):
                    return []
                continue
            lead = len(body[os_:oe]) - len(body[os_:oe].lstrip())
            trail = len(body[os_:oe]) - len(body[os_:oe].rstrip())
            run = _links_run(body, os_ + lead, oe - trail)
            if not run or "links" in fields or body[os_:run[0]].strip() or body[run[1]:oe].strip():
                return []
            fields["links"] = run[2]
            _set_links_style(style, run[3], run[4])
            sp.put(run[0], run[1], "{links}")
            continue
        if not venue_done:
            venue_done = True
            if _venue(sp, body, s, e, fields, style):
                continue
            return []
        notes += 1
        if notes > 3:
            return []
        key = "note" if notes == 1 else f"note{notes}"
        fields[key] = para
        sp.put(s, e, "{" + key + "}")
    if not fields.get("title", "").strip():
        return []
    return _with_alternatives(_finish(sp, fields, style, pieces))


def parse(text: str) -> list[Candidate]:
    if BOX_TEXT_RE.search(text) or mdbox.TEXT_DIV_RE.search(text):
        return parse_box(text) or mdbox.parse(text, _venue, _links_run, _set_links_style, _finish,
                                              _with_alternatives)
    if htmlbox.is_html_box(text):
        return htmlbox.parse(text)
    return parse_bullet(text)


def author_pieces(text: str) -> list[str]:
    """The author pieces a parse found (for guessing the user's names before fitting)."""
    for c in parse(text):
        return list(c.fields.get("authors") or [])
    return []
