"""The paste box in the real app (Pilot): `b` in the publications section, a bracketed paste of
Google Scholar BibTeX, a DOI and an arXiv id (recorded local server), duplicates, bad BibTeX, and
200 entries in one save and one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual import events
from textual.widgets import DataTable, ProgressBar, Static

from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.paste_screen import PasteScreen
from homepage_tui.bib.export import to_bibtex
from homepage_tui.demo import make_demo
from resolver_server import base_url, serving
from test_app import goto, started

TODAY = dt.date(2025, 3, 14)
SIZE = (120, 40)

SCHOLAR = r"""@inproceedings{muller2024robust,
  title={Robust {GAN} training for {M}{\"u}ller's data},
  author={M{\"u}ller, J{\"o}rg and Tang, Zhenheng and Zhu, Jun-Yan},
  booktitle={Proceedings of the 41st International Conference on Machine Learning},
  pages={1--10},
  year={2024},
  organization={PMLR}
}
"""
BLOCK = ("- title: Robust GAN training for Müller's data\n"
         "  authors:\n    - J. Müller\n    - Z. Tang\n    - J.-Y. Zhu\n"
         "  venue: In Proceedings of the 41st International Conference on Machine Learning\n"
         "  year: '2024'\n  kind: conference\n\n")


@pytest.fixture
def site(tmp_path) -> Path:
    return make_demo(tmp_path / "site").root


def pubs(site: Path) -> str:
    return (site / "content" / "publications.yml").read_text(encoding="utf-8")


def page(site: Path) -> str:
    return (site / "_pages" / "about.md").read_text(encoding="utf-8")


async def open_paste(app, pilot) -> tuple[EditorScreen, PasteScreen]:
    editor = await started(app, pilot)
    await goto(pilot, editor, "publications")
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, PasteScreen)
    return editor, app.screen


async def paste(app, pilot, text: str) -> None:
    app.post_message(events.Paste(text))  # what a terminal's bracketed paste delivers
    await pilot.pause()
    await app.screen.workers.wait_for_complete()
    await pilot.pause()


def status(screen) -> str:
    return str(screen.query_one("#paste-status", Static).render())


async def test_pasting_scholar_bibtex_adds_one_block_and_the_page_shows_it(site):
    before = pubs(site)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor, screen = await open_paste(app, pilot)
        await paste(app, pilot, SCHOLAR)
        assert screen.stage == "review"
        form = screen.query_one("#paste-form")
        assert form.get_text("authors") == "J. Müller\nZ. Tang\nJ.-Y. Zhu"
        assert pubs(site) == before  # nothing written before the user accepts
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
    cut = before.index("- title: Bandwidth")
    assert pubs(site) == before[:cut] + BLOCK + before[cut:]
    assert "J. Müller, **Z. Tang**, J.-Y. Zhu. Robust GAN training for Müller's data." in page(site)


async def test_the_user_corrects_the_form_before_adding(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        _, screen = await open_paste(app, pilot)
        await paste(app, pilot, SCHOLAR)
        screen.query_one("#publications-venue").value = "In ICML 2024"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "  venue: In ICML 2024\n  year: '2024'\n  kind: conference\n" in pubs(site)


async def test_a_duplicate_is_shown_beside_the_existing_entry_and_added_only_when_insisted(site):
    app = HomepageApp(site, today=TODAY)
    fusion = "@article{t, title={FusionAI: Decentralized Training and Deploying {LLMs} with Massive " \
             "Consumer-Level {GPUs}}, author={Tang, Zhenheng}, journal={arXiv preprint arXiv:2309.01172}, year={2023}}"
    before = pubs(site)
    async with app.run_test(size=SIZE) as pilot:
        editor, screen = await open_paste(app, pilot)
        await paste(app, pilot, fusion)
        assert screen.query_one("#paste-compare").display
        existing = str(screen.query_one("#paste-existing", Static).render())
        assert existing.startswith("Already there (entry 7, same title)")
        assert "FusionAI" in str(screen.query_one("#paste-new", Static).render())
        await pilot.press("ctrl+s")  # refused
        await pilot.pause()
        assert app.screen is screen and "ctrl+y adds it anyway" in status(screen)
        assert pubs(site) == before
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.screen is editor
    assert pubs(site).count("FusionAI: Decentralized Training") == 2


async def test_bad_bibtex_gives_line_and_column_and_adds_nothing(site):
    before, page_before = pubs(site), page(site)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        _, screen = await open_paste(app, pilot)
        await paste(app, pilot, SCHOLAR + "\n@article{oops title={x}}\n")
        assert screen.stage == "input"
        assert status(screen) == "Not added: 10:20: expected comma after entry key, but found ="
        # The bad text stays in the box, selected: the next paste replaces it.
        assert screen.query_one("#paste-text").selected_text.endswith("@article{oops title={x}}\n")
        await paste(app, pilot, SCHOLAR)
        assert screen.stage == "review" and len(screen.additions.entries) == 1
        await pilot.press("escape")
        await pilot.pause()
    assert pubs(site) == before and page(site) == page_before  # cancelled: nothing written


async def test_doi_and_arxiv_id_against_the_recorded_server(site, monkeypatch):
    with serving() as server:
        monkeypatch.setenv("HOMEPAGE_TUI_RESOLVER_URL", base_url(server))
        app = HomepageApp(site, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            _, screen = await open_paste(app, pilot)
            await paste(app, pilot, "https://doi.org/10.1371/journal.pone.0033693\narXiv:1605.08386v1")
            table = screen.query_one("#paste-list", DataTable)
            assert table.row_count == 2
            await pilot.press("ctrl+s")
            await pilot.pause()
    text = pubs(site)
    assert text.index("- title: Methylphenidate Exposure") < text.index("- title: Heat-bath random walks") \
        < text.index("- title: Bandwidth")
    assert "    paper: https://doi.org/10.1371/journal.pone.0033693\n" in text
    assert "C. Stanley, T. Windisch. Heat-bath random walks with Markov bases. arXiv preprint arXiv:1605.08386." in page(site)


async def test_offline_lookup_is_one_line_and_adds_nothing(site, monkeypatch):
    monkeypatch.setenv("HOMEPAGE_TUI_RESOLVER_URL", "http://127.0.0.1:9")  # the discard port: refused
    before = pubs(site)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        _, screen = await open_paste(app, pilot)
        await paste(app, pilot, "10.1371/journal.pone.0033693")
        assert status(screen).startswith("Not added: DOI 10.1371/journal.pone.0033693: cannot reach Crossref")
        assert "\n" not in status(screen)
    assert pubs(site) == before


async def test_two_hundred_entries_one_save_one_undo_step_with_progress(site):
    new = [{"title": f"Paper number {n} on topic {n * 7919 % 1000}", "authors": ["A. Author", "Z. Tang"],
            "venue": f"In Conf {n}", "year": str(2000 + n % 25), "kind": "conference"} for n in range(200)]
    before = pubs(site)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor, screen = await open_paste(app, pilot)
        undo_before = len(editor.session.undo_steps)
        await paste(app, pilot, to_bibtex(new))
        assert screen.query_one("#paste-list", DataTable).row_count == 200
        assert "200 new, 0 already there" in status(screen)
        bar = screen.query_one("#paste-progress", ProgressBar)
        await pilot.press("ctrl+s")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert (bar.total, bar.progress) == (200, 200)
        assert app.screen is editor
        assert len(editor.session.undo_steps) == undo_before + 1
        assert len(editor.sections["publications"]) == 224
        assert pubs(site).count("- title: Paper number") == 200  # saved, at once
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(editor.sections["publications"]) == 24
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert pubs(site) == before


async def test_b_is_in_the_footer_and_the_palette(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        bindings = {b.binding.id: b.binding for b in editor.active_bindings.values()}
        assert bindings["paste_bib"].key == "b" and bindings["paste_bib"].show
        from homepage_tui.app.palette import EditorCommands
        provider = EditorCommands(editor)
        labels = [label for label, _, _ in provider._commands()]
        assert "Add publications by paste  (b)" in labels
