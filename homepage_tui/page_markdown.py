"""rich's Markdown as the page's visitor reads it: a link without an address shows its text alone.

kramdown turns `[paper]()` into a link to the page itself, so the visitor sees "paper"; rich, asked
not to make hyperlinks, prints each link as "text (URL)", which gave "paper ()". Imported where a
preview is drawn (it pulls in markdown-it and pygments), never at start-up.
"""

from __future__ import annotations

from rich.markdown import Markdown


class PageMarkdown(Markdown):
    def __init__(self, markup: str, **options) -> None:  # noqa: ANN003 (rich's Markdown options)
        super().__init__(markup, **options)
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
