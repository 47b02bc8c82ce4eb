"""Author markers (`*`, `#`, a dagger, `\\*`) after the user's bolded name show literally on the
real site (issue 15.4): built with Debian's jekyll, read as a visitor sees the page."""

from __future__ import annotations

import re

import pytest

from homepage_tui.render import SectionStyle, render_entries
from sitebuild import build, jekyll_available, site_from_page

pytestmark = pytest.mark.skipif(not jekyll_available(), reason="needs Debian's jekyll (.ci/run installs it)")

STYLE = SectionStyle.from_settings("publications", {"template": "* {authors}. {title}. {venue|period}"})
NAMES = ["Z. Tang"]


def _page(authors: list[str]) -> str:
    body = render_entries([{"title": "A paper", "authors": authors, "venue": "ICML 2022"}], STYLE, NAMES)
    return f"---\npermalink: /\n---\n# Publications\n\n{body}\n"


def _entry_html(html: str) -> str:
    return re.search(r"<li>(.*?)</li>", html, re.S).group(1)


@pytest.mark.parametrize("marker, shown", [("*", "*"), ("#", "#"), ("†", "†"), ("\\*", "*")])
def test_markers_after_the_bold_own_name_show_literally(tmp_path, marker, shown):
    html = build(site_from_page(tmp_path / "site", _page([f"Z. Tang{marker}", f"Y. Zhang{marker}", "S. Shi"])))
    entry = _entry_html(html)
    assert f"<strong>Z. Tang</strong>{shown}, Y. Zhang{shown}, S. Shi" in entry, entry
    assert "<em>" not in entry


def test_a_star_marker_on_a_coauthor_alone_does_not_pair_with_the_next(tmp_path):
    html = build(site_from_page(tmp_path / "site", _page(["A. Li*", "Z. Tang", "B. Wu*"])))
    entry = _entry_html(html)
    assert "A. Li*, <strong>Z. Tang</strong>, B. Wu*" in entry, entry
    assert "<em>" not in entry


def test_a_single_star_right_after_the_bold_name_stays_a_star(tmp_path):
    html = build(site_from_page(tmp_path / "site", _page(["Z. Tang*", "Y. Zhang", "S. Shi"])))
    entry = _entry_html(html)
    assert "<strong>Z. Tang</strong>*, Y. Zhang, S. Shi" in entry, entry
