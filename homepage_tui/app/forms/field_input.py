"""A form's one-line field: Textual's Input, without a relayout of the screen at every key."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FieldInput(Input):
    """Input sets its virtual size to its text's width at each keystroke, and Widget declares
    `virtual_size` a layout reactive: every typed character relaid out the whole screen, and the
    frame then repainted every widget in it (half of a keystroke's time in the editor). A form
    field's box has a fixed size (app.tcss: `Input.field-input`), so the text's width changes only
    how far the field scrolls, which Input reads from `virtual_size` itself; the character is
    repainted by the value's own refresh. An input sized by its content (`width: auto`) is still
    relaid out: Input does that itself when its styles have auto dimensions."""

    virtual_size = Reactive(Size(0, 0), layout=False)
