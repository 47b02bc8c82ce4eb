"""Which content files changed on disk behind the editor's back, and what the user answered
(homepage_tui/disk_watch.py): without Textual, on a real demo site's files."""

from pathlib import Path

import pytest

from homepage_tui.demo import make_demo
from homepage_tui.disk_watch import DiskChange, DiskWatch, digest
from homepage_tui.site import Site


@pytest.fixture()
def opened(tmp_path) -> Site:
    return Site.open(make_demo(tmp_path / "site").root)


def loaded(site: Site, *names: str) -> dict:
    return {name: site.section(name) for name in names}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_untouched_file_is_no_change(opened):
    assert DiskWatch().changes(loaded(opened, "news", "publications"), [], opened.section_path) == []


def test_a_change_is_asked_about_once_per_version_of_the_file(opened):
    watch, sections = DiskWatch(), loaded(opened, "news")
    path = sections["news"].path
    edit(path, "- date:", "- date: # theirs\n  ")
    first = watch.changes(sections, [], opened.section_path)
    assert first == [DiskChange("news", digest(path))]
    watch.ask("news")  # the prompt is open: the next second's look does not ask again
    assert watch.changes(sections, [], opened.section_path) == []
    watch.keep("news", first[0].digest)  # "keep editing": this version is not asked about again
    assert watch.changes(sections, [], opened.section_path) == []
    edit(path, "# theirs", "# theirs, again")  # but the next change is
    assert watch.changes(sections, [], opened.section_path) == [DiskChange("news", digest(path))]


def test_a_reload_forgets_the_answers(opened):
    watch, sections = DiskWatch(), loaded(opened, "news")
    edit(sections["news"].path, "- date:", "- date: # theirs\n  ")
    [change] = watch.changes(sections, [], opened.section_path)
    watch.keep("news", change.digest)
    watch.reloaded("news")
    assert watch.declined == {} and watch.asking == set()
    assert watch.changes(sections, [], opened.section_path) == [change]  # the section object is still the old one


def test_one_prompt_at_a_time(opened):
    watch, sections = DiskWatch(), loaded(opened, "news", "publications")
    for section in sections.values():
        edit(section.path, "- ", "# theirs\n- ")
    assert [c.name for c in watch.changes(sections, [], opened.section_path)] == ["news"]
    watch.ask("news")
    assert [c.name for c in watch.changes(sections, [], opened.section_path)] == ["publications"]


def test_an_unreadable_file_is_read_again_when_it_changes(opened):
    watch = DiskWatch()
    path = opened.section_path("awards")
    path.write_text("- title: [unclosed\n", encoding="utf-8")
    assert watch.changes({}, ["awards"], opened.section_path) == []  # the first look records it
    assert watch.changes({}, ["awards"], opened.section_path) == []
    path.write_text("- title: Fixed\n  year: '2024'\n", encoding="utf-8")
    assert watch.changes({}, ["awards"], opened.section_path) == [DiskChange("awards", digest(path), read_again=True)]
    assert watch.changes({}, ["awards"], opened.section_path) == []  # once per change
