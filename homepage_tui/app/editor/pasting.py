"""Adding publications by paste: `b` opens the paste box (homepage_tui/app/paste_screen.py) on the
publications section; what the user accepts there is added in one undo step and saved at once
(the YAML and the page), since accepting is the user's "add these"."""

from __future__ import annotations


class PastingMixin:
    """Mixed into EditorScreen: the `paste_bib` action."""

    def action_paste_bib(self) -> None:
        """Open the paste box for the current publications section (or the first one)."""
        from homepage_tui.app.paste_screen import PasteScreen

        if self.site is None:
            return
        targets = [n for n in self.names if self.site.section_kind(n).from_bibtex]
        name = self.current if self.current in targets else next(iter(targets), None)
        if name is None or name not in self.sections:
            self.notify(self.errors.get(name or "", "This site has no publications section to add to."),
                        severity="warning")
            return
        if not self.apply_form():
            self.notify("Fix the marked field first.", title="Paste", severity="warning")
            return
        section = self.sections[name]
        if self.current != name:
            self.query_one("#sections").select_section(name)
            self.show_section(name)

        def added(count: int | None) -> None:
            if not count:
                return
            self._refresh_rows(section, select=0)
            self.load_entry(0, force=True)
            if self.action_save():
                self.notify(f"Added {count} publication(s) at the top of {section.title or section.name} "
                            "(ctrl+z undoes them all).", title="Added")

        self.app.push_screen(PasteScreen(section, self.site.settings.names,
                                         lambda: self.session.begin_change(name, "paste of publications")), added)
