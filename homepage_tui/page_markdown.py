"""rich's Markdown as the page's visitor reads it: a link without an address shows its text alone.

kramdown turns `[paper]()` into a link to the page itself, so the visitor sees "paper"; rich, asked
not to make hyperlinks, prints each link as "text (URL)", which gave "paper ()". Imported where a
preview is drawn (it pulls in markdown-it and pygments), never at start-up.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from rich.markdown import Markdown

_PARSER: MarkdownIt | None = None


class PageMarkdown(Markdown):
    """rich's Markdown sets up a new markdown-it parser for every text, a third of drawing one
    entry, which the preview does at every keystroke; a parser keeps no state between parses, so
    one serves every text given no option but `hyperlinks`. What it sets is what rich's
    Markdown.__init__ sets (tests/test_page_markdown_parser.py compares them)."""

    def __init__(self, markup: str, hyperlinks: bool = True, **options) -> None:  # noqa: ANN003
        if options:
            super().__init__(markup, hyperlinks=hyperlinks, **options)
        else:
            global _PARSER
            if _PARSER is None:
                _PARSER = MarkdownIt().enable("strikethrough").enable("table")
            self.markup = markup
            self.parsed = _PARSER.parse(markup)
            self.code_theme = "monokai"
            self.justify = None
            self.style = "none"
            self.hyperlinks = hyperlinks
            self.inline_code_lexer = None
            self.inline_code_theme = self.code_theme
        for token in self.parsed:
            if token.children:
                token.children = _without_empty_links(token.children)


def _without_empty_links(children: list) -> list:
    kept = []
    dropping = False  # CommonMark links do not nest, so a close always ends the last open
    for child in children:
        if child.type == "link_open" and not str(child.attrs.get("href", "")).strip():
            dropping = True
            continue
        if child.type == "link_close" and dropping:
            dropping = False
            continue
        kept.append(child)
    return kept
