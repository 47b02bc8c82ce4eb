"""PageMarkdown parses with one shared markdown-it parser (the preview draws a block at every
keystroke): it must be rich's Markdown in every attribute and draw the same lines; a link without
an address still shows its text alone."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.markdown import Markdown

from homepage_tui.page_markdown import PageMarkdown

TEXTS = [
    "* **A. Author**, B. Author. *A Title: with ~~strike~~ and `code`*. In ICML 2024. [paper](https://a.org)\n",
    "- 2024.06 🎉 Our paper is accepted.\n- second item\n\n  continued\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "# Heading\n\n> quoted\n\n```python\nprint(1)\n```\n",
    "",
]


def lines(renderable) -> list[str]:
    """Each drawn line as its segments (text and style)."""
    console = Console(width=60, record=True, color_system="truecolor")
    return [str(line) for line in console.render_lines(renderable, console.options, pad=False)]


def plain(renderable) -> str:
    console = Console(width=60, color_system=None)
    return "\n".join("".join(s.text for s in line)
                     for line in console.render_lines(renderable, console.options, pad=False))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("hyperlinks", [False, True])
def test_page_markdown_is_rich_markdown_with_a_shared_parser(text, hyperlinks):
    ours, rich_own = PageMarkdown(text, hyperlinks=hyperlinks), Markdown(text, hyperlinks=hyperlinks)
    assert set(vars(ours)) == set(vars(rich_own))
    assert {k: v for k, v in vars(ours).items() if k != "parsed"} == {
        k: v for k, v in vars(rich_own).items() if k != "parsed"}
    assert [t.as_dict() for t in ours.parsed] == [t.as_dict() for t in rich_own.parsed]
    assert lines(ours) == lines(rich_own)


def test_an_empty_link_shows_its_text_with_the_shared_parser_as_with_richs():
    text = "* A paper. [paper]() [code](https://c.org)\n"
    shared = PageMarkdown(text, hyperlinks=False)
    own = PageMarkdown(text, hyperlinks=False, code_theme="monokai")  # an option: rich's own parser
    assert lines(shared) == lines(own)
    assert "A paper. paper code (https://c.org)" in plain(shared)
