"""Rules on the page: out of date, sections without a region, menu anchors, leaking emphasis."""

from __future__ import annotations

import re

from homepage_tui import model
from homepage_tui.errors import HomepageError
from homepage_tui.lint.context import EntryRef, LintContext, entry_lines
from homepage_tui.lint.problem import ERROR, WARNING, Problem
from homepage_tui.render import render_entries
from homepage_tui.store import read_text
from homepage_tui.store.libyaml import yaml

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any, Iterator

NAVIGATION = "_data/navigation.yml"
# libyaml's safe loader when PyYAML has it (as the store's first read does): `check` imports no ruamel.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def page_out_of_date(ctx: LintContext) -> Iterator[Problem]:
    """What `render --check` finds: regions that cannot be rendered, or a page behind its content."""
    ctx.sections  # noqa: B018 (loads them, filling load_errors)
    if ctx.load_errors:
        return  # an unreadable content file is reported by `validation` already
    try:
        pages = ctx.site.rendered_pages()
    except HomepageError as exc:
        yield Problem.from_located(str(exc), ERROR, "render", str(ctx.site.root))
        return
    for path, (old, new) in pages.items():
        if old != new:
            yield Problem(ctx.rel(path), 0, ERROR,
                          "out of date with content/ (run `homepage-tui render`, or save in the editor)",
                          "out-of-date")


def settings_line(ctx: LintContext, name: str) -> int:
    """The line of `  NAME:` under `sections:` in site.yml (1 when it cannot be found)."""
    try:
        text, _ = read_text(ctx.site.settings_path)
    except HomepageError:
        return 0
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s+['\"]?{re.escape(name)}['\"]?\s*:", line):
            return number
    return 1


def section_without_region(ctx: LintContext) -> Iterator[Problem]:
    """A section declared in site.yml that no region of the page shows never reaches the site."""
    if not ctx.page_texts:
        return
    for name, settings in ctx.site.settings.sections.items():
        if name in ctx.region_sections:
            continue
        heading = model.text_of(settings.get("title")) or name.replace("_", " ").title()
        yield Problem(ctx.rel(ctx.site.settings_path), settings_line(ctx, name), WARNING,
                      f"section {name!r} has no region in {ctx.site.settings.page}, so the site does not "
                      f"show it: add one with `homepage-tui add-region {name} --heading \"{heading}\"` "
                      "(in the editor: `c`, then `g`)", "no-region")


# ---------------------------------------------------------------- menu anchors

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
EXPLICIT_ID_RE = re.compile(r"""\bid\s*=\s*["']([^"']+)["']|\{:?\s*#([\w-]+)[^}]*\}""")
FENCE_RE = re.compile(r"^(`{3,}|~{3,})")
NON_WORD_RE = re.compile(r"[^\w\- \t]")


def gfm_header_id(text: str, counter: dict[str, int]) -> str:
    """kramdown's GFM parser's header id (kramdown-parser-gfm `generate_gfm_header_id`):
    lower case, drop what is not a word character, dash or space, spaces to dashes; repeats get
    -1, -2. `# 🔥 News` becomes `-news`."""
    result = NON_WORD_RE.sub("", text.lower()).replace(" ", "-").replace("\t", "-")
    counter[result] = counter.get(result, -1) + 1
    return result + (f"-{counter[result]}" if counter[result] > 0 else "")


def kramdown_header_id(text: str, counter: dict[str, int]) -> str:
    """kramdown's own parser's header id (`generate_id`): leading non-letters dropped."""
    result = re.sub(r"^[^a-zA-Z]+", "", text)
    result = re.sub(r"[^a-zA-Z0-9 -]", "", result).replace(" ", "-").lower() or "section"
    counter[result] = counter.get(result, -1) + 1
    return result + (f"-{counter[result]}" if counter[result] > 0 else "")


def _heading_text(markdown: str) -> str:
    """The words of a heading: links and inline markup reduced to their text."""
    text = re.sub(r"\{:?[^}]*\}\s*$", "", markdown)  # an IAL such as {#id}
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"(\*\*|__|\*|`)", "", text).strip()


def _markdown_input(ctx: LintContext) -> str:
    try:
        text, _ = read_text(ctx.site.root / "_config.yml")
        config = yaml.load(text, Loader=_SAFE_LOADER) or {}
        return str(((config.get("kramdown") or {}).get("input")) or "GFM")
    except Exception:  # an unreadable config: GitHub Pages' default
        return "GFM"


def page_ids(ctx: LintContext) -> set[str]:
    """The ids the page's headings get from kramdown, plus ids written out (`id='...'`, `{#...}`)."""
    make_id = gfm_header_id if _markdown_input(ctx).lower() == "gfm" else kramdown_header_id
    ids: set[str] = set()
    counter: dict[str, int] = {}
    for text in ctx.page_texts.values():
        text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
        fence = None
        for line in text.splitlines():
            if (m := FENCE_RE.match(line.strip())):
                fence = None if fence and m.group(1)[0] == fence else (fence or m.group(1)[0])
                continue
            if fence:
                continue
            for m in EXPLICIT_ID_RE.finditer(line):
                ids.add(m.group(1) or m.group(2))
            heading = HEADING_RE.match(line)
            if heading:
                ids.add(make_id(_heading_text(heading.group(2)), counter))
    return ids


def _menu_urls(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "url" and isinstance(value, str):
                yield value
            else:
                yield from _menu_urls(value)
    elif isinstance(data, list):
        for item in data:
            yield from _menu_urls(item)


def menu_anchors(ctx: LintContext) -> Iterator[Problem]:
    """A menu entry of _data/navigation.yml that jumps to an anchor the page does not have."""
    nav = ctx.site.root / NAVIGATION
    if not nav.exists() or not ctx.page_texts:
        return
    try:
        text, _ = read_text(nav)
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except Exception as exc:  # noqa: BLE001 (any YAML error is one warning)
        yield Problem(NAVIGATION, 0, WARNING, f"cannot be read: {str(exc).splitlines()[0]}", "menu-anchor")
        return
    ids = page_ids(ctx)
    lines = text.splitlines()
    for url in _menu_urls(data):
        path, _, anchor = url.partition("#")
        if not anchor or path.strip("/") not in ("", "about", "about.html"):
            continue
        if anchor not in ids:
            number = next((i for i, ln in enumerate(lines, start=1) if url in ln), 0)
            near = ", ".join(sorted(i for i in ids if anchor.strip("-") in i)[:3])
            hint = f" (the page has {near})" if near else ""
            yield Problem(NAVIGATION, number, WARNING,
                          f"menu link {url} jumps to #{anchor}, which no heading of the page produces{hint}",
                          "menu-anchor")


# ---------------------------------------------------------------- emphasis

def _bare_stars(markdown: str) -> str:
    """The entry's markdown with everything that cannot open or close emphasis in kramdown
    blanked: list markers, code, math, URLs, tags, escaped stars, stars between spaces."""
    text = re.sub(r"^\s*[*+-]\s+", "", markdown, flags=re.M)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\$[^$\n]*\$", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]*>", "", text)
    text = text.replace("\\\\", "").replace("\\*", "")
    return re.sub(r"(?<=\s)\*+(?=\s)", "", text)


def leaks(markdown: str) -> bool:
    """True when a star in `markdown` would make emphasis nobody meant: an odd number of them
    (one is left to pair with whatever star comes next), or a star right before `, ` with
    another star after it (`Z. Tang***, Y. Zhang*`: italics from the comma to the next author)."""
    if "*" not in markdown:
        return False  # most news and many other entries: no star, nothing to blank
    text = _bare_stars(markdown)
    if text.count("*") % 2:
        return True
    return any("*" in text[m.end():] for m in re.finditer(r"\*+(?=[,;] )", text))


def emphasis_leaks(ctx: LintContext) -> Iterator[Problem]:
    """An entry whose markdown holds an unpaired `*`: kramdown pairs it with the next star, in
    the next author or field, and sets everything between in italics or bold."""
    for name, section in ctx.sections.items():
        doc = section.file.doc
        starts = entry_lines(doc)
        for i, markdown in enumerate(_entry_markdown(ctx, name, section)):
            if markdown is None or not leaks(markdown):
                continue
            entry = doc.plain_view(i)
            key = next((k for k in ("authors", "text", "title", "raw") if k in entry), None)
            yield Problem(ctx.rel(section.path), EntryRef(section, i, entry, starts).line(key),
                          WARNING, "an unpaired * in this entry: kramdown pairs it with the next one "
                          "and sets the text between in italics or bold (write \\* for a star)",
                          "emphasis-leak")


def _entry_markdown(ctx: LintContext, name: str, section: Any) -> list[str | None]:
    """Each entry's markdown, rendered with the page when it can be (page_out_of_date, run
    before, filled the cache), else one by one: an entry that cannot render is left out (None)."""
    try:
        return ctx.site.entry_markdown(name)
    except Exception:  # noqa: BLE001 (reported by validation and page_out_of_date)
        pass
    out: list[str | None] = []
    for entry in section.entries_view():
        try:
            out.append(render_entries([entry], section.style, ctx.site.settings.names))
        except Exception:  # noqa: BLE001
            out.append(None)
    return out
