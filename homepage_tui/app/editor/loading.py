"""Loading: the site and its sections are read in thread workers (group "load") that post one
message per section, so the first frame never waits for YAML. After a section is reported loaded,
only the UI thread touches it. The handlers here put what arrives into the editor's state.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from homepage_tui.app.entry_table import EntryTable
from homepage_tui.app.messages import AllSectionsLoaded, NoContent, SectionLoaded, SiteFailed, SiteOpened
from homepage_tui.app.sidebar import SectionList
from homepage_tui.errors import HomepageError

if TYPE_CHECKING:
    from homepage_tui.site import Site

LOAD_SWITCH_INTERVAL = 0.02  # seconds between GIL hand-overs while the content loads


class LoadingMixin:
    """Mixed into EditorScreen: load and reload workers, and the messages they post."""

    _first_frame: threading.Event | None = None

    def start_loading(self) -> None:
        """Start the load worker now, but let it read files only once the first frame is drawn.

        Started together, the worker's imports and parsing took the GIL from the UI thread in
        20 ms slices while it composed, styled and drew the first frame: on the demo site the
        first frame came after all the content, about 0.3 s later. The worker is started here
        (so that waiting for the app's workers includes it) and blocks on an event without the GIL
        until the first frame is drawn and the entry forms are mounted (EditorScreen.mount_forms):
        the screen handles the sections that arrive only after that.
        """
        self._first_frame = threading.Event()
        self.load_site()
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        try:
            await self.mount_forms()
        finally:
            self._first_frame.set()

    def _wait_for_first_frame(self) -> bool:
        """In the load worker: False when the worker was cancelled (the app closed) meanwhile."""
        drawn, worker = self._first_frame, get_current_worker()
        while drawn is not None and not drawn.wait(0.05):
            if worker.is_cancelled:
                return False
        return True

    @work(thread=True, group="load", exit_on_error=False)
    def load_site(self) -> None:
        if not self._wait_for_first_frame():
            return
        from homepage_tui.site import Site

        try:
            site = Site.open(self.root, need_content=False)
        except HomepageError as error:
            self.post_message(SiteFailed(str(error)))
            return
        if not site.content_dir.is_dir():
            self.post_message(NoContent(site))
            return
        names = site.section_names()
        self.post_message(SiteOpened(site, names))
        # The first frame is drawn; while the files parse, the UI thread mostly animates the
        # loading indicator. At Python's default 5 ms switch interval the two threads trade the
        # GIL hundreds of times a second, which made a 2,000-entry load about 20% slower.
        previous = sys.getswitchinterval()
        sys.setswitchinterval(LOAD_SWITCH_INTERVAL)
        try:
            for name in names:
                self._load_one(site, name, reload=False)
        finally:
            sys.setswitchinterval(previous)
        self.post_message(AllSectionsLoaded())

    @work(thread=True, group="load", exit_on_error=False)
    def reload_sections(self, names: list[str]) -> None:
        for name in names:
            self._load_one(self.site, name, reload=True)

    def _load_one(self, site: "Site", name: str, reload: bool) -> None:
        try:
            section = site.section(name, reload=reload)
        except HomepageError as error:
            site.forget(name)
            self.post_message(SectionLoaded(name, None, str(error), reloaded=reload))
        except Exception as error:  # noqa: BLE001 (a bug must not leave the app loading forever)
            site.forget(name)
            self.post_message(SectionLoaded(name, None, f"{name}: {type(error).__name__}: {error}", reload))
        else:
            self.post_message(SectionLoaded(name, section, reloaded=reload))

    def on_site_failed(self, message: SiteFailed) -> None:
        table = self.query_one(EntryTable)
        table.loading = False
        self._show_form_message(f"The site could not be opened:\n\n{message.error}")
        self.notify(message.error, title="Cannot open the site", severity="error", timeout=20)

    def on_no_content(self, message: NoContent) -> None:
        from homepage_tui.app.import_screen import ImportScreen
        from homepage_tui.app.screen_css import preload

        preload(self.app)  # the import screen's sheet without Textual's full re-parse and restyle
        self.site = message.site
        self.query_one(EntryTable).loading = False
        self.app.push_screen(ImportScreen(message.site), callback=self._after_import)

    def _after_import(self, imported: bool | None) -> None:
        if imported:
            self.query_one(EntryTable).loading = True
            self.load_site()
        else:
            self.app.exit(return_code=0)

    def on_site_opened(self, message: SiteOpened) -> None:
        self.site = message.site
        self.names = message.names
        titles = {n: str(message.site.section_settings(n).get("title") or n) for n in self.names}
        self.query_one(SectionList).set_sections(self.names, titles)
        if not self.names:
            self.query_one(EntryTable).loading = False
            self._show_form_message("content/ has no section files yet (news.yml, publications.yml …).")
        starter = getattr(self.app, "start_git_status", None)
        if starter is not None:
            starter()

    def on_section_loaded(self, message: SectionLoaded) -> None:
        name = message.name
        sidebar = self.query_one(SectionList)
        session = self.session
        if message.section is None:
            session.section_failed(name, message.error or "cannot be read")
            sidebar.update_section(name, error=True, dirty=False)
        else:
            session.section_loaded(name, message.section)
            sidebar.update_section(name, count=len(message.section), error=False, dirty=message.section.dirty)
        if message.reloaded:
            self._disk_ignored.pop(name, None)
            self._prompting.discard(name)
            refresh = getattr(self.app, "refresh_git_status", None)
            if refresh is not None:
                refresh()  # the file changed on disk, so git's count of uncommitted files may have
        self.show_counts()
        if self.shown_section is None and sidebar.current == name:
            self.show_section(name)
            if self.app.focused is None or self.app.focused is sidebar:
                self.query_one(EntryTable).focus()
        elif self.shown_section == name:
            self.show_section(name, keep=session.index)

    def on_all_sections_loaded(self, message: AllSectionsLoaded) -> None:
        self.all_loaded = True
        self.query_one(EntryTable).loading = False
        self.schedule_preview()  # held while the content loaded (PreviewingMixin.schedule_preview)
