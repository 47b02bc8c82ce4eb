"""A section in site.yml whose page has no region (issue 15.6): `check` and `render --check` say
so, and `add-region` puts it on the page under the heading the user names."""

from __future__ import annotations

from homepage_tui.cli import main
from lint_support import SETTINGS, make_site

TALKS = {"content/site.yml": SETTINGS + "  talks:\n    type: tree\n    title: Invited Talks\n",
         "content/talks.yml": "- text: A talk at **MLSys**\n"}


def test_render_check_fails_and_names_the_section(tmp_path, capsys):
    site = make_site(tmp_path, TALKS)
    assert main(["render", "--check", "--site", str(site.root)]) == 1
    err = capsys.readouterr().err
    assert "content/site.yml:8: warning: section 'talks' has no region in _pages/about.md" in err
    assert "homepage-tui add-region talks --heading \"Invited Talks\"" in err


def test_add_region_appends_a_heading_and_renders(tmp_path, capsys):
    site = make_site(tmp_path, TALKS)
    before = site.page_path.read_text()
    assert main(["add-region", "talks", "--heading", "Invited Talks", "--site", str(site.root)]) == 0
    assert capsys.readouterr().out.startswith("_pages/about.md:")
    after = site.page_path.read_text()
    assert after.startswith(before)  # the user's page is untouched above
    assert after[len(before):] == ("\n# Invited Talks\n<!-- homepage-tui:begin talks -->\n\n"
                                   "* A talk at **MLSys**\n\n<!-- homepage-tui:end talks -->\n")
    assert main(["render", "--check", "--site", str(site.root)]) == 0
    assert main(["check", "--strict", "--site", str(site.root)]) == 0


def test_add_region_under_an_existing_heading(tmp_path, capsys):
    site = make_site(tmp_path, TALKS)
    page = site.page_path.read_text().replace("# 📝 Publications", "# 🎤 Invited Talks\n\nSome prose.\n\n# 📝 Publications")
    site.page_path.write_text(page)
    assert main(["add-region", "talks", "--heading", "invited talks", "--site", str(site.root)]) == 0
    text = site.page_path.read_text()
    assert "# 🎤 Invited Talks\n<!-- homepage-tui:begin talks -->\n\n* A talk at **MLSys**\n\n" \
           "<!-- homepage-tui:end talks -->\n\nSome prose.\n" in text


def test_add_region_twice_or_for_an_unknown_section_is_one_line(tmp_path, capsys):
    site = make_site(tmp_path, TALKS)
    assert main(["add-region", "news", "--heading", "News", "--site", str(site.root)]) == 1
    assert "already has a region for 'news'" in capsys.readouterr().err
    assert main(["add-region", "nope", "--heading", "Nope", "--site", str(site.root)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no section 'nope'" in err
