"""The history of one entry (issue 11): the commits that changed it, following it as it moves
within the file, each with the diff of that entry; from the command line and with `h` in the app."""

from __future__ import annotations

import pytest

from homepage_tui.cli import main
from homepage_tui.publish.history import entry_history
from homepage_tui.site import Site
from publish_support import git, make_rendered_site


pytestmark = pytest.mark.usefixtures("git_identity")


def commit(site, message: str) -> str:
    site.render()
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", message)
    return site.head()[:7]


@pytest.fixture
def site(tmp_path):
    """news.yml's "I joined the lab." entry: added, edited, moved down twice, given an emoji."""
    site = make_rendered_site(tmp_path)
    site.shas = {"added": git(site.root, "log", "--format=%h", "--grep=initial site")[:7]}
    site.write("content/news.yml", site.read("content/news.yml").replace("I joined the lab.", "I joined a lab."))
    site.shas["a lab"] = commit(site, "news: edit 2024.06 entry (a lab)")
    site.write("content/news.yml", site.read("content/news.yml").replace("I joined a lab.", "I joined the lab."))
    site.shas["edited"] = commit(site, "news: edit 2024.06 entry")
    site.add_news("2025.01", "Above it now.")
    commit(site, "news: add 2025.01 entry")
    news = site.read("content/news.yml")
    # A reorder: the entry moves to the top, its text unchanged.
    entry = "- date: '2024.06'\n  text: I joined the lab.\n"
    site.write("content/news.yml", news.replace(entry, "").replace("# News, newest first\n", "# News, newest first\n" + entry))
    commit(site, "news: reorder entries")
    site.write("content/news.yml", site.read("content/news.yml").replace(
        "- date: '2024.06'\n  text:", "- date: '2024.06'\n  emoji: 🎓\n  text:"))
    site.shas["emoji"] = commit(site, "news: edit 2024.06 entry (emoji)")
    return site


def test_the_commits_that_changed_the_entry_newest_first_following_its_moves(site):
    s = Site.open(site.root)
    news = s.section("news")
    index = next(i for i, e in enumerate(news.entries) if e.get("date") == "2024.06")
    history = entry_history(s.root, news.path, news.type, news.entry(index))
    assert [v.short for v in history] == [site.shas[k] for k in ("emoji", "edited", "a lab", "added")]
    assert [v.added for v in history] == [False, False, False, True]
    added = [ln for ln in history[0].diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert added == ["+  emoji: 🎓"]  # the diff of this entry alone
    assert "-  text: I joined a lab.\n+  text: I joined the lab.\n" in history[1].diff
    assert history[3].diff.startswith("--- /dev/null\n")
    assert history[1].fields == {"date": "2024.06", "text": "I joined the lab."}


def test_history_command(site, capsys):
    s = Site.open(site.root)
    number = next(i for i, e in enumerate(s.section("news").entries) if e.get("date") == "2024.06") + 1
    assert main(["history", "news", str(number), "--site", str(site.root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{site.shas['emoji']} ") and "(changed)" in out.splitlines()[0]
    assert f"{site.shas['added']} " in out and "(added)" in out
    assert "    +  emoji: 🎓" in out


def test_history_command_bad_input_is_one_line(site, capsys):
    assert main(["history", "news", "99", "--site", str(site.root)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "N must be 1 to" in err
    assert main(["history", "nope", "1", "--site", str(site.root)]) == 1
    assert "no section 'nope'" in capsys.readouterr().err


async def test_h_shows_the_history_and_r_restores_an_undoable_edit(tmp_path):
    import datetime as dt

    from textual.widgets import DataTable

    from homepage_tui.app.history_screen import HistoryScreen
    from homepage_tui.app.main import HomepageApp
    from homepage_tui.demo import make_demo

    root = make_demo(tmp_path / "demo").root
    news = root / "content/news.yml"
    original = news.read_text()
    first_text = Site.open(root).section("news").entry(0)["text"]
    news.write_text(original.replace(first_text, "Edited on another day.", 1))
    Site.open(root).render()
    git(root, "commit", "-q", "-am", "news: edit 2024.06 entry")
    app = HomepageApp(root, today=dt.date(2024, 8, 1))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        editor = app.editor
        assert (editor.current, editor.index) == ("news", 0)
        await pilot.press("h")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == [
            "news: edit 2024.06 entry", "added: Demo site made by homepage-tui"]
        assert screen.shown is screen.versions[0] and "+  text: Edited on another day." in screen.shown.diff
        table.move_cursor(row=1)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is editor
        section = editor.sections["news"]
        assert section.entry(0)["text"] == first_text and section.dirty
        assert section.file.doc.text() == original  # the old version, byte for byte
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert editor.sections["news"].entry(0)["text"] == "Edited on another day."
