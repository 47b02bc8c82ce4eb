"""Previewing: when the preview draws (at once, or at most every interval while typing) and what:
the section's entries around the selected one, with the form's unapplied typing, or the whole page.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from homepage_tui.app.preview_pane import PreviewPane
from homepage_tui.errors import HomepageError

if TYPE_CHECKING:
    from homepage_tui.section import Section

PAGE_PREVIEW_INTERVAL = 0.3  # the whole page costs more to draw (the section's pace is a setting)
PREVIEW_WINDOW = 60  # a longer section previews the entries around the selected one


class PreviewingMixin:
    """Mixed into EditorScreen: toggle, schedule and render the preview."""

    def action_toggle_preview(self) -> None:
        self.preview_on = not self.preview_on
        self._preview_classes()
        if self.preview_on:
            self.render_preview()

    def action_toggle_whole_page(self) -> None:
        self.whole_page = not self.whole_page
        if not self.preview_on:
            self.action_toggle_preview()
        else:
            self.render_preview()

    def schedule_preview(self) -> None:
        """Render now when the last render is older than the interval, else once at its end:
        the first keystroke shows at once, fast typing renders at most every interval."""
        self.browser_changed()  # the browser preview follows the same changes, at its own pace
        # While the content loads, the preview waits for all of it (on_all_sections_loaded draws
        # it): drawn meanwhile, it took the GIL from the load for as long as it drew.
        if not self.preview_on or self._preview_timer is not None or not self.all_loaded:
            return
        from homepage_tui.app.settings import preview_interval

        interval = preview_interval(self.app, PAGE_PREVIEW_INTERVAL if self.whole_page else 0.0)
        wait = self._last_preview + interval - time.perf_counter()
        if wait <= 0:
            self.render_preview()
        else:
            self._preview_timer = self.set_timer(wait, self._timed_preview)

    def _timed_preview(self) -> None:
        self._preview_timer = None
        self.render_preview()

    def render_preview(self) -> None:
        from homepage_tui.preview import terminal_markdown

        self._last_preview = time.perf_counter()
        pane = self.query_one(PreviewPane)
        if not self.preview_on or self.site is None:
            return
        try:
            if self.whole_page:
                if not self.all_loaded:
                    pane.show_message("The page is shown when every section is loaded.", "Preview: page")
                    return
                markdown = self._page_markdown()
                pane.show_markdown(terminal_markdown(markdown), f"Preview: {self.site.settings.page}")
                return
            section = self.session.section
            if section is None:
                return
            markdown, note = self._section_markdown(section)
            pane.show_markdown(terminal_markdown(markdown),
                               f"Preview: {section.title or section.name}{note}")
        except HomepageError as error:
            pane.show_message(str(error), "Preview: not available")

    def _draft_fields(self) -> dict | None:
        """What the form holds now, valid or not, so that the preview follows the typing."""
        form = self._form()
        if form is None or not form.display:
            return None
        return self.session.preview_fields(form.values()[0])

    def _section_markdown(self, section: "Section") -> tuple[str, str]:
        from homepage_tui.render import render_entries

        total = len(section)
        draft_at, index = self.session.draft_at, self.session.index
        centre = draft_at if draft_at is not None else (index or 0)
        start, stop = 0, total
        if total > PREVIEW_WINDOW:
            start = max(0, min(centre - 10, total - PREVIEW_WINDOW))
            stop = start + PREVIEW_WINDOW
        entries = [section.entry(i) for i in range(start, stop)]
        draft = self._draft_fields()
        if draft is not None:
            if draft_at is not None:
                entries.insert(max(0, draft_at - start), draft)
            elif index is not None and start <= index < stop:
                entries[index - start] = draft
        note = f" (entries {start + 1}–{stop} of {total})" if (start, stop) != (0, total) else ""
        return render_entries(entries, section.style, self.site.settings.names), note  # type: ignore[union-attr]

    def _page_markdown(self) -> str:
        site = self.site
        assert site is not None
        if self.session.errors:
            name, error = next(iter(self.session.errors.items()))
            raise HomepageError(f"The page cannot be rendered while {name} has an error:\n{error}")
        pages = site.rendered_pages()
        new = pages.get(site.page_path)
        if new is None:
            return site.page_path.read_text(encoding="utf-8")
        return new[1]
