"""The command palette's editor commands: every action of the editor screen, found by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (action, title, help) in the order the palette lists them; keys are shown from the bindings.
COMMANDS = [
    ("new_news", "New news entry", "Add a news entry dated this month and type its text"),
    ("add_entry", "Add entry", "Add an entry to the current section"),
    ("paste_bib", "Add publications by paste", "Paste BibTeX, DOIs or arXiv ids; check the result, then add it"),
    ("delete_entry", "Delete entry", "Delete the selected entry (asks first)"),
    ("move_up", "Move entry up", "Move the selected entry one place up"),
    ("move_down", "Move entry down", "Move the selected entry one place down"),
    ("sort", "Sort by date", "Sort the section by date or year, newest first; comments move along"),
    ("save", "Save", "Write the changed content files and regenerate the page"),
    ("undo", "Undo", "Undo the last step: typing until a pause, a new entry, a delete, a move, a sort"),
    ("redo", "Redo", "Redo the step undone last"),
    ("filter", "Filter entries", "Show only the entries that contain the words you type"),
    ("close_filter", "Clear filter", "Show every entry again and close the filter line"),
    ("toggle_preview", "Toggle preview", "Show or hide the preview"),
    ("toggle_whole_page", "Preview whole page / section", "Preview the whole page or only the current section"),
    ("browser_preview", "Browser preview (start / stop)", "Serve the page on 127.0.0.1 to a web browser, reloaded as you type"),
    ("type_raw", "Make raw entry typed", "Turn the raw entry in the form into a typed one when its text parses"),
    ("open_in_editor", "Open in text editor", "Open the entry's file at its line in $EDITOR (the `editor` setting)"),
    ("reload_section", "Reload section from disk", "Read the current section's file again (asks first when edited)"),
    ("quit", "Quit", "Leave the editor (asks when there are unsaved changes)"),
]


class EditorCommands(Provider):
    """Runs the action on the screen the palette was opened from (the editor screen)."""

    def _commands(self):
        screen = self.screen
        keys = {b.action: b.key_display or b.key for b in getattr(screen, "BINDINGS", [])
                if hasattr(b, "action")}
        for action, title, help_text in COMMANDS:
            if not hasattr(screen, f"action_{action}"):
                continue
            key = keys.get(action)
            label = f"{title}  ({key})" if key else title
            yield label, partial(self.app.call_later, screen.run_action, action), help_text

    async def discover(self) -> Hits:
        for label, command, help_text in self._commands():
            yield DiscoveryHit(label, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), command, help=help_text)
