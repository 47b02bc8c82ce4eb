"""Content to markdown, in the page's own style. Pure functions: no I/O.

Each section has a style (from site.yml): an entry template such as

    * [{date}] &nbsp;{?emoji}{emoji} {/emoji}{text}

`{field}` is a field's value, `{field|period}` the value ending in a full stop, `{?field}…{/field}`
is kept only when the field has a value and `{!field}…{/field}` only when it has none; any other
brace is text. Field values are made safe before they go in: they cannot start a heading, close a
region, run Liquid or leave an HTML tag open. Raw entries (`raw:`) are the user's own markdown
and are written as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from . import kinds, model
from .record import Record

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any, Iterable, Sequence
from .regions import ANY_MARKER_RE

# ------------------------------------------------------------------ styles

PAPER_BOX = (
    "<div class='paper-box'><div class='paper-box-image'><div>{?badge}<div class=\"badge\">{badge}</div>{/badge}"
    "<img src='{image}' alt=\"sym\" width=\"100%\"></div></div>\n"
    "<div class='paper-box-text' markdown=\"1\">\n\n"
    "{?url}[{title}]({url}){/url}{!url}**{title}**{/url}\n\n"
    "{authors}\n\n"
    "{?venue}**{venue}**{/venue}{?links} \\| {links}{/links}\n"
    "{highlights}\n"
    "</div>\n</div>"
)


class SectionStyle(Record):
    """How one section's entries are written (site.yml `sections: NAME:`)."""

    FIELDS = ("type", "template", "layouts", "separator", "link", "links_separator", "authors_separator",
              "authors_last", "own_name", "highlight", "bullet", "bullets", "indent", "child_separator",
              "no_template")

    def __init__(self, type: str = kinds.TREE.name, template: str = "", layouts: dict[str, str] | None = None,
                 separator: str = "\n", link: str = "[{name}]({url})", links_separator: str = " ",
                 authors_separator: str = ", ", authors_last: str = "", own_name: str = "**{name}**",
                 highlight: str = "- {item}", bullet: str = "*", bullets: list[str] | None = None,
                 indent: int = 4, child_separator: str = "\n", no_template: str = ""):
        self.type = type  # the section type's name; `kind` is its object
        self.template = template
        self.layouts = {} if layouts is None else layouts
        self.separator = separator  # between entries
        self.link = link
        self.links_separator = links_separator
        self.authors_separator = authors_separator
        self.authors_last = authors_last  # before a last author written "and Name"/"& Name" (default: authors_separator)
        self.own_name = own_name
        self.highlight = highlight
        self.bullet = bullet  # tree sections: the list marker, or one marker per level
        self.bullets = [] if bullets is None else bullets
        self.indent = indent  # tree sections: spaces per level
        self.child_separator = child_separator
        # Set by the importer when no template reproduces the section's entries (they are all kept
        # raw): why. New entries are then refused rather than written unlike their neighbours.
        self.no_template = no_template

    @property
    def kind(self) -> kinds.SectionKind:
        return kinds.of(self.type)

    def template_for(self, entry: Mapping[str, Any]) -> str:
        layout = model.text_of(entry.get("layout"))
        if layout:
            if layout in self.layouts:
                return self.layouts[layout]
            if layout == "paper-box":
                return PAPER_BOX
        kind = self.kind
        template = self.template or kind.default_template
        if kind.image_box and entry.get("image") and "{image}" not in template:
            return self.layouts.get("paper-box", PAPER_BOX)
        return template

    @classmethod
    def from_settings(cls, section_type: str, settings: Mapping[str, Any] | None) -> "SectionStyle":
        settings = dict(settings or {})
        style = cls(type=section_type)
        for key, value in settings.items():
            if key in ("type", "file", "title"):
                continue
            if hasattr(style, key) and value is not None:
                current = getattr(style, key)
                if isinstance(current, int) and not isinstance(current, bool):
                    value = int(value)
                elif isinstance(current, str):
                    value = str(value)
                elif isinstance(current, dict):
                    value = {str(k): str(v) for k, v in dict(value).items()}
                elif isinstance(current, list):
                    value = [str(v) for v in value]
                setattr(style, key, value)
        return style


# ------------------------------------------------------------------ safety

LIQUID_RE = re.compile(r"\{([{%])")
TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "base", "col", "embed",
             "param", "track"}
BLOCK_START_RE = re.compile(r"^(#|>|`{3,}|~{3,}|[=]+\s*$|-{3,}\s*$|\*{3,}\s*$|\$\$)")
OWN_MARKUP_RE = re.compile(r"\*\*|__|<(strong|b|u|em)\b", re.I)
AUTHOR_MARKERS_RE = re.compile(
    r"(?:\s*(?:\\?[*#]|[†‡§¶]|&(?:dagger|Dagger|ddagger|ast|lowast|sect|#\d+);|\$\^?\{?\\?(?:dagger|ddagger|ast|star|\*|\#)\}?\$|\$\^\{?[*#†]\}?\$|"
    r"<sup>.*?</sup>|\^\d+|\d+(?=$)))+$")


def escape_liquid(text: str) -> str:
    """`{%` and `{{` would run as Liquid before kramdown: write the brace as an entity."""
    return LIQUID_RE.sub(lambda m: "&#123;" + m.group(1), text)


def balance_html(text: str) -> str:
    """Escape the `<` of tags that are not closed in the same field (or close nothing)."""
    stack: list[tuple[str, int]] = []
    unmatched: list[int] = []
    for m in TAG_RE.finditer(text):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in VOID_TAGS or selfclose:
            continue
        if not closing:
            stack.append((name, m.start()))
        elif stack and stack[-1][0] == name:
            stack.pop()
        elif any(n == name for n, _ in stack):
            while stack[-1][0] != name:
                unmatched.append(stack.pop()[1])
            stack.pop()
        else:
            unmatched.append(m.start())
    unmatched += [pos for _, pos in stack]
    # An HTML comment that never ends would hide the rest of the page.
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            unmatched.append(start)
            break
        pos = end + 3
    for pos in sorted(set(unmatched), reverse=True):
        text = text[:pos] + "&lt;" + text[pos + 1:]
    return text


def escape_markers(text: str) -> str:
    """A region marker written inside a field must not end the region."""
    return ANY_MARKER_RE.sub(lambda m: "homepage-tui: " + m.group(1), text)


def safe_inline(value: Any) -> str:
    """A one-line field: newlines become spaces, then Liquid, markers and HTML are made safe."""
    return _safe_inline_text(value if type(value) is str else model.text_of(value))


@lru_cache(maxsize=1 << 16)
def _safe_inline_text(text: str) -> str:
    # Cached: a page repeats the same authors, venues and link names hundreds of times. Each
    # step runs only when its character is there (most fields have neither `{` nor `<`).
    if "\n" in text:
        text = " ".join(text.split("\n"))
    if "{" in text:
        text = escape_liquid(text)
    if "<" in text:
        text = balance_html(text)
    if "homepage-tui:" in text:
        text = escape_markers(text)
    if text.lstrip()[:1] in ("#", ">"):
        text = "\\" + text.lstrip()
    return text


def safe_block(value: Any, indent: int) -> str:
    """A multi-line markdown field: continuation lines are indented to stay in their list item
    and cannot start a heading, a fence or a rule."""
    text = escape_markers(balance_html(escape_liquid(model.text_of(value).strip("\n"))))
    lines = text.split("\n")
    out = [("\\" + lines[0]) if lines[0][:1] in ("#", ">") else lines[0]]
    for line in lines[1:]:
        stripped = line.lstrip()
        if not stripped:
            out.append("")
            continue
        if BLOCK_START_RE.match(stripped):
            stripped = "\\" + stripped
        out.append(" " * indent + stripped)
    return "\n".join(out).rstrip()


def escape_raw(text: str) -> str:
    """A raw block is the user's markdown as written, except that it cannot close its region."""
    return escape_markers(model.text_of(text).strip("\n"))


# ------------------------------------------------------------------ templates

PLACEHOLDER_RE = re.compile(r"\{([?!/]?)([A-Za-z_][A-Za-z0-9_]*)(?:\|([a-z]+))?\}")


def _has_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, dict)):
        return len(value) > 0
    return model.text_of(value).strip() != ""


@lru_cache(maxsize=256)
def _template_parts(template: str) -> tuple[tuple[str, str, str, str | None, str], ...]:
    """A template cut once into (text before, mark, name, filter, placeholder as written), the
    last part's name empty: the same few templates fill thousands of entries."""
    parts = []
    pos = 0
    for m in PLACEHOLDER_RE.finditer(template):
        parts.append((template[pos:m.start()], m.group(1), m.group(2), m.group(3), m.group(0)))
        pos = m.end()
    parts.append((template[pos:], "", "", None, ""))
    return tuple(parts)


def fill(template: str, values: Mapping[str, Any], formatter) -> str:
    """Expand `template`: `formatter(name, filter)` gives a placeholder's text."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (field, keep) for open conditionals
    dropped = 0  # how many open conditionals hide their text

    for before, mark, name, filt, whole in _template_parts(template):
        keeping = not dropped
        if keeping:
            out.append(before)
        if not name:
            break
        if mark == "?" or mark == "!":
            keep = _has_value(values.get(name)) == (mark == "?")
            stack.append((name, keep))
            dropped += not keep
        elif mark == "/":
            if stack and stack[-1][0] == name:
                dropped -= not stack.pop()[1]
            elif keeping:
                out.append(whole)
        elif keeping:
            out.append(formatter(name, filt))
    return "".join(out)


def with_period(text: str) -> str:
    text = text.rstrip()
    if not text or text[-1] in ".!?,;:" or text.endswith(".)") or text.endswith(".*"):
        return text
    return text + "."


@lru_cache(maxsize=1 << 14)
def _split_author(author: str) -> tuple[str, str, str]:
    """("and ", "Z. Tang", "$\\dagger$") from "and Z. Tang$\\dagger$"."""
    prefix = ""
    m = re.match(r"^(and\s+|&\s+)", author)
    if m:
        prefix, author = m.group(1), author[m.end():]
    m = AUTHOR_MARKERS_RE.search(author)
    if m and m.start() > 0:
        return prefix, author[:m.start()].rstrip(), author[m.start():]
    return prefix, author, ""


@lru_cache(maxsize=1 << 14)
def normalize_name(name: str) -> str:
    name = name.replace("\u00a0", " ").replace("&nbsp;", " ")
    name = re.sub(r"[*_]", "", name)
    return " ".join(name.split()).casefold()


@lru_cache(maxsize=64)
def _own_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_name(n) for n in names if n)


@lru_cache(maxsize=1 << 15)
def _author_parts(author: str) -> tuple[str, str, str, str, bool, int]:
    """An author made safe and split: prefix, name, markers, the name normalized, whether it is
    already marked up, and its markers' bare stars (the same co-authors recur across a whole
    publication list)."""
    prefix, name, markers = _split_author(_safe_inline_text(author))
    lead = re.match(r"\*+", name)
    if lead and markers.startswith(lead.group(0)):
        # `**Name**` as the user wrote it: the closing stars end the name's own bold, they are
        # not markers (and must not be escaped).
        name, markers = name + lead.group(0), markers[len(lead.group(0)):]
    return (prefix, name, markers, normalize_name(name), bool(OWN_MARKUP_RE.search(name)),
            _bare_stars(markers) if markers else 0)


UNESCAPED_STAR_RE = re.compile(r"(?<!\\)\*")
MATH_SPAN_RE = re.compile(r"\$[^$]*\$")


def escape_stars(markers: str) -> str:
    """A `*` marker as `\\*`: kramdown would pair a bare one with the next star (the next
    author's marker, or the end of a bold name) and set the text between in italics. Stars inside
    math (`$^*$`) and ones already escaped are left alone."""
    out, pos = [], 0
    for m in MATH_SPAN_RE.finditer(markers):
        out.append(UNESCAPED_STAR_RE.sub(r"\\*", markers[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(UNESCAPED_STAR_RE.sub(r"\\*", markers[pos:]))
    return "".join(out)


def _bare_stars(markers: str) -> int:
    return len(UNESCAPED_STAR_RE.findall(MATH_SPAN_RE.sub("", markers)))


def format_authors(authors: Sequence[Any], names: Iterable[str], style: SectionStyle,
                   bold: Sequence[int] | None = None) -> str:
    """Authors joined, the user's own names marked (bold by default), markers kept outside.

    A bare `*` marker is written as the page had it unless kramdown would pair it: with another
    bare star in the list, or right after a bold name (`**Z. Tang***` reads as bold, then italics
    that run into the next author). Those are escaped, so every marker shows literally."""
    own = _own_names(tuple(names))
    positions = {int(b) for b in bold} if bold else None
    split = []
    stars = 0
    for i, author in enumerate(authors, start=1):
        prefix, name, markers, normalized, marked, bare = _author_parts(
            author if type(author) is str else model.text_of(author))
        mine = (i in positions) if positions is not None else normalized in own
        if mine and not marked:
            if "{markers}" in style.own_name:  # markers inside the emphasis: **Name<sup>*</sup>**
                name, markers, bare = style.own_name.replace("{name}", name).replace("{markers}", markers), "", 0
            else:
                name = style.own_name.replace("{name}", name)
        stars += bare
        split.append((prefix, name, markers))
    pairing = stars >= 2
    parts = []
    for prefix, name, markers in split:
        if pairing or (name.endswith("*") and markers.startswith("*")):
            markers = escape_stars(markers)
        parts.append(prefix + name + markers)
    if not style.authors_last:
        return style.authors_separator.join(parts)
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (style.authors_last if re.match(r"(and|&)\s", part) else style.authors_separator) + part
    return out


def format_links(links: Any, style: SectionStyle) -> str:
    if type(links) is not dict and not isinstance(links, Mapping):
        return ""
    rendered = []
    for name, url in links.items():
        rendered.append(style.link.replace("{name}", safe_inline(name)).replace("{url}", _safe_url(url)))
    return style.links_separator.join(rendered)


def _safe_url(url: Any) -> str:
    return _safe_url_text(url if type(url) is str else model.text_of(url))


def _safe_url_text(text: str) -> str:
    # Not cached: the steps are a few C calls, and a page of 20,000 entries has more distinct
    # URLs than a cache holds (evicting on every call cost more than the work).
    text = text.strip()
    if "{" in text:
        text = escape_liquid(text)
    return text.replace(" ", "%20").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def format_highlights(items: Any, style: SectionStyle) -> str:
    if not isinstance(items, (list, tuple)):
        return safe_inline(items) if _has_value(items) else ""
    return "\n".join(style.highlight.replace("{item}", safe_inline(item)) for item in items)


LIST_MARKER_RE = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+")


@lru_cache(maxsize=256)
def _list_indent(template: str) -> int:
    """How far a continuation line is indented to stay in the template's list item."""
    m = LIST_MARKER_RE.match(template.split("\n", 1)[0])
    return len(m.group(0)) if m else 0


def render_entry(entry: Mapping[str, Any], style: SectionStyle, names: Iterable[str] = (), number: int = 1) -> str:
    """One entry as markdown (a raw entry as written)."""
    if "raw" in entry:
        return escape_raw(entry.get("raw"))
    template = style.template_for(entry)
    indent = _list_indent(template)
    if type(names) is not list:
        names = list(names)
    blocks = style.kind.block_fields

    def formatter(name: str, filt: str | None) -> str:
        value = entry.get(name)
        if name == "n":
            text = str(number)
        elif name == "authors" and isinstance(value, (list, tuple)):
            text = format_authors(value, names, style, entry.get("bold"))
        elif name == "links":
            text = format_links(value, style)
        elif name == "highlights":
            text = format_highlights(value, style)
        elif name in ("image", "url", "link"):
            text = _safe_url(value)
        elif name in blocks:
            text = safe_block(value, indent)
        elif isinstance(value, (list, tuple)):
            text = ", ".join(safe_inline(v) for v in value)
        else:
            text = safe_inline(value)
        if filt == "period":
            text = with_period(text)
        return text

    return fill(template, entry, formatter)


def render_tree_item(item: Mapping[str, Any], style: SectionStyle, level: int = 0) -> str:
    if "raw" in item:
        return escape_raw(item.get("raw"))
    bullets = style.bullets or [style.bullet]
    bullet = bullets[min(level, len(bullets) - 1)]
    pad = " " * (style.indent * level)
    if bullet.lstrip().startswith("<li"):  # an HTML list: <li>text</li> on one line
        return f"{pad}{bullet}{safe_inline(item.get('text'))}</li>"
    gap = "" if bullet.endswith((" ", "\t")) else " "  # "-<TAB>" and "-   " carry their own blanks
    text = safe_block(item.get("text"), len(pad) + len(bullet) + len(gap))
    lines = [f"{pad}{bullet}{gap}{text}".rstrip()]
    children = item.get("children") or []
    if isinstance(children, list) and children:
        rendered = [render_tree_item(c if isinstance(c, Mapping) else {"text": c}, style, level + 1)
                    for c in children]
        lines.append(style.child_separator.join(rendered))
    return "\n".join(lines)


def render_entries(entries: Sequence[Mapping[str, Any]], style: SectionStyle, names: Iterable[str] = (),
                   cache: dict | None = None) -> str:
    """A region's body: the entries rendered and joined by the section's separator.

    `cache` (a dict the caller keeps per section) remembers each entry's text by the entry
    object, for callers whose entries are the store's read-only views (store.Piece's plain data:
    an edit replaces an entry's object, never changes it): re-rendering a page after an edit then
    renders only the changed entries. It is emptied when the style or the names change."""
    return style.separator.join(p for p in render_parts(entries, style, names, cache) if p is not None)


def render_parts(entries: Sequence[Mapping[str, Any]], style: SectionStyle, names: Iterable[str] = (),
                 cache: dict | None = None) -> list[str | None]:
    """Each entry's markdown, numbered as in the region (the preview draws them one by one);
    `cache` as for render_entries."""
    names = list(names)
    nested = style.kind.nested
    parts: list[str | None] = []
    number = 0
    if cache is not None:
        signature = (repr(vars(style)), tuple(names))
        if cache.get("signature") != signature or len(cache) > 2 * len(entries) + 64:
            cache.clear()  # a new style, or mostly entries that edits have replaced
            cache["signature"] = signature
    for entry in entries:
        if type(entry) is not dict and not isinstance(entry, Mapping):  # (dict first: fast)
            entry = {"text": model.text_of(entry)}
        if "raw" not in entry:
            number += 1
        if cache is not None:
            hit = cache.get(id(entry))
            if hit is not None and hit[0] is entry and hit[1] == number:
                parts.append(hit[2])
                continue
        if nested:
            text = render_tree_item(entry, style)
        else:
            text = render_entry(entry, style, names, number)
        if cache is not None:
            cache[id(entry)] = (entry, number, text)  # the entry kept alive: its id stays its own
        parts.append(text)
    return parts


def select_entries(entries: Sequence[Mapping[str, Any]], selector: Mapping[str, str],
                   claimed: Sequence[Mapping[str, str]]) -> list[Mapping[str, Any]]:
    """The entries a region shows: those matching its selector; a region without a selector shows
    those that no other region of the same section claims."""
    if selector:
        items = tuple(selector.items())
        return [e for e in entries if _matches(e, items)]
    others = [tuple(sel.items()) for sel in claimed if sel]
    if not others:
        return list(entries)
    return [e for e in entries if not any(_matches(e, items) for items in others)]


def _matches(entry: Mapping[str, Any], items: tuple[tuple[str, str], ...]) -> bool:
    # Run for every entry of a section for each of its regions: the common value, a string,
    # is compared without model.text_of's call.
    for key, wanted in items:
        value = entry.get(key)
        if value == wanted:
            continue
        if value is None:  # most entries lack the key
            if wanted:
                return False
        elif type(value) is str or model.text_of(value) != wanted:
            return False
    return True
