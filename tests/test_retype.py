"""A raw entry made typed (`t`): the importer's parsers read it and the section's own template
must write it back; whether the page reads the same is said. And the fields a template names."""

from __future__ import annotations

from homepage_tui import model
from homepage_tui.importer.retype import retype
from homepage_tui.render import SectionStyle
from homepage_tui.template_fields import template_fields

NEWS = SectionStyle(type=model.NEWS, template="* [{date}] &nbsp;{?emoji}{emoji} {/emoji}{text}")


def test_news_in_the_section_style_is_typed_and_reads_the_same():
    result = retype(model.NEWS, {"raw": "* [2024.06] &nbsp;🎉🎉 Our paper is out", "group": "old"}, NEWS)
    assert result is not None and result.same
    assert result.fields == {"date": "2024.06", "emoji": "🎉🎉", "text": "Our paper is out", "group": "old"}


def test_news_written_another_way_is_typed_but_said_to_read_differently():
    result = retype(model.NEWS, {"raw": "- **2024.07**: A workshop"}, NEWS)
    assert result is not None and not result.same
    assert result.fields == {"date": "2024.07", "text": "A workshop"}
    assert result.markdown == "* [2024.07] &nbsp;A workshop"


def test_a_layout_of_the_section_that_fits_is_used():
    style = SectionStyle(type=model.NEWS, template=NEWS.template, layouts={"alt": "- *{date}*: {text}"})
    result = retype(model.NEWS, {"raw": "- *2023.01*: Moved to a new lab"}, style)
    assert result is not None and result.same and result.fields["layout"] == "alt"


def test_text_that_is_no_entry_stays_raw():
    assert retype(model.NEWS, {"raw": "Some prose without a date"}, NEWS) is None
    assert retype(model.AWARDS, {"raw": ""}, SectionStyle(type=model.AWARDS)) is None
    assert retype(model.TREE, {"raw": "a paragraph, no list"}, SectionStyle(type=model.TREE)) is None


def test_awards_publications_and_list_items():
    awards = retype(model.AWARDS, {"raw": "* 2023, Best Paper Award, ICML"},
                    SectionStyle(type=model.AWARDS, template="* {year}, {title}{?org}, {org}{/org}"))
    assert awards is not None and awards.same
    assert awards.fields == {"year": "2023", "title": "Best Paper Award", "org": "ICML"}
    pubs = SectionStyle(type=model.PUBLICATIONS,
                        template="* {authors}. {title}. {venue|period}{?links} {links}{/links}")
    paper = retype(model.PUBLICATIONS, {"raw": "* **Z. Tang**, B. Li. Fast Things. ICML 2024. [paper](https://x.org/p)"},
                   pubs, names=["Z. Tang"])
    assert paper is not None and paper.same
    assert paper.fields["authors"] == ["Z. Tang", "B. Li"] and paper.fields["title"] == "Fast Things"
    item = retype(model.TREE, {"raw": "* Reviewer\n    * NeurIPS 2024"},
                  SectionStyle(type=model.TREE, bullet="*", indent=4))
    assert item is not None and item.same
    assert item.fields == {"text": "Reviewer", "children": [{"text": "NeurIPS 2024"}]}


def test_template_fields_in_order_across_layouts_without_the_computed_number():
    style = SectionStyle(type=model.PUBLICATIONS, template="{n}. {title}{?citation} ({citation}){/citation}",
                         layouts={"box": "{title} {extra|period} {!note}none{/note}"})
    assert template_fields(style) == ["title", "citation", "extra", "note"]
