"""What the site will show, approximated without Jekyll: for the terminal and for a quick HTML file.

Jekyll runs Liquid, then kramdown, then the browser runs MathJax. A preview does the cheap parts:
Liquid is hidden, `$\\dagger$` becomes †, `&nbsp;` a space, IALs such as `{:target="_blank"}` go,
and the template's HTML (paper boxes, badges) becomes markdown a terminal can show.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.S)
LIQUID_TAG_RE = re.compile(r"\{%-?.*?-?%\}", re.S)
LIQUID_OUT_RE = re.compile(r"\{\{.*?\}\}", re.S)
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
IAL_RE = re.compile(r"\{:[^}\n]*\}")
MATH_SYMBOLS = {
    r"\dagger": "†", r"\ddagger": "‡", r"\ast": "*", r"\star": "⋆", r"\#": "#", r"*": "*",
}
MATH_RE = re.compile(r"\$\^?\{?(\\dagger|\\ddagger|\\ast|\\star|\\#|\*)\}?\$")
# kramdown keeps an HTML block open until its closing tag; CommonMark (markdown-it, rich) ends it
# at a blank line and reads the indented `<li>` lines after it as code. In a page, an indented
# line that starts with a tag is HTML, so the previews drop that indentation.
INDENTED_TAG_RE = re.compile(r"^[ \t]+(?=</?[A-Za-z][A-Za-z0-9-]*[\s>/])", re.M)


def clean_markdown(text: str) -> str:
    """Markdown as the visitor will see it, without Liquid, comments, IALs or math markup."""
    text = FRONT_MATTER_RE.sub("", text)
    text = COMMENT_RE.sub("", text)
    text = LIQUID_TAG_RE.sub("", text)
    text = LIQUID_OUT_RE.sub("", text)
    text = IAL_RE.sub("", text)
    text = MATH_RE.sub(lambda m: MATH_SYMBOLS[m.group(1)], text)
    text = text.replace("&nbsp;", " ")
    text = INDENTED_TAG_RE.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# --------------------------------------------------------------- terminal

_TAG_TO_MD = [
    (re.compile(r"<div class=[\"']badge[\"']>(.*?)</div>", re.S | re.I), r"`\1` "),
    (re.compile(r"<img\b[^>]*?src=[\"']([^\"']+)[\"'][^>]*>", re.I), r"🖼 \1  "),
    (re.compile(r"<a\b[^>]*?href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.S | re.I), r"[\2](\1)"),
    (re.compile(r"</?(strong|b)\b[^>]*>", re.I), "**"),
    (re.compile(r"</?(em|i)\b[^>]*>", re.I), "*"),
    (re.compile(r"</?u\b[^>]*>", re.I), "__"),
    (re.compile(r"<sup>(.*?)</sup>", re.I | re.S), r"^\1"),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.I | re.S), lambda m: "#" * int(m.group(1)) + " " + m.group(2)),
    (re.compile(r"<li\b[^>]*>", re.I), "\n* "),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*\b[^>]*>"), ""),
]


def terminal_markdown(text: str) -> str:
    """clean_markdown, with the template's HTML turned into markdown rich can draw."""
    text = clean_markdown(text)
    for pattern, replacement in _TAG_TO_MD:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# An entry's terminal markdown, kept: the preview turns every entry in its window again at each
# keystroke, and all but the edited one are the texts of the keystroke before.
_entry_terminal_markdown = lru_cache(maxsize=1024)(terminal_markdown)


# --------------------------------------------------------------- blocks

BULLET_RE = re.compile(r" {0,3}([*+-])(?:[ \t]|$)")
# Entries that would not draw the same alone as in their section: an ordered list (its numbers'
# width depends on the last one), link references (defined in one entry, used in another) and
# images (rich draws a list item's images apart from the item, after the whole list).
JOINED_RE = re.compile(r"^ {0,3}(\d{1,9}[.)](?:[ \t]|$)|\[[^\]\n]+\]:)|!\[", re.M)


@dataclass(frozen=True)
class PreviewBlock:
    """One entry's terminal markdown, drawn on its own and cached by the preview: `gap` blank
    lines go before it (0 when it continues the list of the entry before it)."""

    markdown: str
    gap: int


def preview_blocks(parts: Sequence[str | None], separator: str) -> list[PreviewBlock] | None:
    """The section's entries as blocks the preview can draw one by one, so that a keystroke
    redraws only the edited entry; None when drawing them apart would differ from drawing the
    region whole (entries that join into one paragraph, ordered lists, link references).

    rich draws the top-level blocks of a markdown text one after the other with one blank line
    between them, and a list's items with none: each entry is one or more whole blocks, so the
    region is its entries' drawings with a blank line between two entries, none between two items
    of the same list."""
    if "\n" not in separator:
        return None
    loose = "\n\n" in separator  # otherwise each entry must be an item of one list
    blocks: list[PreviewBlock] = []
    last_bullet: str | None = None
    for part in parts:
        if part is None:
            continue
        text = _entry_terminal_markdown(part).strip("\n")
        if not text:  # only a comment, say: no block, and no gap of its own
            continue
        if JOINED_RE.search(text):
            return None
        first = BULLET_RE.match(text)
        bullet = first.group(1) if first else None
        last = _last_bullet(text)
        if not loose and (bullet is None or last is None or (last_bullet and bullet != last_bullet)):
            return None
        same_list = bool(blocks) and bullet is not None and bullet == last_bullet
        blocks.append(PreviewBlock(text + "\n", 0 if same_list or not blocks else 1))
        last_bullet = last
    return blocks


def join_blocks(blocks: Sequence[PreviewBlock], lines_of: Callable[[str], Sequence[T]],
                is_blank: Callable[[T], bool], blank: T) -> list[T]:
    """The drawn lines of the region: each block's lines (`lines_of(markdown)`), `gap` blank lines
    before a block, and a block's own leading blank lines (rich starts a list with one) kept only
    at the top, as rich draws the region whole."""
    lines: list[T] = []
    for n, block in enumerate(blocks):
        drawn = lines_of(block.markdown)
        if n:
            lead = 0
            while lead < len(drawn) and is_blank(drawn[lead]):
                lead += 1
            lines.extend([blank] * block.gap)
            lines.extend(drawn[lead:])
        else:
            lines.extend(drawn)
    return lines


def _last_bullet(text: str) -> str | None:
    """The marker of the list that `text` ends in, or None when it ends in another block. A line at
    the margin right after a text line continues that line (a lazy continuation), in a list or not."""
    last = None
    after_blank = True
    for line in text.split("\n"):
        if not line.strip():
            after_blank = True
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            last = bullet.group(1)
        elif after_blank and not line[0].isspace():
            last = None
        after_blank = False
    return last


# --------------------------------------------------------------- HTML

PAGE_CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 860px;
       margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
a { color: #2463c0; }
.paper-box { display: flex; justify-content: left; align-items: center; flex-direction: row;
             flex-wrap: wrap; border-bottom: 1px #efefef solid; padding: 2em 0 2em 0; }
.paper-box .paper-box-image { justify-content: center; display: flex; width: 100%; order: 2; }
.paper-box .paper-box-image img { max-width: 400px; box-shadow: 3px 3px 6px #888; object-fit: cover; }
.paper-box .paper-box-text { max-width: 100%; width: 100%; order: 1; }
@media (min-width: 700px) {
  .paper-box .paper-box-image { justify-content: left; min-width: 200px; max-width: 40%; order: 1; }
  .paper-box .paper-box-text { justify-content: left; padding-left: 2em; max-width: 60%; order: 2; }
}
.badge { position: absolute; background-color: #00369f; color: white; padding: 2px 8px; font-size: .8em;
         margin-top: 0.5em; margin-left: -0.5em; }
.paper-box-image > div { position: relative; }
"""


def to_html(page_text: str, title: str = "Preview") -> str:
    """A standalone HTML file of the page, with the template's paper-box and badge styles."""
    from markdown_it import MarkdownIt  # only here: the preview pane imports this module at start-up

    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")
    body = md.render(clean_markdown(page_text))
    return (f"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n")
