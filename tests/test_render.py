"""The renderer: the page's own style, determinism, and fields that cannot break out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from homepage_tui import model
from homepage_tui.errors import SiteError
from homepage_tui.regions import find_regions, replace_regions, wrap_region
from homepage_tui.render import SectionStyle, fill, render_entries, select_entries
from homepage_tui.site import Site

from sitebuild import build, jekyll_available, site_from_page, visible

SEED_NEWS = SectionStyle.from_settings(model.NEWS, {"template": "* [{date}] &nbsp;{?emoji}{emoji} {/emoji}{text}"})
SEED_PUBS = SectionStyle.from_settings(model.PUBLICATIONS, {
    "template": "* {authors}. {title}. {venue|period}{?note} {note}{/note}", "separator": "\n\n"})


def test_news_in_the_seed_style():
    entries = [{"date": "2024.06", "emoji": "🎉🎉", "text": "Paper accepted."},
               {"date": "2024.10", "text": "No emoji."}]
    assert render_entries(entries, SEED_NEWS) == (
        "* [2024.06] &nbsp;🎉🎉 Paper accepted.\n* [2024.10] &nbsp;No emoji.")


def test_publication_bolds_own_names_and_keeps_markers_outside():
    pub = {"title": "A Paper", "authors": ["A. One", "Z. Tang$\\dagger$", "and Zhenheng Tang\\*"],
           "venue": "In ICML 2024"}
    out = render_entries([pub], SEED_PUBS, names=["Z. Tang", "Zhenheng Tang"])
    assert out == "* A. One, **Z. Tang**$\\dagger$, and **Zhenheng Tang**\\*. A Paper. In ICML 2024."


def test_bold_positions_override_name_matching():
    pub = {"title": "T", "authors": ["Z. Tang", "Z. Tang"], "venue": "V.", "bold": [2]}
    assert render_entries([pub], SEED_PUBS, names=["Z. Tang"]) == "* Z. Tang, **Z. Tang**. T. V."


def test_author_with_its_own_markup_is_left_alone():
    pub = {"title": "T", "authors": ["<u>Ziwei Luo</u>", "B"], "venue": "V"}
    assert render_entries([pub], SEED_PUBS, names=["Ziwei Luo"]).startswith("* <u>Ziwei Luo</u>, B.")


def test_paper_box_for_entries_with_an_image():
    pub = {"title": "Boxed", "authors": ["A"], "venue": "CVPR 2024", "badge": "CVPR 2024", "image": "images/x.png",
           "links": {"Paper": "https://a.org/p.pdf", "Code": "https://github.com/a/b"}, "highlights": ["One point"]}
    out = render_entries([pub], SEED_PUBS)
    assert out.startswith("<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">CVPR 2024</div>")
    assert "<img src='images/x.png'" in out and "**Boxed**" in out
    assert "[Paper](https://a.org/p.pdf) [Code](https://github.com/a/b)" in out
    assert "\n- One point\n</div>\n</div>" in out


def test_nested_tree_with_indent_and_bullets():
    style = SectionStyle.from_settings(model.TREE, {"bullet": "*", "indent": 4, "separator": "\n\n"})
    items = [{"text": "Reviewer:", "children": [{"text": "ML", "children": [{"text": "TPAMI"}]}]},
             {"text": "Second"}]
    assert render_entries(items, style) == "* Reviewer:\n    * ML\n        * TPAMI\n\n* Second"


def test_template_conditionals():
    values = {"a": "x", "b": ""}
    fmt = lambda name, f: values.get(name, "")  # noqa: E731
    assert fill("{?a}[{a}]{/a}{?b}({b}){/b}{!b}none{/b} {:target=\"_blank\"}", values, fmt) == \
        "[x]none {:target=\"_blank\"}"


def test_selector_regions_split_entries():
    entries = [{"title": "a"}, {"title": "b", "group": "preprint"}]
    assert select_entries(entries, {"group": "preprint"}, [{}, {"group": "preprint"}]) == [entries[1]]
    assert select_entries(entries, {}, [{}, {"group": "preprint"}]) == [entries[0]]


def test_regions_are_found_replaced_and_validated():
    page = f"# News\n{wrap_region('news', 'old')}\nafter\n"
    assert [r.section for r in find_regions(page)] == ["news"]
    assert replace_regions(page, {("news", ()): "new"}) == (
        "# News\n<!-- homepage-tui:begin news -->\n\nnew\n\n<!-- homepage-tui:end news -->\nafter\n")
    with pytest.raises(SiteError, match="no end marker"):
        find_regions("<!-- homepage-tui:begin news -->\n")
    with pytest.raises(SiteError, match="no begin marker"):
        find_regions("<!-- homepage-tui:end news -->\n")
    with pytest.raises(SiteError, match="line of its own"):
        find_regions("text <!-- homepage-tui:begin news --> more\n")


HOSTILE = [
    "line one\n# Heading injected",
    "before\n<!-- homepage-tui:end news -->\nafter",
    "{% endif %} and {{ site.title }} and {% raw %}",
    "<div><span>unbalanced",
    "</div></div> closes what it never opened",
    "<!-- never closed",
    "a\n===\nsetext",
    "a\n```\nfence never closed",
    "# starts with a hash",
]


@pytest.fixture
def demo_copy(tmp_path):
    from homepage_tui.demo import bundled, bundled_content

    site = tmp_path / "site"
    shutil.copytree(bundled("demo_data"), site)
    shutil.copytree(bundled_content(), site / "content", ignore=shutil.ignore_patterns("__pycache__"))
    Site.open(site).render()
    return site


def require_jekyll():
    if not jekyll_available():
        pytest.fail("Debian's jekyll is needed for this test: sudo apt-get install jekyll")


def test_no_field_can_break_out_of_its_place_in_the_built_site(demo_copy):
    require_jekyll()
    site = Site.open(demo_copy)
    before_text, before_links, before_headings = visible(build(demo_copy))
    news = site.section("news")
    pubs = site.section("publications")
    for i, text in enumerate(HOSTILE):
        news.insert(0, {"date": "2026.01", "text": text})
    pubs.update(0, {"title": "{% endif %} <b>bold never closed", "venue": "<!-- homepage-tui:begin news -->"})
    site.save_and_render(news)
    site.save_and_render(pubs)
    page = site.page_path.read_text()
    regions = find_regions(page)
    assert [r.section for r in regions].count("news") == 1
    html = build(demo_copy)  # the build succeeds: no Liquid error
    text, links, headings = visible(html)
    assert headings == before_headings  # no heading was added
    for hostile in HOSTILE:
        # Its words are on the page as text (kramdown's typography turns `--` into a dash).
        assert hostile.split("\n")[0].split()[-1] in text
    assert "{% endif %}" in text  # shown as text, not run
    # Everything that followed the news region is still on the page.
    assert before_text[before_text.index("Educations"):][:200] in text
    assert all(link in links for link in before_links)


def test_rendering_is_deterministic_and_an_unchanged_site_changes_no_file(demo_copy):
    page = (demo_copy / "_pages" / "about.md").read_bytes()
    assert Site.open(demo_copy).render() == []
    assert (demo_copy / "_pages" / "about.md").read_bytes() == page
    a = Site.open(demo_copy).rendered_pages()
    b = Site.open(demo_copy).rendered_pages()
    assert a == b


def test_outside_text_stays_byte_identical(demo_copy):
    page_path = demo_copy / "_pages" / "about.md"
    before = page_path.read_text()
    site = Site.open(demo_copy)
    site.add_news("2026.11", "Something new")
    after = page_path.read_text()
    # Only one line was added, inside the news region; every other byte is as it was.
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["* [2026.11] &nbsp;🎉🎉 Something new"]  # the emoji the newest entry has
    assert after.replace("* [2026.11] &nbsp;🎉🎉 Something new\n", "", 1) == before


def test_demo_site_shows_what_the_seed_page_shows(demo_copy, tmp_path):
    require_jekyll()
    seed = (Path(__file__).parent / "fixtures" / "seed_about.md").read_text(encoding="utf-8")
    seed_site = site_from_page(tmp_path / "seed", seed)
    expected = visible(build(seed_site))
    actual = visible(build(demo_copy))
    assert actual[0] == expected[0]  # the same visible text
    assert actual[1] == expected[1]  # the same links, in order
    assert actual[2] == expected[2]  # the same headings
