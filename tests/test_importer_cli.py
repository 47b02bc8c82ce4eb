"""`homepage-tui import` as a user runs it: --dry-run, refusals, --force, _config.yml, includes."""

from __future__ import annotations

import shutil

import pytest

from homepage_tui.cli import main
from homepage_tui.importer.config import add_exclude
from homepage_tui.site import Site
from importer_support import FIXTURES, PAGES, make_site, tree_files
from sitebuild import site_from_page

SEED = FIXTURES / "pages" / "seed__about.md"
JACKYFL = next(p for p in PAGES if p.name.startswith("JackYFL"))


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path / "site", SEED)


def test_dry_run_reports_and_writes_nothing(site, capsys):
    before = tree_files(site)
    assert main(["import", "--dry-run", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "news (news" in out and "publications (publications" in out
    assert "structured" in out and "kept raw" in out and "nothing written" in out
    assert tree_files(site) == before


def test_refuses_existing_content_unless_forced(site, capsys):
    (site / "content").mkdir()
    (site / "content" / "notes.yml").write_text("- text: mine\n", encoding="utf-8")
    page_before = (site / "_pages" / "about.md").read_bytes()
    assert main(["import", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert (site / "_pages" / "about.md").read_bytes() == page_before
    assert main(["import", "--force", "--site", str(site)]) == 0
    assert (site / "content" / "news.yml").exists()
    assert (site / "content" / "notes.yml").read_text(encoding="utf-8") == "- text: mine\n"
    assert Site.open(site).render(write=False) == []


def test_refuses_a_page_that_already_has_regions(site, capsys):
    assert main(["import", "--site", str(site)]) == 0
    page = (site / "_pages" / "about.md").read_bytes()
    capsys.readouterr()
    assert main(["import", "--force", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "already has homepage-tui regions" in err
    assert (site / "_pages" / "about.md").read_bytes() == page


def test_refuses_a_missing_page(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["import", "--site", str(tmp_path / "empty")]) == 1
    assert "page not found" in capsys.readouterr().err


def test_other_page_argument(tmp_path):
    site = site_from_page(tmp_path / "site", "---\n---\nhello\n", {"_pages/cv.md": SEED.read_text(encoding="utf-8")})
    assert main(["import", "_pages/cv.md", "--site", str(site)]) == 0
    opened = Site.open(site)
    assert opened.settings.page == "_pages/cv.md"
    assert opened.render(write=False) == []


def test_config_exclude_added_with_comments_kept(site):
    config = site / "_config.yml"
    text = config.read_text(encoding="utf-8").replace('exclude: ["content", "README.md"]', 'exclude: ["README.md"]  # keep')
    config.write_text(text, encoding="utf-8")
    assert main(["import", "--site", str(site)]) == 0
    new = config.read_text(encoding="utf-8")
    assert 'exclude: ["README.md", content]  # keep' in new
    assert "# content/ holds homepage-tui's YAML" in new
    assert new.replace('"README.md", content]', '"README.md"]') == text


def test_add_exclude_absent():
    text = "# my site\ntitle: Me  # the title\n"
    new = add_exclude(text)
    assert new.startswith(text)
    assert new.endswith("exclude:\n  - content\n")


def test_add_exclude_block_list():
    text = "title: Me\nexclude:\n  # things not to publish\n  - Gemfile\n  - vendor/  # bundler\n\nplugins:\n  - jekyll-feed\n"
    new = add_exclude(text)
    assert new == ("title: Me\nexclude:\n  # things not to publish\n  - Gemfile\n  - vendor/  # bundler\n  - content\n"
                   "\nplugins:\n  - jekyll-feed\n")


def test_add_exclude_flow_list_and_already_there():
    assert add_exclude("exclude: [Gemfile, vendor] # x\n") == "exclude: [Gemfile, vendor, content] # x\n"
    assert add_exclude("exclude: []\n") == "exclude: [content]\n"
    assert add_exclude("exclude:\n  - content\n") == "exclude:\n  - content\n"


def test_missing_includes_are_kept_and_reported(tmp_path, capsys):
    site = make_site(tmp_path / "site", JACKYFL, with_modules=False)
    shutil.copytree(FIXTURES / "include_site" / "modules", site / "_pages" / "modules")
    (site / "_pages" / "modules" / "honors.md").unlink()
    assert main(["import", "--dry-run", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "_pages/modules/honors.md: included by the page but not found" in out
    page_before = (site / "_pages" / "about.md").read_text(encoding="utf-8")
    assert main(["import", "--site", str(site)]) == 0
    assert (site / "_pages" / "about.md").read_text(encoding="utf-8") == page_before  # include lines kept
    news = (site / "_pages" / "modules" / "news.md").read_text(encoding="utf-8")
    assert "<!-- homepage-tui:begin news -->" in news
    assert not (site / "content" / "awards.yml").exists()
    assert Site.open(site).render(write=False) == []


def test_a_page_of_missing_includes_has_nothing_to_import(tmp_path, capsys):
    site = make_site(tmp_path / "site", JACKYFL, with_modules=False)
    assert main(["import", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "no sections to import" in err and "not found" in err
    assert not (site / "content").exists()


def test_content_is_commented_and_dates_are_strings(site):
    assert main(["import", "--site", str(site)]) == 0
    news = (site / "content" / "news.yml").read_text(encoding="utf-8")
    assert news.startswith("# News:")
    assert "date: '2024.06'" in news and "date: '2022.10'" in news
    settings = (site / "content" / "site.yml").read_text(encoding="utf-8")
    assert settings.startswith("# homepage-tui settings")
    opened = Site.open(site)
    assert opened.settings.names == ["Z. Tang"]
    assert [e["date"] for e in opened.section("news").entries][:3] == ["2024.06", "2024.05", "2024.03"]
    pubs = opened.section("publications").entries
    assert any(e.get("group") == "preprint" for e in pubs)
    assert opened.check() == []


def test_a_crlf_page_keeps_crlf_inside_its_regions_after_import_and_add(tmp_path):
    page = ("---\r\npermalink: /\r\n---\r\n\r\n# News\r\n\r\n- *2024.05*: One.\r\n- *2024.04*: Two.\r\n\r\n"
            "# Awards\r\n\r\n- 2023, Best Paper, ICML\r\n")
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True)
    (site / "_pages" / "about.md").write_bytes(page.encode())
    assert main(["import", "--site", str(site)]) == 0
    assert main(["add-news", "--date", "2026.07", "--site", str(site), "Three"]) == 0
    text = (site / "_pages" / "about.md").read_bytes().decode()
    assert "Three" in text and "\n" not in text.replace("\r\n", "")  # every line end is CRLF
    assert main(["render", "--check", "--site", str(site)]) == 0


def test_a_section_written_in_html_only_is_named_with_the_reason(tmp_path, capsys):
    page = ("---\npermalink: /\n---\n\n# News\n\n- *2024.05*: One.\n\n# 📖 Educations\n\n<table>\n  <tr><td>"
            "<b>A University</b><br>PhD</td><td>2020 - 2024</td></tr>\n</table>\n")
    site = site_from_page(tmp_path / "site", page)
    assert main(["import", "--dry-run", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "section 'Educations' written in HTML only" in out and "kept in the page as written" in out
