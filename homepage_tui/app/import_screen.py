"""A site without content/: the first screen. With a page, offer to import it (or show the command
that does); without one (an empty folder), offer a new page from the AcadHomepage layout or the
demo. Only what can work here is offered: import needs a page, a new page needs none."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from homepage_tui.app.screen_css import DIALOGS_CSS_PATH
from homepage_tui.errors import HomepageError

if TYPE_CHECKING:
    from homepage_tui.site import Site


def find_importer() -> Callable[["Site"], object] | None:
    """The importer's entry point when it is installed: plan the site's page, then write it."""
    try:
        from homepage_tui.importer.apply import apply, plan_site
    except ImportError:
        pass
    else:
        return lambda site: apply(site.root, plan_site(site.root, site.settings.page))
    for module_name, func_name in (("homepage_tui.importer", "import_site"),
                                   ("homepage_tui.importer", "import_page_into_site"),
                                   ("homepage_tui.commands.import_page", "import_site")):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        func = getattr(module, func_name, None)
        if callable(func):
            return lambda site, f=func: f(site.root)
    return None


class ImportScreen(Screen[bool]):
    """Dismisses with True after a successful import (the editor then loads the new content)."""

    CSS_PATH = DIALOGS_CSS_PATH  # read when first shown (screen_css)

    BINDINGS = [
        Binding("i", "import_page", "Import the page", id="import.run"),
        Binding("n", "new_page", "New page", id="import.new_page",
                tooltip="Make _pages/about.md from the AcadHomepage layout, with example entries, and content/"),
        Binding("q,escape", "quit", "Quit", id="import.quit"),
    ]

    class Imported(Message):
        def __init__(self, error: str | None):
            super().__init__()
            self.error = error

    def __init__(self, site: "Site"):
        super().__init__()
        self.site = site
        self.importer = find_importer()
        self.has_page = (site.root / site.settings.page).is_file()

    def compose(self) -> ComposeResult:
        if not self.has_page:
            yield from self._compose_new_page()
            return
        page = self.site.settings.page
        command = f"homepage-tui import --site {self.site.root}"
        with Vertical(id="import-box"):
            yield Label("This site has no content/ folder yet", id="import-title")
            yield Static(
                f"homepage-tui keeps each section of {page} (news, publications, awards, …) as a YAML "
                "list in content/, and regenerates the page from it. Importing reads your page once, "
                "writes content/*.yml and marks the generated regions; everything else on the page is "
                "left as you wrote it.", id="import-text")
            if self.importer is not None:
                yield Static(f"Press [b]i[/] to import {page} now, or [b]q[/] to quit.", id="import-action")
            else:
                yield Static(f"Run this, then start the editor again:\n\n    {command}\n\n"
                             "Or try the editor on an example site: homepage-tui demo", id="import-action",
                             markup=False)
            yield Static("", id="import-error", markup=False)
        yield Footer()

    def _compose_new_page(self) -> ComposeResult:
        page = self.site.settings.page
        with Vertical(id="import-box"):
            yield Label(f"No page here yet: {self.site.root} has no {page}", id="import-title")
            yield Static(
                f"homepage-tui edits the page of an AcadHomepage site, {page}: its news, publications, "
                "awards and other lists are kept as YAML in content/ and written into the page for you.",
                id="import-text", markup=False)
            yield Static(
                f"Press [b]n[/] to make a new page here from the AcadHomepage layout: {page} with News, "
                "Publications, Honors and Awards, Educations, Invited Talks and Internships, a few example "
                "entries to replace, and content/ (the same as [b]homepage-tui init[/]). [b]q[/] quits.\n\n"
                "To try the editor on a full example site first: [b]homepage-tui demo[/]", id="import-action")
            yield Static("", id="import-error", markup=False)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import_page":  # there must be a page to import
            return self.has_page
        if action == "new_page":  # and none to make a new one
            return not self.has_page
        return True

    def action_new_page(self) -> None:
        from homepage_tui.starter import cannot_start

        reason = cannot_start(self.site.root)
        if reason:
            self.query_one("#import-error", Static).update(reason)
            return
        self.run_new_page()

    @work(thread=True, group="import", exit_on_error=False)
    def run_new_page(self) -> None:
        from homepage_tui.starter import make_starter

        try:
            make_starter(self.site.root)
        except HomepageError as error:
            self.post_message(self.Imported(str(error)))
        except Exception as error:  # noqa: BLE001 (shown to the user)
            self.post_message(self.Imported(f"new page failed: {type(error).__name__}: {error}"))
        else:
            self.post_message(self.Imported(None))

    def action_import_page(self) -> None:
        if self.importer is None:
            self.notify("The importer is not installed in this version; run `homepage-tui import`.",
                        severity="warning")
            return
        self.run_import()

    @work(thread=True, group="import", exit_on_error=False)
    def run_import(self) -> None:
        try:
            self.importer(self.site)  # type: ignore[misc]
        except HomepageError as error:
            self.post_message(self.Imported(str(error)))
        except Exception as error:  # noqa: BLE001 (shown to the user)
            self.post_message(self.Imported(f"import failed: {type(error).__name__}: {error}"))
        else:
            self.post_message(self.Imported(None))

    def on_import_screen_imported(self, message: "ImportScreen.Imported") -> None:
        if message.error:
            self.query_one("#import-error", Static).update(message.error)
        else:
            self.dismiss(True)

    def action_quit(self) -> None:
        self.dismiss(False)
