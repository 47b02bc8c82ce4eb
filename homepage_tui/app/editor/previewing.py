"""Previewing: what the preview shows. The section's entries around the selected one, with the
form's unapplied typing, one block per entry; or the whole page. The preview pane owns whether it
is shown, which view, and when it draws (`PreviewPane.request`); the editor only says what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homepage_tui.app.preview_pane import PreviewContent, PreviewPane
from homepage_tui.errors import HomepageError

if TYPE_CHECKING:
    from homepage_tui.section import Section

PREVIEW_WINDOW = 60  # a longer section previews the entries around the selected one


class PreviewingMixin:
    """Mixed into EditorScreen: say what the preview shows, and toggle it."""

    # Per section: each entry's markdown by the entry's object (render_parts' cache).
    _preview_parts: dict[str, dict]

    # The pane's state, under the names the rest of the editor (and its tests) always used.
    preview_on = property(lambda self: self.query_one(PreviewPane).shown)
    whole_page = property(lambda self: self.query_one(PreviewPane).whole_page)

    def action_toggle_preview(self) -> None:
        pane = self.query_one(PreviewPane)
        pane.set_shown(not pane.shown)
        self._preview_classes()
        if pane.shown:
            self.render_preview()

    def action_toggle_whole_page(self) -> None:
        pane = self.query_one(PreviewPane)
        pane.set_whole_page(not pane.whole_page)
        if not pane.shown:
            self.action_toggle_preview()
        else:
            self.render_preview()

    def on_preview_pane_toggled(self, message: PreviewPane.Toggled) -> None:
        self._preview_classes()

    def schedule_preview(self) -> None:
        """The shown content changed: the pane draws it now, or paced when its drawing is slow."""
        self.browser_changed()  # the browser preview follows the same changes, at its own pace
        # While the content loads, the preview waits for all of it (on_all_sections_loaded draws
        # it): drawn meanwhile, it took the GIL from the load for as long as it drew.
        if not self.all_loaded:
            return
        self.query_one(PreviewPane).request(self.preview_content)

    def render_preview(self) -> None:
        """Draw the preview now."""
        pane = self.query_one(PreviewPane)
        if pane.shown:
            pane.show(self.preview_content())

    def preview_content(self) -> PreviewContent | None:
        """What the preview shows now (the pane calls this when it draws); None while there is
        nothing to show (no site, the section still loading or unreadable: shown by show_section)."""
        from homepage_tui.preview import PreviewBlock, terminal_markdown

        if self.site is None:
            return None
        try:
            if self.whole_page:
                if not self.all_loaded:
                    return PreviewContent("Preview: page", message="The page is shown when every section is loaded.")
                markdown = terminal_markdown(self._page_markdown())
                return PreviewContent(f"Preview: {self.site.settings.page}", (PreviewBlock(markdown, 0),))
            section = self.session.section
            if section is None:
                return None
            blocks, note = self._section_blocks(section)
            return PreviewContent(f"Preview: {section.title or section.name}{note}", tuple(blocks))
        except HomepageError as error:
            return PreviewContent("Preview: not available", message=str(error))

    def _draft_fields(self) -> dict | None:
        """What the form holds now, valid or not, so that the preview follows the typing."""
        form = self._form()
        if form is None or not form.display:
            return None
        return self.session.preview_fields(form.values()[0])

    def _section_blocks(self, section: "Section") -> tuple[list, str]:
        """The entries in the preview's window as blocks (one per entry, or the whole window as one
        block when its entries cannot be drawn apart), and the title's note on the window."""
        from homepage_tui.preview import PreviewBlock, preview_blocks, terminal_markdown
        from homepage_tui.render import render_parts

        total = len(section)
        draft_at, index = self.session.draft_at, self.session.index
        centre = draft_at if draft_at is not None else (index or 0)
        start, stop = 0, total
        if total > PREVIEW_WINDOW:
            start = max(0, min(centre - 10, total - PREVIEW_WINDOW))
            stop = start + PREVIEW_WINDOW
        doc = section.file.doc
        # The store's read-only views, not copies: render_parts then keeps each entry's markdown
        # by its object (an edit replaces an entry's object), and a keystroke renders one entry.
        entries: list = [doc.plain_view(i) for i in range(start, stop)]
        draft = self._draft_fields()
        if draft is not None:
            if draft_at is not None:
                entries.insert(max(0, draft_at - start), draft)
            elif index is not None and start <= index < stop:
                entries[index - start] = draft
        note = f" (entries {start + 1}–{stop} of {total})" if (start, stop) != (0, total) else ""
        cache = self._preview_parts.setdefault(section.name, {})
        parts = render_parts(entries, section.style, self.site.settings.names, cache)  # type: ignore[union-attr]
        blocks = preview_blocks(parts, section.style.separator)
        if blocks is None:
            whole = section.style.separator.join(p for p in parts if p is not None)
            blocks = [PreviewBlock(terminal_markdown(whole), 0)]
        return blocks, note

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
