"""Issue 15, item 7: a folder without a page. The editor offers what can work there (a new page
from the AcadHomepage layout, or the demo) and hides what cannot (import, publish, review, check,
history); `homepage-tui init` is the command line's twin. Real app (Pilot), real files, real Jekyll."""

from __future__ import annotations

import shutil

import pytest

from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.import_screen import ImportScreen
from homepage_tui.app.main import HomepageApp
from homepage_tui.cli import main
from homepage_tui.demo import make_demo
from sitebuild import build, visible
from test_app import TODAY
from test_app_items import settled
from test_app_small_defects import screen_rows

SECTIONS = ["news", "publications", "awards", "education", "talks", "internships"]
SITE_ONLY = ("P Publish", "v Review", "c Check", "h History")


async def test_an_empty_folder_offers_a_new_page_and_the_demo_not_an_import(tmp_path):
    app = HomepageApp(tmp_path, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settled(app, pilot)
        assert isinstance(app.screen, ImportScreen)
        rows = screen_rows(app)
        text = " ".join(" ".join(rows).split())
        footer = rows[-1]
    assert "import" not in text.lower().replace("homepage-tui import", ""), text
    assert "Press n to make a new page" in text and "homepage-tui demo" in text
    assert "n New page" in footer and "q Quit" in footer
    for key in ("i Import", *SITE_ONLY):
        assert key not in footer, (key, footer)


async def test_a_page_not_imported_yet_offers_import_and_hides_the_site_keys(tmp_path):
    """Publish and review were hidden here already; these pin it, with check and history."""
    site = make_demo(tmp_path / "site").root
    shutil.rmtree(site / "content")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settled(app, pilot)
        assert isinstance(app.screen, ImportScreen)
        footer = screen_rows(app)[-1]
        await pilot.press("n")  # there is a page: no new one over it
        await settled(app, pilot)
        assert isinstance(app.screen, ImportScreen)
    assert "i Import the page" in footer and "n New page" not in footer
    for key in SITE_ONLY:
        assert key not in footer, (key, footer)
    assert not (site / "content").exists()


@pytest.mark.parametrize("command,title", [("Publish", "Publish"), ("Review and publish", "Review"),
                                           ("Check the site", "Check"), ("Entry history", "History")])
async def test_site_commands_from_the_palette_say_why_they_cannot_run(tmp_path, command, title):
    app = HomepageApp(tmp_path, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*command)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ImportScreen)  # nothing opened
        shown = " ".join(" ".join(screen_rows(app)).split())
    assert f"{title}: not available" in shown, shown
    assert "has no content/ yet: make a page first (n)" in shown, shown
    assert list(tmp_path.iterdir()) == []  # nothing written


async def test_n_makes_a_page_and_the_editor_opens_on_it(tmp_path):
    app = HomepageApp(tmp_path, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("n")
        await settled(app, pilot)
        await settled(app, pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.all_loaded
        assert list(editor.sections) == SECTIONS
        assert all(len(editor.sections[name]) >= 1 for name in SECTIONS)
        footer = screen_rows(app)[-1]
        assert "P Publish" in footer  # a site now: its keys are back
        await pilot.press("n", *"Our first real news")
        await pilot.press("ctrl+s")
        await settled(app, pilot)
    page = (tmp_path / "_pages" / "about.md").read_text(encoding="utf-8")
    assert "- *2025.03*: &nbsp;🎉🎉 Our first real news" in page
    for name in SECTIONS:
        assert f"<!-- homepage-tui:begin {name} -->" in page
        assert (tmp_path / "content" / f"{name}.yml").is_file()


def test_init_makes_a_page_that_check_render_and_jekyll_accept(tmp_path, capsys):
    site = tmp_path / "me.github.io"
    assert main(["init", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    for rel in ["_pages/about.md", "_config.yml", "_layouts/default.html", ".gitignore", "content/site.yml",
                "content/news.yml", "content/publications.yml"]:
        assert (site / rel).is_file(), rel
        assert f"wrote {rel}" in out
    assert "made a git repository" in out and (site / ".git").is_dir()
    settings = (site / "content" / "site.yml").read_text(encoding="utf-8")
    assert "names:\n  - Your Name\n" in settings and "template:" in settings
    publications = (site / "content" / "publications.yml").read_text(encoding="utf-8")
    assert "- title: An Example Paper Title\n" in publications and "year: '2025'" in publications
    assert main(["render", "--check", "--site", str(site)]) == 0
    assert main(["check", "--site", str(site)]) == 0
    capsys.readouterr()
    # Again, or over a page that is there: refused in one line, nothing touched.
    before = (site / "_pages" / "about.md").read_bytes()
    assert main(["init", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "already there; import it instead" in err and err.count("\n") == 1
    assert (site / "_pages" / "about.md").read_bytes() == before
    text, links, headings = visible(build(site))  # Debian's jekyll: .ci/run installs it
    assert "An Example Paper Title" in text and "Your Name" in text
    assert ("https://arxiv.org/abs/0000.00000", "paper") in links
    assert any("Publications" in h for h in headings)
