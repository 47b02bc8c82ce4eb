"""The editor screen's work, one job per module, each a mixin of `EditorScreen`
(`homepage_tui.app.editor_screen`), which keeps the layout, the key bindings and the wiring:

- `loading`: the thread workers that read the site and its sections, and what they report
- `browsing`: which section and entry are shown: the table, the filter, the entry's form
- `editing`: what the form's typing changes in a section; new entries, undo, delete, move, sort
- `previewing`: when and what the preview draws (the section around the entry, or the page)
- `saving`: writing the edited sections, and quitting without losing unsaved edits

Content files changed by someone else (reload prompts, save conflicts) are the `DiskPrompts`
widget's job (`homepage_tui.app.disk_prompts`), which posts what the user decided.

The mixins are plain classes. The state they share is set up in one place, `EditorScreen.__init__`.
Textual calls their `on_*` handlers and runs their `@work` methods as usual, but an `@on` method
on a mixin is never called (Textual collects those per class, in its metaclass), so the `@on`
handlers are in `EditorScreen`.
"""
