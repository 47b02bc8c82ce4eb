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

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        """ScrollView moves the horizontal scrollbar too; an Input's has no size (it is never on
        screen), and refreshing a widget that is not on screen made the compositor arrange the
        whole screen again at the next frame (typing at the end of a title longer than its box
        scrolls at every key)."""
        if self.scrollbar_size_horizontal:
            super().watch_scroll_x(old_value, new_value)
        elif round(old_value) != round(new_value):
            self.refresh(self.size.region)
