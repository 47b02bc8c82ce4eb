"""News items: a date in any of the ways pages write it, an optional emoji, and the text.

    - *2024.05*: &nbsp;🎉🎉 text        * [2024.05] &nbsp;🎉🎉 text       - 2024.05.26: text
    - <em>2024.05 </em>:  🎤 text       - `2024.05` text                  <li><strong>[2024.05]</strong> text</li>
    <li><em>2026.02:</em> text</li>     - **2024.09 - 至今** text         - text (2024.05)
    - text without a date (kept as an undated item)

The date is kept as written (`2024.10` stays `2024.10`, `2026.6` stays `2026.6`); what surrounds
it goes to the template. A colon may sit inside the emphasis or after it.
"""

from __future__ import annotations

import re

from .fit import Candidate, Spans

ONE_DATE = r"\d{4}\.\d{1,2}(?:\.\d{1,2})?"
OPEN_END = r"(?:present|Present|now|Now|today|至今|现在|今)"
RANGE = rf"{ONE_DATE}[ \t]*(?:-|–|—|~|至)[ \t]*(?:{ONE_DATE}|{OPEN_END})"
DATE_RE = re.compile(rf"(?:{RANGE}|{ONE_DATE})(?![\d.])")
YEAR_RE = re.compile(r"\d{4}(?![\d.])")  # a year alone: only when wrapped or followed by a colon
PREFIX_RE = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])[ \t]+|\s*<li(?:\s[^<>]*)?>[ \t]*)")
OPEN_RE = re.compile(r"(?:\*{1,3}|_{1,2}|`{1,2}|\[|\\\[|<em>|<strong>|<b>|<i>|<span[^<>]*>|\s)*")
CLOSE_RE = re.compile(r"^(?:\*{1,3}|_{1,2}|`{1,2}|\]|\\\]|[ \t]*</em>|[ \t]*</strong>|</b>|</i>|</span>)*")
INNER_SEP_RE = re.compile(r"^[ \t]*[:：](?=[ \t]*(?:\*|_|`|\]|\\\]|</))")  # "2026.02:</em>"
SEP_RE = re.compile(r"^(?:[ \t]*[:：,\-–|][ \t]*|[ \t]+)?(?:&nbsp;|&ensp;|&emsp;|[ \t])*")
EMOJI_RE = re.compile("^((?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3])+)([ \t]*)")
SUFFIX_RE = re.compile(r"(</li>|\n<br\s*/?>)[ \t]*$")
# A date after the text: "text (2024.05)", "text, *2024.05*", "text - 2024.05."
TAIL_RE = re.compile(rf"(?P<sep>[ \t]*[,，(（\-–—][ \t]*|[ \t]+)(?P<open>\*{{1,2}}|_|<em>|\[)?(?P<date>{RANGE}|{ONE_DATE})"
                     r"(?P<close>\*{1,2}|_|</em>|\])?(?P<end>[)）]?\.?)$")


def parse(text: str) -> list[Candidate]:
    body = text.rstrip()
    m = PREFIX_RE.match(body)
    if not m:
        return []
    start = m.end()
    suffix = SUFFIX_RE.search(body)
    end = suffix.start() if suffix and suffix.start() >= start else len(body)
    return _dated(body, start, end) or _dated_after(body, start, end) or _undated(body, start, end)


def _dated(body: str, start: int, end: int) -> list[Candidate]:
    o = OPEN_RE.match(body, start)
    d = DATE_RE.match(body, o.end())
    wrapped = bool(body[start:o.end()].strip())
    if not d:
        y = YEAR_RE.match(body, o.end())
        after = body[y.end():y.end() + 1] if y else ""
        if not y or not (wrapped or after in ":："):
            return []
        d = y
    sp = Spans(body)
    sp.put(d.start(), d.end(), "{date}")
    pos = d.end()
    inner = INNER_SEP_RE.match(body[pos:])
    if inner:
        pos += inner.end()
    c = CLOSE_RE.match(body[pos:])
    pos += c.end()
    s = SEP_RE.match(body[pos:end])
    pos += s.end()
    if d.re is YEAR_RE and not (c.end() or ":" in body[d.end():pos] or "：" in body[d.end():pos]):
        return []
    return _text_candidates(body, sp, {"date": d.group(0)}, pos, end)


def _dated_after(body: str, start: int, end: int) -> list[Candidate]:
    t = TAIL_RE.search(body, start, end)
    if not t or not body[start:t.start()].strip() or bool(t.group("open")) != bool(t.group("close")):
        return []
    if t.group("end").startswith(")") != ("(" in t.group("sep")):
        return []
    sp = Spans(body)
    fields = {"date": t.group("date")}
    sp.put(t.start("date"), t.end("date"), "{date}")
    sp.put(start, t.start(), "{text}")
    text_value = body[start:t.start()]
    if not text_value.strip():
        return []
    return [Candidate({"date": fields["date"], "text": text_value}, sp.template())]


def _undated(body: str, start: int, end: int) -> list[Candidate]:
    if not body[start:end].strip():
        return []
    sp = Spans(body)
    return _text_candidates(body, sp, {}, start, end)


def _text_candidates(body: str, sp: Spans, fields: dict, pos: int, end: int) -> list[Candidate]:
    e = EMOJI_RE.match(body[pos:end])
    if e:
        fields["emoji"] = e.group(1)
        sp.put(pos, pos + e.end(), "{?emoji}{emoji}" + e.group(2) + "{/emoji}")
        pos += e.end()
    else:
        sp.put(pos, pos, "")
    text_value = body[pos:end]
    if not text_value.strip():
        return []
    fields["text"] = text_value
    sp.put(pos, end, "{text}")
    template = sp.template()
    out = [Candidate(fields, template)]
    if not e:
        # The same item written by the emoji template of its neighbours (emoji left out).
        for gap in (" ", ""):
            out.append(Candidate(dict(fields), template.replace("{text}", "{?emoji}{emoji}" + gap + "{/emoji}{text}", 1)))
    return out
