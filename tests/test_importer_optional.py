"""Templates induced by the importer keep optional parts optional for entries added later."""

from pathlib import Path

from homepage_tui.cli import main
from homepage_tui.importer.optional import make_optional
from homepage_tui.site import Site

from sitebuild import site_from_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_make_optional_wraps_the_elements_of_optional_fields():
    template = ("<div><div class=\"badge\">{badge}</div><img src='{image}' alt=\"x\"></div>\n[{title}]({url})\n"
                "<strong><span class='c' data='{citation}'></span></strong>{links}\n- *{date}*: {emoji} {text}")
    assert make_optional(template) == (
        "<div>{?badge}<div class=\"badge\">{badge}</div>{/badge}{?image}<img src='{image}' alt=\"x\">{/image}</div>\n"
        "{?url}[{title}]({url}){/url}{!url}{title}{/url}\n"
        "{?citation}<strong><span class='c' data='{citation}'></span></strong>{/citation}{links}\n"
        "- *{date}*: {?emoji}{emoji} {/emoji}{text}")
    assert make_optional("* {authors}. {title}.") == "* {authors}. {title}."


def test_paper_added_without_badge_image_or_link_has_no_empty_box(tmp_path):
    site_dir = site_from_page(tmp_path / "site", (PAGES / "HaoTang11__HaoTang11.github.io.md").read_text())
    assert main(["import", "--site", str(site_dir)]) == 0
    site = Site.open(site_dir)
    pubs = site.section("publications")
    pubs.insert(0, {"title": "A New Paper", "authors": ["Hao Tang", "B. Other"], "venue": "*ICML*, 2026"})
    site.save_and_render(pubs)
    page = site.page_path.read_text()
    region = page[page.index("<!-- homepage-tui:begin publications"):]
    first = region[:region.index("</div>\n</div>")]
    assert "A New Paper" in first
    assert 'class="badge"></div>' not in first and "src=''" not in first and "data=''" not in first
    assert "[A New Paper]()" not in first
    assert "**Hao Tang**" in first
