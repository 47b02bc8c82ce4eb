"""Issue 15, item 11: the smaller defects, each shown on the real editor's screen (Pilot on a demo
site) at the sizes where it was seen; every test here was written to fail first."""

from __future__ import annotations

import re
import subprocess
import sys

from textual.widgets import Button, Static, TextArea
from textual.widgets._toast import Toast

from homepage_tui.app.main import HomepageApp
from homepage_tui.app.publish_screen import PublishReviewScreen
from test_app import TODAY, goto, site, started  # noqa: F401 (site is a fixture)
from test_app_items import settled

LONG_TITLE = ("Bandwidth-Aware and Overlap-Weighted Compression for Communication-Efficient Federated "
              "Learning under Heterogeneous Networks")


def screen_rows(app) -> list[str]:
    """The screen as the terminal shows it, row by row (what a screenshot shows, as text)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False,
                      safe_box=False, force_terminal=True, color_system="truecolor")
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False).split("\n")[:height]


def side_text(app, width: int) -> list[str]:
    """The rows of the left column (sections and the chart), as shown."""
    return [row[:width] for row in screen_rows(app)[:-2]]


async def test_delete_dialog_and_toast_shorten_a_long_title_at_a_word(site):
    path = site / "content" / "publications.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("title:", text.index("\n- "))
    end = text.index("\n", first)
    path.write_text(text[:first] + f"title: {LONG_TITLE}" + text[end:], encoding="utf-8")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        await pilot.press("d")
        await pilot.pause()
        detail = str(app.screen.query_one("#confirm-detail", Static).render())
        await pilot.press("y")
        await settled(app, pilot)
        toasts = [str(t.render()) for t in app.screen.query(Toast)]
    for shown in (detail, toasts[-1]):
        label = re.search(r"Bandwidth[^()]*…", shown)
        assert label, shown
        words = label.group(0)[:-1].split()
        assert words and all(w in LONG_TITLE.split() for w in words), shown  # whole words only
        assert "Heterogeneous Networks" not in shown  # shortened


async def test_delete_toast_shows_link_text_as_written(site):
    """Toasts read `[paper]` as markup and dropped it: `See [paper](URL) now` showed as `See (URL) now`."""
    path = site / "content" / "news.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^  text: .*$", "  text: See [paper](https://example.org/p) now", text, count=1),
                    encoding="utf-8")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "news")
        await pilot.press("d", "y")
        await settled(app, pilot)
        toast = " ".join(str(app.screen.query(Toast).last().render()).split())
    assert "See paper now" in toast, toast


async def test_sidebar_shows_every_section_name_whole(site):
    titles = ["News", "Publications", "Honors and Awards", "Professional Activities", "Educations",
              "Work & Research Experience", "Teaching"]
    for size, width in (((120, 40), 24), ((80, 24), 18)):
        app = HomepageApp(site, today=TODAY)
        async with app.run_test(size=size, notifications=True) as pilot:
            await started(app, pilot)
            await settled(app, pilot)
            column = " ".join(" ".join(side_text(app, width - 1)).split())
        assert "…" not in column, (size, column)
        for title in titles:
            assert title in column or all(w in column.split() for w in title.split()), (size, title, column)
        assert re.search(r"Professional\s+(\d+\s+)?Activities", column), column


async def test_papers_per_year_chart_keeps_its_year_labels_at_80x24(site):
    for size, width in (((80, 24), 18), ((120, 40), 24)):
        app = HomepageApp(site, today=TODAY)
        async with app.run_test(size=size, notifications=True) as pilot:
            editor = await started(app, pilot)
            await goto(pilot, editor, "publications")
            await settled(app, pilot)
            rows = side_text(app, width - 1)
        labels = [row for row in rows if re.fullmatch(r"\s*('?\d\d\s*){3,}", row)]
        assert labels and "24" in labels[-1] and "23" in labels[-1], (size, rows)


async def test_saved_toast_leaves_the_review_buttons_visible_at_80x24(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "awards")
        await pilot.press("enter", "end", *" X")
        await pilot.press("escape", "v")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, PublishReviewScreen)
        buttons = [b.region for b in screen.query(Button)]
        toasts = [t.region for t in screen.query(Toast)]
        assert len(buttons) == 2 and all(b.area for b in buttons)
        for button in buttons:
            for toast in toasts:
                assert not button.overlaps(toast), (button, toast)
        row = screen_rows(app)[buttons[0].y + 1]
        assert "Publish" in row and "Cancel" in row


async def test_escape_closes_the_keys_panel(site):
    from textual.widgets import HelpPanel

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        editor = await started(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Keys")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor and editor.query(HelpPanel)
        focused = app.focused
        await pilot.press("escape")
        await pilot.pause()
        assert not editor.query(HelpPanel)
        assert app.focused is focused  # the escape closed the panel and did nothing else


async def test_review_diff_scrolls_sideways_to_the_end_of_a_long_line(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        await pilot.press("enter", "end", *" TAILMARK")  # the title, a line longer than the screen
        await pilot.press("escape", "v")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, PublishReviewScreen)
        assert "TAILMARK" not in "\n".join(screen_rows(app))  # the line is longer than the screen
        diff = screen.query_one("#review-diff")
        diff.focus()
        line = next(i for i, text in enumerate(screen.review.diff_text.splitlines()) if "TAILMARK" in text)
        for _ in range(line):
            await pilot.press("down")
        seen = False
        for _ in range(40):  # → until the end of the line shows (the page's lines are longer)
            await pilot.press(*["right"] * 5)
            await pilot.pause()
            if "TAILMARK" in "\n".join(screen_rows(app)):
                seen = True
                break
        assert seen, "\n".join(screen_rows(app))


def test_piped_preview_keeps_link_urls(site):
    result = subprocess.run([sys.executable, "-m", "homepage_tui", "preview", "--site", str(site)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "https://arxiv.org/abs/2406.02924" in result.stdout
    assert "https://github.com/yyyujintang/VMRNN-PyTorch" in result.stdout


# kramdown makes `[paper]()` a link to the page itself: the visitor sees "(paper)". The demo's first
# news item ends with one; rich printed it as "paper ()".
async def test_preview_shows_a_link_without_address_as_its_text(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(140, 50)) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "news")
        await settled(app, pilot)
        screen = "\n".join(screen_rows(app))
        assert "(paper)" in screen, screen
        assert "paper ()" not in screen, screen


def test_piped_preview_shows_a_link_without_address_as_its_text(site):
    result = subprocess.run([sys.executable, "-m", "homepage_tui", "preview", "--site", str(site)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "averging weights. (paper)" in " ".join(result.stdout.split()), result.stdout
    assert "paper ()" not in result.stdout
