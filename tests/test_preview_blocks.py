"""The preview draws a section entry by entry (so that a keystroke redraws one entry): the lines
must be the ones rich draws for the whole region, on every section of every fixture page."""

from __future__ import annotations

import pytest
from rich.console import Console
from homepage_tui.page_markdown import PageMarkdown as Markdown  # what the pane draws with

from importer_support import PAGES, make_site
from homepage_tui.importer.apply import apply, plan_site
from homepage_tui.preview import PreviewBlock, join_blocks, preview_blocks, terminal_markdown
from homepage_tui.render import render_entries, render_parts
from homepage_tui.site import Site

WIDTHS = (33, 70)


def drawn(markdown: str, width: int) -> list[tuple]:
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    options = console.options.update_width(width).update(highlight=False)
    lines = console.render_lines(Markdown(markdown, hyperlinks=False), options, pad=False)
    return [tuple((s.text, s.style) for s in line if s.text) for line in lines]


def by_blocks(blocks: list[PreviewBlock], width: int) -> list[tuple]:
    return join_blocks(blocks, lambda md: drawn(md, width), lambda line: not "".join(t for t, _ in line).strip(), ())


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_sections_drawn_by_blocks_look_as_drawn_whole(page, tmp_path):
    root = make_site(tmp_path / "site", page)
    apply(root, plan_site(root, "_pages/about.md"))
    site = Site.open(root)
    split = 0
    for name in site.section_names():
        section = site.section(name)
        entries = [section.entry(i) for i in range(len(section))]
        parts = render_parts(entries, section.style, site.settings.names)
        whole = render_entries(entries, section.style, site.settings.names)
        assert section.style.separator.join(p for p in parts if p is not None) == whole
        blocks = preview_blocks(parts, section.style.separator)
        if blocks is None:
            continue
        split += 1
        for width in WIDTHS:
            assert by_blocks(blocks, width) == drawn(terminal_markdown(whole), width), f"{name} at width {width}"
    assert split, "no section of this page is drawn by blocks"


def test_the_seeds_long_sections_are_drawn_by_blocks(tmp_path):
    page = next(p for p in PAGES if p.stem == "seed__about")
    root = make_site(tmp_path / "site", page)
    apply(root, plan_site(root, "_pages/about.md"))
    site = Site.open(root)
    for name in ("news", "publications", "awards"):
        section = site.section(name)
        parts = render_parts([section.entry(i) for i in range(len(section))], section.style, site.settings.names)
        blocks = preview_blocks(parts, section.style.separator)
        assert blocks is not None and len(blocks) == len(section), name


def test_entries_that_join_are_not_split():
    # One paragraph (lines joined by a newline), an ordered list, a link reference, an image.
    assert preview_blocks(["first line", "second line"], "\n") is None
    assert preview_blocks(["1. one", "2. two"], "\n") is None
    assert preview_blocks(["* see [the paper][p]", "[p]: https://example.org"], "\n\n") is None
    assert preview_blocks(["* a ![badge](b.svg)", "* b"], "\n\n") is None
    assert preview_blocks(["* a", "* b"], ", ") is None
    # A comment-only entry draws nothing and takes no gap; a list's items have none between.
    blocks = preview_blocks(["* a", "<!-- note -->", "* b", "A paragraph"], "\n\n")
    assert [(b.markdown, b.gap) for b in blocks] == [("* a\n", 0), ("* b\n", 0), ("A paragraph\n", 1)]
