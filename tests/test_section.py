"""The section API the editor and the command line share."""

from __future__ import annotations

import difflib

import pytest

from homepage_tui.demo import make_demo
from homepage_tui.errors import ValidationError
from homepage_tui.store import ContentFile


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site")


def test_sort_by_date_moves_comments_with_their_entries(site):
    path = site.section_path("news")
    text = path.read_text()
    # Put a comment on the oldest entry, then shuffle the file by moving it to the top.
    text = text.replace("- date: '2020.10'", "# the survey\n- date: '2020.10'")
    path.write_text(text)
    news = site.section("news", reload=True)
    news.move(len(news) - 1, 0)
    assert news.entries[0]["date"] == "2020.10"
    news.sort_by_date()
    dates = [e["date"] for e in news.entries]
    assert dates == sorted(dates, reverse=True)
    news.save()
    saved = path.read_text()
    assert "# the survey\n- date: '2020.10'" in saved
    assert saved.startswith("# News: one entry per item, newest first.")
    assert sorted(saved.splitlines()) == sorted(text.splitlines())


def test_invalid_entry_is_not_written(site):
    news = site.section("news")
    before = news.file.doc.text()
    with pytest.raises(ValidationError) as info:
        news.update(0, {"date": "2024.13"})
    assert "date" in info.value.problems
    with pytest.raises(ValidationError):
        news.insert(0, {"date": "", "text": ""})
    assert news.file.doc.text() == before and not news.dirty


def test_editing_one_publication_changes_only_its_lines_in_yaml_and_page(site):
    page = site.page_path.read_text()
    pubs = site.section("publications")
    yaml_before = pubs.file.doc.text()
    index = next(i for i, e in enumerate(pubs.entries) if e["title"].startswith("FedImpro"))
    pubs.update(index, {"venue": "In ICLR 2024 (spotlight)"})
    site.save_and_render(pubs)
    yaml_diff = [l for l in difflib.unified_diff(yaml_before.splitlines(), pubs.path.read_text().splitlines(),
                                                 lineterm="", n=0) if l[:1] in "+-" and l[:3] not in ("+++", "---")]
    assert yaml_diff == ["-  venue: In ICLR 2024", "+  venue: In ICLR 2024 (spotlight)"]
    page_diff = [l for l in difflib.unified_diff(page.splitlines(), site.page_path.read_text().splitlines(),
                                                 lineterm="", n=0) if l[:1] in "+-" and l[:3] not in ("+++", "---")]
    assert len(page_diff) == 2 and "FedImpro" in page_diff[0] and "(spotlight)." in page_diff[1]


def test_replace_removes_fields_the_form_no_longer_has(site):
    awards = site.section("awards")
    entry = dict(awards.entries[0])
    del entry["link"]
    awards.replace(0, entry)
    assert "link" not in awards.entries[0]
    assert ContentFile.load(awards.path).doc.plain(0).get("link")  # not saved yet


def test_managed_paths(site):
    names = sorted(p.relative_to(site.root).as_posix() for p in site.managed_paths())
    assert "_pages/about.md" in names and "_config.yml" in names and "content/news.yml" in names
    assert "content/site.yml" in names


def test_replace_a_raw_entry_with_typed_fields_keeps_its_comment_and_every_other_line(site):
    path = site.section_path("news")
    text = path.read_text()
    first = text.index("- date:")
    raw_text = text[:first] + "# kept verbatim by the importer\n- raw: '* **2024.07** A hand-written item'\n" + text[first:]
    path.write_text(raw_text)
    news = site.section("news", reload=True)
    assert news.entry(0) == {"raw": "* **2024.07** A hand-written item"}
    news.replace(0, {"date": "2024.07", "text": "A hand-written item"})
    assert news.entry(0) == {"date": "2024.07", "text": "A hand-written item"}
    news.save()
    diff = [line for line in difflib.unified_diff(raw_text.splitlines(), path.read_text().splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert diff == ["-- raw: '* **2024.07** A hand-written item'", "+- date: '2024.07'", "+  text: A hand-written item"]


def test_sort_by_date_keeps_each_group_of_publications_together(site):
    """The demo's preprints (`group: preprint`, a list of their own on the page) stay after the
    papers: a sort orders each group by year, it does not interleave them in the file."""
    pubs = site.section("publications")
    groups_before = [e.get("group", "") for e in pubs.entries]
    assert "preprint" in groups_before and groups_before[0] == ""
    pubs.sort_by_date()
    groups = [e.get("group", "") for e in pubs.entries]
    assert groups == sorted(groups_before, key=lambda g: g != ""), groups
    for group in set(groups):
        years = [e["year"] for e in pubs.entries if e.get("group", "") == group]
        assert years == sorted(years, reverse=True), (group, years)
