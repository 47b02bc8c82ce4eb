"""Defects found on issue 15's demo walk (tmux, 120x40 and 80x24), each reproduced here first with
the real editor through Pilot on a demo site."""

from __future__ import annotations

from textual import events

from homepage_tui.app.main import HomepageApp
from test_app import TODAY, content, site, started  # noqa: F401 (site is a fixture)
from test_app_items import settled


def burst(app, *keys: str) -> None:
    """Keys as a terminal delivers a burst of them (tmux send-keys, a fast typist, key repeat):
    all queued before the app handles any (Pilot's press waits after each key)."""
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_moving_through_the_sections_never_writes_one_form_into_another_section(site):
    """Walk: left, down, down (News -> Publications -> Honors and Awards) at key speed made the
    first award 'Bandwidth-Aware and Ove…', 2024: the publication form's late change events were
    applied to the section shown by then."""
    before = content(site, "awards")
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await started(app, pilot)
        await pilot.press("left")
        burst(app, "down", "down", "right", "enter")
        await settled(app, pilot)
        assert editor.current == "awards"
        assert not any(section.dirty for section in editor.sections.values())
        assert editor.sections["awards"].entry(0)["title"] == "Research Performance Award"
        await pilot.press("escape", "left")
        burst(app, "down", "down", "down", "down", "up", "up", "up", "up", "up")  # and back, through the tree sections
        await settled(app, pilot)
        assert editor.current == "publications"
        assert not any(section.dirty for section in editor.sections.values())
        await pilot.press("ctrl+s")
        await settled(app, pilot)
    assert content(site, "awards") == before


async def test_a_new_publication_typed_field_by_field_has_its_neighbours_key_order(site):
    """Walk: `a` in Publications, then title, authors and venue typed in turn wrote
    title, year, authors, venue: the entry is added once its title makes it valid, and each field
    typed after that went to the end of it. Its neighbours read title, authors, venue, year."""
    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await started(app, pilot)
        await pilot.press("left", "down", "right", "a", *"A Walk Through the Editor", "tab")
        await pilot.press(*"Z. Tang", "enter", *"A. Walker", "tab", *"In Walk Conference 2025")
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert editor.current == "publications"
    text = content(site, "publications")
    start = text.index("- title: A Walk Through the Editor\n")
    entry = text[start:text.index("\n\n", start)]
    keys = [line.split(":")[0].strip("- ") for line in entry.splitlines() if not line.startswith("    ")]
    assert keys == ["title", "authors", "venue", "year"], entry


async def test_at_80x24_the_form_shows_when_it_takes_the_keys(site):
    """Walk at 80x24: with the preview in the form's place (p), enter put the cursor in the
    hidden form, and typing `Q` replaced the first paper's title unseen."""
    from test_app_small_defects import screen_rows

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await started(app, pilot)
        await pilot.press("left", "down", "right", "p")
        await settled(app, pilot)
        assert "Preview: Publications" in "\n".join(screen_rows(app))
        await pilot.press("enter")
        await settled(app, pilot)
        field = app.focused
        assert field is not None and field.region.area > 0, field  # on screen, not in a hidden form
        await pilot.press(*" Q")
        await settled(app, pilot)
        rows = "\n".join(screen_rows(app))
    assert "Communication-Efficient Federated Learning Q" in rows or " Q" in rows.split("Title", 1)[1][:400], rows


async def test_the_footer_separates_a_key_group_from_the_next_key(site):
    """Walk at 120x40: the footer read `^↑ ^↓ Moven News` (the group's label ran into `n News`)."""
    from test_app_small_defects import screen_rows

    app = HomepageApp(site, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await settled(app, pilot)
        footer = screen_rows(app)[-1]
    assert "Moven" not in footer, footer
    assert "^↑ ^↓ Move n News" in footer, footer
    assert footer.rstrip().endswith("^p palette"), footer
