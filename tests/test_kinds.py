"""The section-type objects (homepage_tui/kinds.py): what each type knows about its entries."""

from datetime import date

import pytest

from homepage_tui import kinds, model
from homepage_tui.render import SectionStyle, render_entries
from homepage_tui.section import header_for

TODAY = date(2026, 3, 5)


def test_a_type_name_gives_its_kind_and_anything_else_is_a_list_section():
    assert [kinds.of(name) for name in model.SECTION_TYPES] == list(kinds.ALL)
    assert kinds.of("news") is kinds.NEWS
    assert kinds.of("talks") is kinds.TREE
    assert kinds.of(None) is kinds.TREE
    assert SectionStyle(type="awards").kind is kinds.AWARDS


def test_a_new_news_entry_is_dated_this_month_and_takes_the_usual_emoji():
    assert kinds.NEWS.new_entry(TODAY, lambda: "🎉") == {"date": "2026.03", "emoji": "🎉", "text": ""}
    assert list(kinds.NEWS.new_entry(TODAY, lambda: "🎉")) == ["date", "emoji", "text"]
    assert kinds.NEWS.new_entry(TODAY, lambda: None) == {"date": "2026.03", "text": ""}


def test_only_news_reads_the_usual_emoji():
    def costly() -> str:
        raise AssertionError("a type without emoji read the section's emoji")

    assert kinds.PUBLICATIONS.new_entry(TODAY, costly) == {"title": "", "authors": [], "venue": "", "year": "2026"}
    assert kinds.AWARDS.new_entry(TODAY, costly) == {"year": "2026", "title": "", "org": ""}
    assert kinds.TREE.new_entry(TODAY, costly) == {"text": ""}


@pytest.mark.parametrize("kind", kinds.ALL, ids=lambda k: k.name)
def test_a_new_entry_has_the_forms_fields_in_the_forms_order(kind):
    keys = list(kind.new_entry(TODAY, lambda: "🎉"))
    assert keys == [f for f in kind.fields if f in keys]
    assert kind.focus_field in keys


@pytest.mark.parametrize("kind", kinds.ALL, ids=lambda k: k.name)
def test_the_required_fields_are_the_ones_validation_asks_for(kind):
    problems = kind.validate({})
    assert set(kind.required) <= set(problems), problems


def test_dates_are_read_at_the_precision_they_are_written():
    when = lambda kind, **fields: kind.when(fields)  # noqa: E731
    assert when(kinds.NEWS, date="2024.05") == (2024, 5)
    assert when(kinds.NEWS, date="2024.05.03") == (2024, 5, 3)
    assert when(kinds.NEWS, date="2024") == (2024,)
    assert when(kinds.NEWS, date="2024.13") is None  # no month 13
    assert when(kinds.NEWS, text="undated") is None
    assert when(kinds.AWARDS, year="2022/23 Fall") == (2022,)
    assert when(kinds.PUBLICATIONS, year="2019") == (2019,)
    assert when(kinds.TREE, text="2019 - 2023: PhD") is None
    assert [k.name for k in kinds.ALL if k.dated] == ["news", "publications", "awards"]


def test_sorting_by_the_kinds_key_puts_entries_in_date_order():
    news = [{"date": "2023.11"}, {"date": "2024.02"}, {"raw": "* a note"}, {"date": "2023.9"}]
    assert sorted(news, key=kinds.NEWS.sort_key) == [news[2], news[3], news[0], news[1]]
    papers = [{"title": "b", "year": "2021"}, {"title": "a", "year": "2024"}]
    assert sorted(papers, key=kinds.PUBLICATIONS.sort_key, reverse=True)[0]["title"] == "a"


def test_a_preprint_and_its_accepted_version_are_not_duplicates_but_a_retyped_twin_is():
    preprint = {"title": "Fast  GANs", "venue": "arXiv", "year": "2023"}
    accepted = {"title": "Fast GANs", "venue": "ICML", "year": "2024"}
    assert kinds.PUBLICATIONS.identity(preprint) != kinds.PUBLICATIONS.identity(accepted)
    assert kinds.PUBLICATIONS.identity(preprint) == kinds.PUBLICATIONS.identity({**preprint, "title": "fast gans"})
    assert kinds.PUBLICATIONS.identity({"title": "", "venue": "x"}) is None  # untitled: not compared
    assert kinds.AWARDS.identity({"year": "2020", "title": "Best Paper", "org": "ACL"}) == \
        kinds.AWARDS.identity({"year": "2020 ", "title": "best  paper", "org": "acl"})
    assert kinds.NEWS.identity({"raw": "* [2024.01] hello"}) is None
    assert kinds.TREE.identity({"text": "Reviewer"}) is None


def test_an_entry_is_followed_across_versions_by_its_date_title_or_text():
    assert kinds.NEWS.tracking_key({"date": "2024.05", "text": "x"}) == ("date", "2024.05")
    assert kinds.AWARDS.tracking_key({"title": " Best  Paper"}) == ("title", "best paper")
    assert kinds.TREE.tracking_key({"raw": "* Reviewer, ICML"}) == ("text", "* reviewer, icml")


def test_the_file_header_names_a_list_section_by_its_title_only():
    assert header_for("tree", "Teaching").startswith("# Teaching: a list section, one entry per top-level item.")
    assert header_for("news", "Teaching") == kinds.NEWS.header + "\n"
    assert header_for("unknown").startswith("# A list section:")


def test_the_page_writes_each_kind_its_own_way():
    paper = {"title": "T", "authors": ["A. B"], "venue": "V", "year": "2024", "image": "img/t.png"}
    assert "paper-box" in render_entries([paper], SectionStyle(type="publications"))
    award = {"year": "2024", "title": "T", "org": "O", "image": "img/t.png"}
    assert render_entries([award], SectionStyle(type="awards")) == "* 2024, T, O"
    item = {"text": "Reviewer\nfor two venues", "children": [{"text": "ICML"}]}
    assert render_entries([item], SectionStyle(type="tree", bullet="-", indent=2)) == \
        "- Reviewer\n  for two venues\n  - ICML"
    news = {"date": "2024.05", "text": "one\ntwo"}
    assert render_entries([news], SectionStyle(type="news")) == "* [2024.05] &nbsp;one\n  two"
    # An award's title is one line: a newline in it is not a block continuation.
    assert render_entries([{"year": "2024", "title": "a\nb"}], SectionStyle(type="awards")) == "* 2024, a b"
