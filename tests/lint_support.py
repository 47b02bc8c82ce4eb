"""A small site on disk for the rule tests: site.yml, content files, a page with regions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from homepage_tui.lint import lint_site
from homepage_tui.site import Site

TODAY = date(2026, 11, 15)

SETTINGS = """\
names: [Z. Tang]
page: _pages/about.md
sections:
  news:
    type: news
  publications:
    type: publications
"""

NEWS = """\
- date: '2026.10'
  text: Our paper is accepted at [ICLR](https://iclr.cc).
- date: '2026.03'
  text: I joined the lab.
"""

PUBLICATIONS = """\
- title: FedImpro
  authors: [Z. Tang, Y. Zhang]
  venue: ICLR 2024
  year: '2024'
  links:
    paper: https://arxiv.org/abs/2402.07011
"""

PAGE = """\
---
permalink: /
---
<span class='anchor' id='about-me'></span>

Hi, see [my group](https://example.org/group).

# 🔥 News
<!-- homepage-tui:begin news -->
<!-- homepage-tui:end news -->

# 📝 Publications
<!-- homepage-tui:begin publications -->
<!-- homepage-tui:end publications -->
"""


def make_site(tmp: Path, files: dict[str, str] | None = None, render: bool = True) -> Site:
    root = tmp / "site"
    defaults = {
        "content/site.yml": SETTINGS,
        "content/news.yml": NEWS,
        "content/publications.yml": PUBLICATIONS,
        "_pages/about.md": PAGE,
        "_config.yml": "title: Me\nexclude: [content]\n",
    }
    for rel, text in {**defaults, **(files or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    site = Site.open(root)
    if render:
        site.render()
    return Site.open(root)


def problems(site: Site, rule: str | None = None) -> list[str]:
    found = lint_site(site, today=TODAY)
    return [str(p) for p in found if rule is None or p.rule == rule]
