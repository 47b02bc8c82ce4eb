"""The entry form's frame: a label, an input and an error line per field, and the rules that turn
what the user typed back into an entry's fields.

Each field's error is a Label under its input; it gets the `-invalid` class (and so shows) when
the field has a problem, and the input gets `-invalid` too. A form never writes to the section:
it posts `FormEdited` with its values, and the editor's session validates and applies them."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from homepage_tui.app.forms.field_input import FieldInput
from homepage_tui.app.messages import FormEdited


# Template fields that are not plain text: written from lists and mappings by the renderer, or
# chosen by the editor. They never get a plain text input.
STRUCTURED = {"authors", "links", "highlights", "children", "bold", "layout", "raw"}


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


class FieldArea(TextArea):
    """A multi-line field: soft-wrapped, tab moves focus like the other fields. `typed` (set by
    the form) is called at each edit, at once rather than through TextArea.Changed."""

    def __init__(self, **kwargs):
        super().__init__(soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)
        self.typed: Callable[[], None] | None = None

    def edit(self, edit):
        result = super().edit(edit)
        if self.typed is not None:
            self.typed()
        return result


class EntryForm(VerticalScroll):
    """Subclasses set `section_type`, `REQUIRED` and compose their fields with `field()`.

    A keystroke in a field posts `FormEdited` to the screen from the field's own change (the
    input's value watcher, the text area's edit), not from the Changed message that bubbles up
    later: the screen then applies it and updates the preview before it draws the typed
    character, and both show in the same frame."""

    BINDINGS = [Binding("escape", "back_to_list", "Back to list", id="form.back")]

    section_type = ""
    REQUIRED: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.original: dict[str, Any] = {}
        self.inputs: dict[str, Widget] = {}
        self.template_keys: list[str] = []  # inputs made from the section's template (not composed)
        self._template_widgets: list[Widget] = []
        self._loading = False  # load() is setting the fields: not the user's typing
        self._posted: tuple | None = None  # the last FormEdited's field, values and problems

    # ------------------------------------------------------------ building

    def compose(self) -> ComposeResult:
        yield Label("", classes="form-title")
        yield from self.compose_fields()
        yield Static("", classes="form-note")

    def compose_fields(self) -> ComposeResult:
        """Each form yields its fields here (with `field()`); the base form has none."""
        yield from ()

    def field(self, key: str, label: str, widget: Widget, hint: str = "") -> ComposeResult:
        widget.id = f"{self.section_type}-{key}"
        widget.add_class("field-input")
        self.inputs[key] = widget
        if isinstance(widget, Input):
            self.watch(widget, "value", self._typing_in(widget), init=False)
        elif isinstance(widget, FieldArea):
            widget.typed = self._typing_in(widget)
        text = Text(label, style="bold")
        if hint:
            text.append(f"  {hint}", style="dim")
        yield Label(text, classes="field-label")
        yield widget
        yield Label("", id=f"{self.section_type}-{key}-error", classes="field-error")

    def use_template_fields(self, keys: Iterable[str]) -> None:
        """A plain text input for each field the section's template writes and this form has no
        input for (e.g. `citation`, `extra`), so that every field the page shows is editable.
        The inputs change only when the section's set of fields does."""
        wanted = [k for k in keys if k not in STRUCTURED and (k not in self.inputs or k in self.template_keys)]
        if wanted == self.template_keys:
            return
        for key in self.template_keys:
            self.inputs.pop(key, None)
        for widget in self._template_widgets:
            widget.remove()
        self.template_keys = wanted
        self._template_widgets = [w for key in wanted for w in self.field(
            key, key.replace("_", " ").capitalize(), FieldInput(), "a field of this section's template")]
        if self._template_widgets:
            self.mount_all(self._template_widgets, before=self.query_one(".form-note"))
        self._shown_errors = {}

    # ------------------------------------------------------------ values

    def load(self, fields: Mapping[str, Any], title: str) -> None:
        """Show `fields` (an entry as plain data); `values()` then gives back the same fields."""
        self.original = dict(fields)
        self.query_one(".form-title", Label).update(title)
        self._loading = True
        try:
            for key in self.inputs:
                self.set_text(key, self.to_text(key, fields.get(key)))
                if key in self.template_keys:  # a list or mapping is no plain text: left as it is
                    self.inputs[key].disabled = not _plain(fields.get(key))
        finally:
            self._loading = False
        self._posted = None
        extra = [k for k in fields if k not in self.inputs]
        note = f"Other fields kept as they are: {', '.join(extra)}" if extra else ""
        self.query_one(".form-note", Static).update(note)
        self.show_errors({})

    def set_title(self, title: str) -> None:
        self.query_one(".form-title", Label).update(title)

    def to_text(self, key: str, value: Any) -> str:
        return "" if value is None else str(value)

    def from_text(self, key: str, text: str) -> tuple[Any, str | None]:
        """The field's value from its text, and a problem found while reading it."""
        return text.strip(), None

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(fields to apply, problems found while reading them). Empty optional fields are left
        out, or removed (DELETE) when the entry had them; a required one stays as '' so that
        validation names it."""
        from homepage_tui.store import DELETE  # ruamel.yaml loads off the start-up path

        out: dict[str, Any] = {}
        problems: dict[str, str] = {}
        first_key = next(iter(self.original), None)
        for key in self.inputs:
            if key in self.template_keys and not _plain(self.original.get(key)):
                continue
            value, problem = self.from_text(key, self.get_text(key))
            if problem:
                problems[key] = problem
                continue
            if value in ("", [], {}) and key not in self.REQUIRED:
                if key in self.original and key != first_key:
                    out[key] = DELETE
                elif key in self.original:
                    out[key] = value
                continue
            out[key] = value
        return out, problems

    def get_text(self, key: str) -> str:
        widget = self.inputs[key]
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def set_text(self, key: str, text: str) -> None:
        widget = self.inputs[key]
        if isinstance(widget, TextArea):
            if widget.text != text:
                widget.load_text(text)
        elif widget.value != text:  # type: ignore[attr-defined]
            widget.value = text  # type: ignore[attr-defined]
            widget.cursor_position = 0  # type: ignore[attr-defined]  (show the start of long titles)

    # ------------------------------------------------------------ errors and focus

    def show_errors(self, problems: Mapping[str, str]) -> None:
        """Mark each field's problem in place. Called at every keystroke: a label is updated only
        when its message changes, since every update relayouts the screen."""
        shown = getattr(self, "_shown_errors", {})
        for key, widget in self.inputs.items():
            message = problems.get(key, "")
            if shown.get(key) == message:
                continue
            label = self.query_one(f"#{self.section_type}-{key}-error", Label)
            label.update(Text(f"✗ {message}") if message else "")
            label.set_class(bool(message), "-invalid")
            widget.set_class(bool(message), "-invalid")
        self._shown_errors = {key: problems.get(key, "") for key in self.inputs}

    def focus_field(self, key: str | None = None) -> None:
        key = key if key in self.inputs else next(iter(self.inputs))
        widget = self.inputs[key]
        widget.focus()
        if isinstance(widget, TextArea):
            widget.move_cursor(widget.document.end)

    def key_of(self, widget: Widget) -> str | None:
        for key, w in self.inputs.items():
            if w is widget:
                return key
        return None

    def action_back_to_list(self) -> None:
        self.screen.query_one("#entries").focus()

    def _typing_in(self, widget: Widget) -> Callable[..., None]:
        def typed(*_value: object) -> None:
            if not self._loading:
                self._edited(widget)
        return typed

    # The Changed messages arrive after the change was posted (_typing_in); they post only a
    # change that did not go through it (a text area's own undo, say).
    def on_input_changed(self, event: Input.Changed) -> None:
        self._edited(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._edited(event.text_area)

    def _edited(self, widget: Widget) -> None:
        key = self.key_of(widget)
        if key is None or not self.is_attached:
            return
        values, problems = self.values()
        if (key, values, problems) != self._posted:
            self._posted = (key, values, problems)
            self.screen.post_message(FormEdited(key, dict(values), dict(problems), form=self))
