"""The footer, cut to whole keys: Textual's footer scrolls what does not fit under the palette
key, so a narrow terminal showed half a key and a stray letter after `^p palette`. This one shows
the keys in their order while they fit and leaves out the rest (all are in `?` help and the
command palette)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


def _width(item: Widget) -> int:
    """Columns an item takes in the compact footer (its text and its one-column margin)."""
    if isinstance(item, FooterKey):
        text = item.key_display + (f" {item.description}" if item.description else "")
        if item.has_class("-command-palette"):
            return cell_len(text) + 1  # its left border
        return cell_len(text) + 1
    if isinstance(item, KeyGroup):
        keys = [child for child in item._pending_children if isinstance(child, FooterKey)]
        return 1 + sum(cell_len(k.key_display) for k in keys) + 1
    if isinstance(item, FooterLabel):
        return cell_len(str(getattr(item, "content", ""))) + 1  # its right margin (app.tcss)
    return 0


class FittedFooter(Footer):
    def compose(self):
        # Fitted to this width: the first resize (to the same width) need not compose again.
        self._fitted_width = self.app.size.width
        items = list(super().compose())
        if self.compact:
            # Each key is bound to the footer's `compact` and adds "-compact" to itself when
            # mounted, which restyled the key a second time (a third of the footer's compose):
            # made with the class, it is styled once, the same way.
            for item in items:
                if isinstance(item, FooterKey):
                    item.add_class("-compact", update=False)
        palette = [i for i in items if isinstance(i, FooterKey) and i.has_class("-command-palette")]
        room = self.app.size.width - sum(_width(i) for i in palette)
        shown: list[Widget] = []
        used = 0
        k = 0
        rest = [i for i in items if i not in palette]
        while k < len(rest):
            unit = [rest[k]]
            if isinstance(rest[k], KeyGroup) and k + 1 < len(rest) and isinstance(rest[k + 1], FooterLabel):
                unit.append(rest[k + 1])  # a group's keys and its label go together
            width = sum(_width(i) for i in unit)
            if used + width > room:
                break  # keys are in order of importance: stop at the first that does not fit
            shown += unit
            used += width
            k += len(unit)
        yield from shown + palette

    def on_resize(self) -> None:
        if getattr(self, "_fitted_width", None) != self.app.size.width:
            self._fitted_width = self.app.size.width
            self.call_after_refresh(self.recompose)
