"""`w`: the page served to a browser on 127.0.0.1 and reloaded as the user types (the real site
built by Jekyll when it is installed, else homepage-tui's own HTML render; see preview_server).
The server and Jekyll start and stop in thread workers and stop when the editor closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from homepage_tui.errors import HomepageError

if TYPE_CHECKING:
    from homepage_tui.preview_server import PreviewServer

BROWSER_INTERVAL = 0.3  # seconds: at most one page build per this while typing


class BrowserPreviewMixin:
    """Mixed into EditorScreen: start, feed and stop the browser preview."""

    browser: "PreviewServer | None" = None
    _browser_starting = False
    _browser_timer = None

    def action_browser_preview(self) -> None:
        if self._browser_starting:
            return
        if self.browser is not None:
            server, self.browser = self.browser, None
            self._stop_browser(server)
            self.notify("Browser preview stopped.", title="Browser preview")
            return
        if self.site is None or not self.all_loaded:
            self.notify("The browser preview starts when every section is loaded.", severity="warning")
            return
        pages = self._browser_pages()
        if pages is None:
            return
        self._browser_starting = True
        self.notify("Starting the browser preview…", title="Browser preview")
        self._start_browser(*pages)

    def _browser_pages(self) -> tuple[str, dict[str, str]] | None:
        from homepage_tui.preview_server import site_pages

        try:
            return site_pages(self.site)
        except HomepageError as error:
            self.notify(f"No browser preview: {error}", title="Browser preview", severity="error", timeout=10)
            return None

    @work(thread=True, group="browser", exit_on_error=False)
    def _start_browser(self, main: str, pages: dict[str, str]) -> None:
        from homepage_tui.preview_server import start_preview

        try:
            server, note = start_preview(self.site.root, main, pages, self.site.root.name)
        except HomepageError as error:
            self.app.call_from_thread(self._browser_failed, str(error))
            return
        self.app.call_from_thread(self._browser_started, server, note)

    def _browser_failed(self, error: str) -> None:
        self._browser_starting = False
        self.notify(f"No browser preview: {error}", title="Browser preview", severity="error", timeout=10)

    def _browser_started(self, server: "PreviewServer", note: str) -> None:
        self._browser_starting = False
        if not self.is_attached:  # the editor closed while Jekyll was starting
            server.stop()
            return
        self.browser = server
        self.notify(f"{server.url} shows {note}; it reloads as you type (w stops).",
                    title="Browser preview", timeout=20)
        self.browser_changed()

    def browser_changed(self) -> None:
        """The content changed: rebuild the served page, at most every BROWSER_INTERVAL."""
        if self.browser is None or self._browser_timer is not None:
            return
        from homepage_tui.app.settings import preview_interval

        self._browser_timer = self.set_timer(preview_interval(self.app, BROWSER_INTERVAL), self._browser_update)

    def _browser_update(self) -> None:
        self._browser_timer = None
        if self.browser is None or self.site is None:
            return
        try:
            from homepage_tui.preview_server import site_pages

            _, pages = site_pages(self.site)
        except HomepageError:
            return  # a section with an error: the browser keeps the last good page
        self._feed_browser(self.browser, pages)

    @work(thread=True, group="browser-update", exclusive=True, exit_on_error=False)
    def _feed_browser(self, server: "PreviewServer", pages: dict[str, str]) -> None:
        if not get_current_worker().is_cancelled:
            try:
                server.update(pages)
            except (HomepageError, OSError):
                pass  # the server was stopped meanwhile

    @work(thread=True, group="browser", exit_on_error=False)
    def _stop_browser(self, server: "PreviewServer") -> None:
        server.stop()

    def on_unmount(self) -> None:
        server, self.browser = self.browser, None
        if server is not None:
            server.stop()  # the app is closing: stop here, not in a worker that may never run
