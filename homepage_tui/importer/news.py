"""News items: a date in any of the ways pages write it, an optional emoji, and the text.

    - *2024.05*: &nbsp;🎉🎉 text        * [2024.05] &nbsp;🎉🎉 text       - 2024.05.26: text
    - <em>2024.05 </em>:  🎤 text       - `2024.05` text                  <li><strong>[2024.05]</strong> text</li>

The date is kept as written (`2024.10` stays `2024.10`); what surrounds it goes to the template.
"""

from __future__ import annotations

import re

from .fit import Candidate, Spans

DATE = r"\d{4}\.\d{1,2}(?:\.\d{1,2})?"
PREFIX_RE = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])[ \t]+|\s*<li>)")
OPEN_RE = re.compile(r"(?:\*{1,3}|_{1,2}|`{1,2}|\[|\\\[|<em>|<strong>|<b>|<i>|\s)*")
CLOSE_RE = re.compile(r"^(?:\*{1,3}|_{1,2}|`{1,2}|\]|\\\]|[ \t]*</em>|[ \t]*</strong>|</b>|</i>)*")
SEP_RE = re.compile(r"^(?:[ \t]*[:：,\-–|][ \t]*|[ \t]+)?(?:&nbsp;|&ensp;|&emsp;|[ \t])*")
EMOJI_RE = re.compile("^((?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3])+)([ \t]*)")
SUFFIX_RE = re.compile(r"(</li>|\n<br\s*/?>)[ \t]*$")


def parse(text: str) -> list[Candidate]:
    body = text.rstrip()
    m = PREFIX_RE.match(body)
    if not m:
        return []
    sp = Spans(body)
    pos = m.end()
    o = OPEN_RE.match(body, pos)
    d = re.compile(DATE).match(body, o.end())
    if not d:
        return []
    sp.put(d.start(), d.end(), "{date}")
    c = CLOSE_RE.match(body[d.end():])
    after = d.end() + c.end()
    s = SEP_RE.match(body[after:])
    pos = after + s.end()
    fields = {"date": d.group(0)}
    e = EMOJI_RE.match(body[pos:])
    if e:
        fields["emoji"] = e.group(1)
        sp.put(pos, pos + e.end(), "{?emoji}{emoji}" + e.group(2) + "{/emoji}")
        pos += e.end()
    else:
        sp.put(pos, pos, "")
    suffix = SUFFIX_RE.search(body)
    end = suffix.start() if suffix and suffix.start() >= pos else len(body)
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
