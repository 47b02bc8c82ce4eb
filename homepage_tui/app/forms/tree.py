"""List sections (service, education, experience, teaching, …): an item's markdown text and its
sub-items, edited as an outline where two spaces of indentation make a child.

Keys in the outline: tab indents the line (makes it a child of the line above), shift+tab
outdents it, ctrl+n adds a child line under the current one."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding

from homepage_tui import kinds, model
from homepage_tui.app.forms.base import EntryForm, FieldArea

STEP = 2  # spaces per level in the outline


def outline_of(children: Any, level: int = 0) -> str | None:
    """The outline text of a children list, or None when it holds what an outline cannot
    (fields other than text and children, multi-line text)."""
    lines: list[str] = []
    for child in children or []:
        if not isinstance(child, dict) or set(child) - {"text", "children"}:
            return None
        text = model.text_of(child.get("text"))
        if "\n" in text.strip() or not text.strip() or text != text.strip():
            return None
        lines.append(" " * (STEP * level) + text)
        if child.get("children"):
            sub = outline_of(child["children"], level + 1)
            if sub is None:
                return None
            lines.append(sub)
    return "\n".join(lines)


def parse_outline(text: str) -> tuple[list[dict[str, Any]], str | None]:
    """Outline text to a children list, or the first problem (a line indented too deep)."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(-1, root)]
    prev_level = -1
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        spaces = len(line) - len(line.lstrip(" "))
        level = spaces // STEP
        if level > prev_level + 1:
            return root, f"line {n} is indented deeper than a child of the line above"
        while stack[-1][0] >= level:
            stack.pop()
        parent_list = stack[-1][1]
        item: dict[str, Any] = {"text": line.strip()}
        parent_list.append(item)
        stack.append((level, item.setdefault("children", [])))
        prev_level = level
    _drop_empty(root)
    return root, None


def _drop_empty(items: list[dict[str, Any]]) -> None:
    for item in items:
        if item.get("children"):
            _drop_empty(item["children"])
        else:
            item.pop("children", None)


class OutlineArea(FieldArea):
    BINDINGS = [
        Binding("tab", "indent", "Indent", id="outline.indent"),
        Binding("shift+tab", "outdent", "Outdent", id="outline.outdent"),
        Binding("ctrl+n", "add_child", "Add child", id="outline.add_child"),
    ]

    def _line(self) -> tuple[int, str]:
        row = self.cursor_location[0]
        return row, self.document.get_line(row)

    def action_indent(self) -> None:
        row, line = self._line()
        self.insert(" " * STEP, (row, 0))

    def action_outdent(self) -> None:
        row, line = self._line()
        remove = min(STEP, len(line) - len(line.lstrip(" ")))
        if remove:
            self.delete((row, 0), (row, remove))

    def action_add_child(self) -> None:
        row, line = self._line()
        if not line.strip():
            self.insert(" " * STEP, (row, 0))
            return
        indent = len(line) - len(line.lstrip(" ")) + STEP
        self.insert("\n" + " " * indent, (row, len(line)))
        self.move_cursor((row + 1, indent))


class TreeForm(EntryForm):
    section_type = kinds.TREE.name
    REQUIRED = kinds.TREE.required

    def compose_fields(self) -> ComposeResult:
        yield from self.field("text", "Text", FieldArea(classes="short"), "markdown")
        yield from self.field("children", "Sub-items", OutlineArea(classes="tall"),
                              "one per line; tab indents, shift+tab outdents, ctrl+n adds a child")

    def load(self, fields, title: str) -> None:
        self.outline_ok = outline_of(fields.get("children")) is not None
        self.inputs["children"].disabled = not self.outline_ok
        super().load(fields, title)
        if not self.outline_ok:
            self.query_one(".form-note").update(
                "Sub-items hold more than text (other fields or multi-line text): edit them in the YAML file.")

    def to_text(self, key: str, value: Any) -> str:
        if key == "children":
            return outline_of(value) or ""
        return super().to_text(key, value)

    def from_text(self, key: str, text: str) -> tuple[Any, str | None]:
        if key == "children":
            return parse_outline(text)
        return super().from_text(key, text)

    def values(self):
        fields, problems = super().values()
        if not getattr(self, "outline_ok", True):
            fields.pop("children", None)
            problems.pop("children", None)
        return fields, problems
