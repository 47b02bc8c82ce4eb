"""`homepage-tui check`'s rules: each with a site that has the problem and one that does not."""

from __future__ import annotations

import pytest

from homepage_tui.cli import main
from lint_support import NEWS, PAGE, PUBLICATIONS, SETTINGS, make_site, problems


def test_a_clean_site_has_no_problems(tmp_path):
    assert problems(make_site(tmp_path)) == []


def test_future_news_date_and_publication_year(tmp_path):
    site = make_site(tmp_path, {
        "content/news.yml": "- date: '2027.01'\n  text: Soon.\n" + NEWS,
        "content/publications.yml": PUBLICATIONS.replace("'2024'", "'2031'"),
    })
    assert problems(site, "future-date") == [
        "content/news.yml:1: warning: date 2027.01 is in the future",
        "content/publications.yml:4: warning: year 2031 is in the future",
    ]


def test_a_news_date_that_is_a_year_alone_is_checked_at_that_precision(tmp_path):
    """`date: '2027'` is a valid news date: `check` read it as a month and stopped with a TypeError."""
    site = make_site(tmp_path, {"content/news.yml": "- date: '2027'\n  text: Next year.\n" + NEWS})
    assert problems(site, "future-date") == ["content/news.yml:1: warning: date 2027 is in the future"]
    this_year = make_site(tmp_path / "b", {"content/news.yml": "- date: '2026'\n  text: This year.\n" + NEWS})
    assert problems(this_year, "future-date") == []
    assert problems(this_year, "news-order") == []  # 2026 is not earlier than 2026.10 below it
    assert problems(this_year, "stale-news") == []


def test_this_month_is_not_the_future(tmp_path):
    site = make_site(tmp_path, {"content/news.yml": "- date: '2026.11'\n  text: Now.\n" + NEWS})
    assert problems(site, "future-date") == []


def test_newest_news_older_than_twelve_months(tmp_path):
    old = NEWS.replace("2026.10", "2025.09").replace("2026.03", "2025.01")
    assert problems(make_site(tmp_path, {"content/news.yml": old}), "stale-news") == [
        "content/news.yml:1: warning: the newest news (2025.09) is 14 months old"]
    assert problems(make_site(tmp_path / "b"), "stale-news") == []


def test_news_dated_earlier_than_the_entry_below(tmp_path):
    swapped = "- date: '2026.03'\n  text: I joined the lab.\n- date: '2026.10'\n  text: Accepted.\n"
    assert problems(make_site(tmp_path, {"content/news.yml": swapped}), "news-order") == [
        "content/news.yml:1: warning: dated 2026.03, earlier than the entry below it (2026.10); "
        "news is newest first (`s` sorts)"]
    assert problems(make_site(tmp_path / "b"), "news-order") == []


def test_duplicate_titles_are_errors(tmp_path):
    twice = PUBLICATIONS + PUBLICATIONS.replace("arxiv.org/abs/2402.07011", "example.org/x")
    found = problems(make_site(tmp_path, {"content/publications.yml": twice}), "validation")
    assert found == ["content/publications.yml:7: error: duplicate of the entry at line 1"]


def test_duplicate_dois(tmp_path):
    two = PUBLICATIONS + """\
- title: Another paper
  authors: [Z. Tang]
  venue: NeurIPS
  year: '2023'
  links:
    doi: https://doi.org/10.1145/3600006.3613145
- title: Third paper
  authors: [Z. Tang]
  venue: ICML
  year: '2022'
  links:
    paper: https://dl.acm.org/doi/10.1145/3600006.3613145
"""
    assert problems(make_site(tmp_path, {"content/publications.yml": two}), "duplicate-doi") == [
        "content/publications.yml:13: warning: DOI 10.1145/3600006.3613145 is also on the entry at line 7"]
    assert problems(make_site(tmp_path / "b"), "duplicate-doi") == []


def test_image_or_pdf_link_to_a_missing_file(tmp_path):
    news = "- date: '2026.10'\n  text: Slides [here](/files/talk.pdf) and ![x](images/fig.png).\n"
    site = make_site(tmp_path, {"content/news.yml": news})
    assert problems(site, "missing-file") == [
        "content/news.yml:2: warning: /files/talk.pdf links to files/talk.pdf, which is not in the repository",
        "content/news.yml:2: warning: images/fig.png links to images/fig.png, which is not in the repository",
    ]
    (site.root / "files").mkdir()
    (site.root / "files/talk.pdf").write_bytes(b"%PDF")
    (site.root / "images").mkdir()
    (site.root / "images/fig.png").write_bytes(b"png")
    assert problems(site, "missing-file") == []


def test_missing_file_in_the_pages_own_prose_but_not_in_a_comment(tmp_path):
    page = PAGE.replace("Hi, see", "![me](images/me.jpg)\n<!-- ![old](images/old.jpg) -->\nHi, see")
    assert problems(make_site(tmp_path, {"_pages/about.md": page}), "missing-file") == [
        "_pages/about.md:6: warning: images/me.jpg links to images/me.jpg, which is not in the repository"]


def test_menu_anchor_that_no_heading_produces(tmp_path):
    nav = ('main:\n  - title: "About Me"\n    url: "/#about-me"\n  - title: "News"\n    url: "/#-news"\n'
           '  - title: "Publications"\n    url: "/#publications"\n')
    site = make_site(tmp_path, {"_data/navigation.yml": nav})
    assert problems(site, "menu-anchor") == [
        "_data/navigation.yml:7: warning: menu link /#publications jumps to #publications, which no heading "
        "of the page produces (the page has -publications)"]
    fixed = make_site(tmp_path / "b", {"_data/navigation.yml": nav.replace('"/#publications"', '"/#-publications"')})
    assert problems(fixed, "menu-anchor") == []


def test_http_link_where_https_exists(tmp_path):
    news = ("- date: '2026.10'\n  text: Code on [GitHub](http://github.com/me/x), group at "
            "[site](http://example.org/group), old [page](http://old.example.net/).\n")
    assert problems(make_site(tmp_path, {"content/news.yml": news}), "http-link") == [
        "content/news.yml:2: warning: http://github.com/me/x uses http:// but github.com serves https: use https://",
        "content/news.yml:2: warning: http://example.org/group uses http:// but example.org is linked with "
        "https:// elsewhere on the site: use https://",
    ]
    assert problems(make_site(tmp_path / "b"), "http-link") == []


def test_empty_required_and_recommended_fields(tmp_path):
    pubs = "- title: ''\n  authors: []\n  venue: ICLR\n  year: '2024'\n"
    found = problems(make_site(tmp_path, {"content/publications.yml": pubs}, render=False))
    assert "content/publications.yml:1: error: title is required" in found
    assert "content/publications.yml:2: warning: authors is empty" in found


def test_author_list_without_the_users_name(tmp_path):
    pubs = PUBLICATIONS.replace("[Z. Tang, Y. Zhang]", "[A. Li, Y. Zhang]")
    assert problems(make_site(tmp_path, {"content/publications.yml": pubs}), "own-name") == [
        "content/publications.yml:2: warning: the authors do not include your name (Z. Tang; site.yml `names`)"]
    marked = PUBLICATIONS.replace("[Z. Tang, Y. Zhang]", "['Z. Tang*', Y. Zhang]")
    assert problems(make_site(tmp_path / "b", {"content/publications.yml": marked}), "own-name") == []


def test_empty_link(tmp_path):
    news = "- date: '2026.10'\n  text: Accepted ([paper]()).\n"
    pubs = PUBLICATIONS.replace("paper: https://arxiv.org/abs/2402.07011", "paper: ''")
    site = make_site(tmp_path, {"content/news.yml": news, "content/publications.yml": pubs})
    assert problems(site, "empty-link") == [
        "content/news.yml:2: warning: [paper]() links nowhere: add the URL or remove it",
        "content/publications.yml:5: warning: [paper]() links nowhere: add the URL or remove it",
    ]


def test_emphasis_that_leaks_across_authors(tmp_path):
    raw = "- raw: '* **Z. Tang***, Y. Zhang*, S. Shi. A paper. ICML.'\n"
    site = make_site(tmp_path, {"content/publications.yml": PUBLICATIONS + raw})
    assert problems(site, "emphasis-leak") == [
        "content/publications.yml:7: warning: an unpaired * in this entry: kramdown pairs it with the next one "
        "and sets the text between in italics or bold (write \\* for a star)"]
    # The same markers as structured authors are escaped by the renderer: nothing leaks.
    marked = PUBLICATIONS.replace("[Z. Tang, Y. Zhang]", "['Z. Tang*', 'Y. Zhang*']")
    assert problems(make_site(tmp_path / "b", {"content/publications.yml": marked}), "emphasis-leak") == []


def test_section_in_site_yml_without_a_region(tmp_path):
    settings = SETTINGS + "  talks:\n    type: tree\n    title: Invited Talks\n"
    site = make_site(tmp_path, {"content/site.yml": settings, "content/talks.yml": "- text: A talk\n"})
    assert problems(site, "no-region") == [
        "content/site.yml:8: warning: section 'talks' has no region in _pages/about.md, so the site does not "
        "show it: add one with `homepage-tui add-region talks --heading \"Invited Talks\"` (in the editor: `c`, then `g`)"]


def test_page_out_of_date_and_unreadable_content_are_errors(tmp_path):
    site = make_site(tmp_path)
    news = site.root / "content/news.yml"
    news.write_text(NEWS.replace("I joined", "We joined"))
    assert problems(site, "out-of-date") == [
        "_pages/about.md: error: out of date with content/ (run `homepage-tui render`, or save in the editor)"]
    news.write_text("- date: '2026.10\n  text: x\n")
    found = problems(site)
    assert any(p.startswith("content/news.yml:") and ": error: " in p for p in found), found
    assert problems(site, "out-of-date") == []


def test_check_exits_1_on_errors_and_with_strict_on_warnings(tmp_path, capsys):
    site = make_site(tmp_path, {"content/news.yml": "- date: '2024.10'\n  text: Old.\n"})
    assert main(["check", "--site", str(site.root)]) == 0
    out = capsys.readouterr().out
    assert "content/news.yml:1: warning: the newest news (2024.10) is" in out and "1 warning" in out
    assert main(["check", "--strict", "--site", str(site.root)]) == 1
    capsys.readouterr()
    (site.root / "content/news.yml").write_text("- date: '2024.13'\n  text: Old.\n")
    assert main(["check", "--site", str(site.root)]) == 1
    assert "content/news.yml:1: error: date '2024.13' has month 13" in capsys.readouterr().out
