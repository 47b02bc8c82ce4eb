"""The editor app, driven by keys through Textual's Pilot on a real demo site (real files, real
git repository); every test asserts on the YAML and the page the keys produced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Label, TextArea

from homepage_tui.app.confirm import ConfirmModal
from homepage_tui.app.editor_screen import EditorScreen
from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.main import HomepageApp
from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.demo import make_demo

TODAY = dt.date(2025, 3, 14)
SIZE = (120, 40)


@pytest.fixture
def site(tmp_path) -> Path:
    return make_demo(tmp_path / "site").root


def content(site: Path, name: str) -> str:
    return (site / "content" / f"{name}.yml").read_text(encoding="utf-8")


def page(site: Path) -> str:
    return (site / "_pages" / "about.md").read_text(encoding="utf-8")


async def started(app: HomepageApp, pilot) -> EditorScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    assert editor.all_loaded
    return editor


async def goto(pilot, editor: EditorScreen, name: str) -> None:
    editor.query_one("#sections").focus()
    sidebar = editor.query_one("#sections")
    while sidebar.current != name:
        await pilot.press("down")
    await pilot.pause()
    assert editor.current == name
    editor.query_one(EntryTable).focus()
    await pilot.pause()


def set_area(editor: EditorScreen, widget_id: str, text: str) -> None:
    widget = editor.query_one(f"#{widget_id}")
    if isinstance(widget, TextArea):
        widget.load_text(text)
    else:
        widget.value = text


# ------------------------------------------------------------------ flows


async def test_new_news_by_keys_writes_yaml_and_page_keeping_comments(site):
    before = content(site, "news")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        text_area = editor.query_one("#news-text", TextArea)
        assert app.focused is text_area
        assert editor.query_one("#news-date", Input).value == "2025.03"
        await pilot.press(*"Our demo paper is accepted!")
        await pilot.pause()
        assert editor.index == 0 and editor.draft_at is None  # inserted once valid
        await pilot.press("ctrl+s")
        await pilot.pause()
    yaml = content(site, "news")
    header = before.split("- date")[0]
    assert yaml.startswith(header)  # the header comments are kept
    assert yaml[len(header):].startswith("- date: '2025.03'\n  emoji: 🎉🎉\n  text: Our demo paper is accepted!\n")
    assert yaml.endswith(before[len(header):])  # every other line untouched
    assert "* [2025.03] &nbsp;🎉🎉 Our demo paper is accepted!" in page(site)


async def test_edit_author_list(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        await pilot.press("down")  # the second paper
        await pilot.pause()
        authors = editor.query_one("#publications-authors", TextArea)
        assert authors.text.splitlines()[:2] == ["P. Dong", "L. Li"]
        await pilot.press("enter")  # into the form: the title field
        await pilot.press("tab")  # the authors
        await pilot.pause()
        assert app.focused is authors
        authors.move_cursor((1, 0))
        await pilot.press("end", "ctrl+u", *"Lin Li*")
        await pilot.press("ctrl+s")
        await pilot.pause()
    yaml = content(site, "publications")
    assert "    - P. Dong\n    - Lin Li*\n    - Z. Tang\n" in yaml
    assert "    - L. Li\n" not in yaml.split("Evolving Symbolic")[1].split("- title")[0]
    assert "P. Dong, Lin Li\\*, **Z. Tang**" in page(site) or "P. Dong, Lin Li*, **Z. Tang**" in page(site)


async def test_delete_asks_then_removes(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "awards")
        entries = editor.sections["awards"].entries
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")  # keep
        await pilot.pause()
        assert len(editor.sections["awards"]) == 8
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(editor.sections["awards"]) == 7
        await pilot.press("ctrl+s")
        await pilot.pause()
    from homepage_tui.site import Site

    assert Site.open(site).section("awards").entries == entries[1:]
    first = entries[0]
    assert f"* {first['year']}, {first['title']}" not in page(site)
    assert content(site, "awards").startswith("# Honors and awards")


async def test_move_entry_down_and_up(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        news = editor.sections["news"]
        first, second = news.entry(0)["text"], news.entry(1)["text"]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert editor.query_one(EntryTable).current_index == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        yaml = content(site, "news")
        assert yaml.index(second[:40]) < yaml.index(first[:40])
        assert page(site).index(second[:40]) < page(site).index(first[:40])
        await pilot.press("ctrl+up")
        await pilot.press("ctrl+s")
        await pilot.pause()
    yaml = content(site, "news")
    assert yaml.index(first[:40]) < yaml.index(second[:40])


async def test_sort_by_date_keeps_comments_with_entries(site):
    path = site / "content" / "awards.yml"
    text = path.read_text(encoding="utf-8")
    # Put the oldest award first, with a comment of its own.
    entries = text.split("\n- ")
    head, items = entries[0], entries[1:]
    items = items[-1:] + items[:-1]
    items[0] = items[0].rstrip("\n") + "\n"
    path.write_text(head + "\n# the oldest one\n- " + "\n- ".join(items).rstrip("\n") + "\n", encoding="utf-8")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "awards")
        years = [e["year"] for e in editor.sections["awards"].entries]
        assert years != sorted(years, reverse=True)
        await pilot.press("s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        years = [e["year"] for e in editor.sections["awards"].entries]
    from homepage_tui.model import date_sort_key

    assert [date_sort_key(y) for y in years] == sorted((date_sort_key(y) for y in years), reverse=True)
    yaml = content(site, "awards")
    assert "# the oldest one\n- " in yaml
    oldest = yaml.split("# the oldest one\n- ")[1]
    assert "- " not in oldest.split("\n")[0][:2]  # the comment still sits on the same entry
    assert yaml.rstrip().endswith(oldest.rstrip())  # ... which is now the last one


async def test_invalid_date_is_marked_and_blocks_the_save(site):
    before_yaml, before_page = content(site, "news"), page(site)
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("enter")  # the first entry's form: date field
        await pilot.pause()
        date = editor.query_one("#news-date", Input)
        assert app.focused is date
        await pilot.press("ctrl+u", *"2024.13")
        await pilot.pause()
        error = editor.query_one("#news-date-error", Label)
        assert error.has_class("-invalid") and "months are 01 to 12" in str(error.render())
        assert date.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert content(site, "news") == before_yaml and page(site) == before_page
        await pilot.press("backspace", "2")  # 2024.12: valid again
        await pilot.pause()
        assert not error.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "- date: '2024.12'\n" in content(site, "news")
    assert "* [2024.12]" in page(site)


async def test_undo_several_levels(site):
    before = content(site, "news")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        editor.session.clock = lambda: 0.0  # no pause in the typing, however slow the machine
        news = editor.sections["news"]
        original = news.file.doc.text()
        await pilot.press("ctrl+down")  # 1: move
        await pilot.press("n", *"Undo me")  # 2: a new entry
        await pilot.pause()
        await pilot.press("escape", "d")
        await pilot.pause()
        await pilot.press("y")  # 3: delete it again
        await pilot.pause()
        assert news.file.doc.text() != original
        await pilot.press("ctrl+z")  # the delete
        await pilot.pause()
        assert news.entry(0)["text"] == "Undo me"
        await pilot.press("ctrl+z")  # the new entry (with its typing)
        await pilot.pause()
        assert "Undo me" not in news.file.doc.text() and news.file.doc.text() != original
        await pilot.press("ctrl+z")  # the move
        await pilot.pause()
        assert news.file.doc.text() == original
        assert not news.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert content(site, "news") == before


async def test_filter_rows(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        table = editor.query_one(EntryTable)
        total = table.row_count
        await pilot.press("slash", *"icml")
        await pilot.pause()
        titles = [editor.sections["publications"].entry(i)["venue"] for i in table.visible_indexes]
        assert 0 < table.row_count < total
        assert all("icml" in t.lower() for t in titles)
        await pilot.press("enter")  # to the filtered table
        await pilot.pause()
        assert app.focused is table
        assert editor.index == table.visible_indexes[0]
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert table.row_count == total


async def test_quit_asks_when_unsaved(site):
    before = content(site, "news")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("ctrl+down")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is editor and app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")  # quit without saving
        await pilot.pause()
    assert app.return_code == 0
    assert content(site, "news") == before


async def test_quit_without_changes_does_not_ask(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_file_changed_on_disk_brings_reload_prompt(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        path = site / "content" / "news.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Our paper", "Their paper", 1), encoding="utf-8")
        editor.check_disk()  # what the one-second timer does
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and app.screen.id == "reload-prompt"
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert editor.sections["news"].entry(0)["text"].startswith("Their paper")
        assert app.screen is editor


async def test_save_after_disk_change_never_overwrites(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await pilot.press("ctrl+down")
        path = site / "content" / "news.yml"
        theirs = path.read_text(encoding="utf-8") + "# their comment\n"
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and app.screen.id == "conflict-prompt"
        assert path.read_text(encoding="utf-8") == theirs
        await pilot.press("k")  # keep editing: nothing written, no prompt every second
        await pilot.pause()
        editor.check_disk()
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # reload from disk ...
        await pilot.pause()
        assert app.screen.id == "discard-confirm"
        await pilot.press("y")  # ... after confirming
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not editor.sections["news"].dirty
    assert path.read_text(encoding="utf-8") == theirs


async def test_bad_yaml_shows_file_and_line_and_other_sections_work(site):
    (site / "content" / "awards.yml").write_text("- year: 2020\n  title: [unclosed\n", encoding="utf-8")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        assert "awards" in editor.errors
        assert "awards.yml:" in editor.errors["awards"]
        await goto(pilot, editor, "awards")
        message = str(editor.query_one("#form-message").render())
        assert "awards.yml:3:1" in message or "awards.yml:2" in message or "awards.yml:3" in message
        await goto(pilot, editor, "news")
        await pilot.press("n", *"Still works")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "Still works" in content(site, "news")


async def test_site_without_content_offers_import(site):
    import shutil

    from homepage_tui.app.import_screen import ImportScreen

    shutil.rmtree(site / "content")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert "import" in str(app.screen.query_one("#import-action").render())
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tree_outline_add_child_indent_outdent(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "teaching")
        outline = editor.query_one("#tree-children", TextArea)
        outline.focus()
        last = outline.document.line_count - 1
        outline.move_cursor((last, len(outline.document.get_line(last))))
        await pilot.press("ctrl+n", *"2024 Fall, COMP 1000 Demo")
        await pilot.press("ctrl+n", *"a sub-item")
        await pilot.press("shift+tab")
        await pilot.press("ctrl+s")
        await pilot.pause()
    from homepage_tui.site import Site

    children = Site.open(site).section("teaching").entry(0)["children"]
    # ctrl+n made a child of the last line; the second ctrl+n a grandchild, which shift+tab outdented.
    assert children[-1]["children"] == [{"text": "2024 Fall, COMP 1000 Demo"}, {"text": "a sub-item"}]
    assert content(site, "teaching").startswith("# Teaching")
    assert "2024 Fall, COMP 1000 Demo" in page(site)


async def test_preview_follows_typing(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        pane = editor.query_one(PreviewPane)
        assert "†" in pane.markdown and "$\\dagger$" not in pane.markdown
        await pilot.press("enter", "end", *" ZZZ")
        await pilot.pause(0.15)  # past the preview's interval
        assert "Compression for Communication-Efficient Federated Learning ZZZ" in pane.markdown
        await pilot.press("escape", "W")  # back to the list, then the whole page
        await pilot.pause(0.35)  # past the page preview's interval
        assert pane._title == "Preview: _pages/about.md"
        assert "{%" not in pane.markdown and "&nbsp;" not in pane.markdown
        assert "ZZZ" in pane.markdown


async def test_new_news_from_another_section_keeps_the_draft(site):
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        await goto(pilot, editor, "publications")
        await pilot.press("n")
        await pilot.pause()
        assert editor.current == "news" and editor.draft_at == 0
        await pilot.press(*"From elsewhere")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "- date: '2025.03'\n  emoji: 🎉🎉\n  text: From elsewhere\n" in content(site, "news")


async def test_command_palette_lists_the_editor_actions(site):
    from homepage_tui.app.palette import COMMANDS, EditorCommands

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        provider = EditorCommands(editor)
        titles = [hit.text async for hit in provider.discover()]
        assert len(titles) == len(COMMANDS)
        assert any(t.startswith("New news entry") for t in titles)
        hits = [hit async for hit in provider.search("sort")]
        assert hits and hits[0].text.startswith("Sort by date")


async def test_import_from_the_no_content_screen(site):
    import shutil

    from homepage_tui.app.import_screen import ImportScreen

    shutil.rmtree(site / "content")
    seed = Path(__file__).parent / "fixtures" / "seed_about.md"  # a hand-written page, no regions
    shutil.copyfile(seed, site / "_pages" / "about.md")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen) and app.screen.importer is not None
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen) and "news" in editor.sections
        assert len(editor.sections["news"]) > 0
    assert (site / "content" / "news.yml").exists()


async def test_reload_answer_never_prompts_twice(site):
    """The one-second disk check may run between the answer and the reloaded section's arrival."""
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        editor = await started(app, pilot)
        path = site / "content" / "news.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Our paper", "Their paper", 1), encoding="utf-8")
        editor.check_disk()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ConfirmModal) and prompt.id == "reload-prompt"
        await prompt.dismiss(True)  # the answer is handled: the reload is under way
        editor.check_disk()  # the timer firing before the reloaded section has arrived
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is editor
        assert editor.sections["news"].entry(0)["text"].startswith("Their paper")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 60)])
async def test_layout_fits_the_terminal(site, size):
    """Nothing is laid out past the screen's edge, so nothing is cut off (a message wraps)."""
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=size) as pilot:
        editor = await started(app, pilot)
        for name in ("news", "publications", "service"):
            await goto(pilot, editor, name)
            for widget in editor.query("#editor, #form-host, #entries, #preview, #sections"):
                if widget.display and widget.region.width:
                    assert widget.region.right <= size[0], (name, widget.id, widget.region)


async def settle(app, pilot) -> None:
    """Let the git workers finish and the messages they posted be handled."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_P_in_the_editor_commits_and_pushes_the_new_news(site):
    """The whole loop in the real app: a news entry by keys, saved, then one key publishes it."""
    import git

    origin = git.Repo(site.parent / f"{site.name}-origin.git")
    before = origin.head.commit.hexsha
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("n", *"Published from the editor")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "P")
        await settle(app, pilot)
    head = origin.head.commit
    assert head.hexsha != before
    assert head.message.startswith("news: add 2025.03 entry")
    assert "Published from the editor" in head.tree["content/news.yml"].data_stream.read().decode()
    assert not git.Repo(site).is_dirty(untracked_files=True)


async def test_v_in_the_editor_opens_the_review_with_the_diff(site):
    from homepage_tui.app.publish_screen import PublishReviewScreen

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("n", *"Reviewed first")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "v")
        await settle(app, pilot)
        assert isinstance(app.screen, PublishReviewScreen)
        diff = app.screen.review.diff_text
        assert "+  text: Reviewed first" in diff and "content/news.yml" in diff
        assert app.screen.query_one("#review-message", TextArea).text.startswith("news: add 2025.03 entry")


def test_editor_mixins_define_no_on_decorated_handlers():
    """Textual registers @on handlers only on classes built by its own metaclass: one on a plain
    mixin of the editor screen would silently never run. on_* methods and @work are fine there."""
    import inspect

    import homepage_tui.app.editor as editor_package
    import pkgutil
    import importlib

    offenders = []
    for info in pkgutil.iter_modules(editor_package.__path__, editor_package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            offenders += [f"{cls.__name__}.{name}" for name, member in vars(cls).items()
                          if hasattr(member, "_textual_on")]
    assert offenders == [], f"move these @on handlers onto EditorScreen: {offenders}"
