"""The fast first read of a content file: libyaml's C parser for the values and their positions.

A ruamel.yaml round-trip load builds commented containers for every scalar of the file (about 7x
PyYAML's C loader), yet the editor needs them only for the entries it edits. So a file is read
once by libyaml (PyYAML's CParser composes the node tree, with line and column marks), its values
are made plain Python data here, following ruamel's YAML 1.2 rules, and an entry's ruamel node is
built from that entry's own lines when it is first edited (store.document.Piece).

Only files whose every value reads the same under both parsers take this path: anything else
(explicit tags, aliases, merge keys, timestamps, numbers other than plain decimals, directives,
tabs, the YAML 1.1 line breaks, duplicate or non-text keys, or any libyaml error) raises
NotFast, and the caller loads the file with ruamel as before, so the store behaves exactly as it
did for those.
"""

from __future__ import annotations

import re

from ..lazyre import DeferredPattern
from ..record import Record
from .libyaml import (
    CParser,
    MappingEndEvent,
    MappingNode,
    MappingStartEvent,
    ScalarEvent,
    ScalarNode,
    SequenceEndEvent,
    SequenceNode,
    SequenceStartEvent,
    StreamEndEvent,
    YAMLError,
)
from .values import TEXT_FIELDS

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any

PLAIN, QUOTED, NODE = "?plain", "?quoted", "?node"  # the tags our resolver gives


class NotFast(Exception):
    """This text needs ruamel's full load (the reason is for debugging)."""


class _Composer(CParser):
    """libyaml composing nodes; resolution is left to `_value` (ruamel's YAML 1.2 rules)."""

    def resolve(self, kind, value, implicit):  # noqa: ANN001 - PyYAML's signature
        if implicit is True or implicit is False:  # a sequence or a mapping
            return NODE
        return PLAIN if implicit[0] else QUOTED

    def descend_resolver(self, current_node, current_index):  # noqa: ANN001
        pass

    def ascend_resolver(self):
        pass


_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_SIMPLE_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")
# What ruamel 1.2 would read as something other than text (numbers in any notation, timestamps,
# merge and value keys): a plain scalar starting with these characters needs a closer look.
_SPECIAL_START = set("-+0123456789.<=")
_NOT_TEXT = DeferredPattern(r"""(?x)
    [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?\Z
   |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)\Z
   |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?\Z
   |[-+]?\.(?:inf|Inf|INF)\Z
   |\.(?:nan|NaN|NAN)\Z
   |[-+]?0b[0-1_]+\Z
   |[-+]?0o?[0-7_]+\Z
   |[-+]?[0-9_]+\Z
   |[-+]?0x[0-9a-fA-F_]+\Z
   |<<\Z
   |=\Z
   |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?""")


def _scalar(node: ScalarNode) -> Any:
    if node.tag == QUOTED:
        return node.value
    if node.tag != PLAIN:
        raise NotFast(f"tag {node.tag}")
    return _plain(node.value)


def _plain(value: str) -> Any:
    """A plain scalar's value under ruamel's YAML 1.2 rules, or NotFast."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] in _SPECIAL_START:
        # The usual numbers (years, dates such as 2024.06) first: _NOT_TEXT, which matches them
        # too, is compiled only for a file that has something else.
        if _SIMPLE_INT.match(value):
            return int(value)
        if _SIMPLE_FLOAT.match(value):
            return float(value)
        if _NOT_TEXT.match(value):
            raise NotFast(f"number or timestamp {value!r}")
    return value


def _key(node: Any, seen: set[int]) -> str:
    if not isinstance(node, ScalarNode):
        raise NotFast("a key that is not text")
    seen.add(id(node))
    key = _scalar(node)
    if not isinstance(key, str) or key == "":
        raise NotFast("a key that is not text")
    return key


class FastEntry(Record):
    FIELDS = ("line", "column", "plain", "is_mapping")
    __slots__ = FIELDS

    def __init__(self, line: int, column: int, plain: dict[str, Any], is_mapping: bool):
        self.line = line  # 0-based line and column of the entry's node (ruamel's root.lc.item(i))
        self.column = column
        self.plain = plain
        self.is_mapping = is_mapping


class FastFile(Record):
    FIELDS = ("entries", "flow", "nested_mapping", "nested_sequence")

    def __init__(self, entries: list[FastEntry], flow: bool, nested_mapping: int | None,
                 nested_sequence: tuple[int, int] | None):
        self.entries = entries
        self.flow = flow  # the root list is written [ ... ]
        self.nested_mapping = nested_mapping  # indentation of a nested block mapping's keys under their key
        self.nested_sequence = nested_sequence  # (key to item column, key to dash column) of a block list


def fast_load(text: str) -> FastFile:
    """The entries of a content file's text (newlines already "\\n"); raises NotFast.

    Read from libyaml's events, not its node tree: the values are built as the parser goes, so
    a 20,000-entry file never holds a node (and two marks) per scalar at once."""
    if "\t" in text or "\x85" in text or "\u2028" in text or "\u2029" in text or "\ufeff" in text:
        raise NotFast("tabs or YAML 1.1 line breaks")
    if text.startswith("%") or "\n%" in text:
        raise NotFast("a directive")
    try:
        return _EventReader(text).read()
    except YAMLError as exc:
        raise NotFast(f"libyaml: {exc}") from None


class _EventReader:
    def __init__(self, text: str):
        self.text = text
        self.parser = _Composer(text)
        self.next = self.parser.get_event
        self.mapping: int | None = None
        self.sequence: tuple[int, int] | None = None
        self._lines: list[str] | None = None

    def read(self) -> FastFile:
        self.next()  # stream start
        event = self.next()
        if isinstance(event, StreamEndEvent):
            return FastFile([], False, None, None)
        if event.tags:  # %TAG directives (also refused above)
            raise NotFast("a directive")
        event = self.next()
        if not isinstance(event, SequenceStartEvent) or event.tag is not None:
            raise NotFast("the root is not a list")
        flow = bool(event.flow_style)
        entries = []
        while True:
            event = self.next()
            if isinstance(event, SequenceEndEvent):
                break
            entries.append(self.entry(event))
        self.next()  # document end
        if not isinstance(self.next(), StreamEndEvent):
            raise NotFast("more than one document")
        return FastFile(entries, flow, self.mapping, self.sequence)

    def entry(self, event: Any) -> FastEntry:
        start = event.start_mark
        if isinstance(event, ScalarEvent):
            value = _scalar_event(event)
            if value is None or isinstance(value, str):
                return FastEntry(start.line, start.column, {"raw": "" if value is None else value}, False)
            raise NotFast("an entry that is a number")
        if not isinstance(event, MappingStartEvent):
            raise NotFast("an entry that is a list or an alias")
        if event.tag is not None:
            raise NotFast(f"tag {event.tag}")
        out: dict[str, Any] = {}
        while True:
            key_event = self.next()
            if isinstance(key_event, MappingEndEvent):
                break
            key = _key_event(key_event)
            if key in out:
                raise NotFast("a duplicate key")
            value_event = self.next()
            value = self.value(value_event, key_event.start_mark.column)
            if key in TEXT_FIELDS and value is not None and not isinstance(value, str):
                if not isinstance(value_event, ScalarEvent):
                    raise NotFast("a text field that is a list or a mapping")  # ruamel shows str() of it
                if value_event.start_mark.line != value_event.end_mark.line:
                    raise NotFast("a multi-line number")
                value = value_event.value  # as written: the plain scalar's own text
            out[key] = value
        return FastEntry(start.line, start.column, out, True)

    def value(self, event: Any, key_column: int | None = None) -> Any:
        if isinstance(event, ScalarEvent):
            return _scalar_event(event)
        if isinstance(event, SequenceStartEvent):
            if event.tag is not None:
                raise NotFast(f"tag {event.tag}")
            items = []
            while True:
                item = self.next()
                if isinstance(item, SequenceEndEvent):
                    break
                if not items and key_column is not None and self.sequence is None and not event.flow_style:
                    self._note_sequence(item.start_mark, key_column)
                items.append(self.value(item))
            return items
        if isinstance(event, MappingStartEvent):
            if event.tag is not None:
                raise NotFast(f"tag {event.tag}")
            out: dict[str, Any] = {}
            while True:
                key_event = self.next()
                if isinstance(key_event, MappingEndEvent):
                    break
                if not out and key_column is not None and self.mapping is None and not event.flow_style:
                    indent = key_event.start_mark.column - key_column
                    if indent > 0:
                        self.mapping = indent
                key = _key_event(key_event)
                if key in out:
                    raise NotFast("a duplicate key")
                out[key] = self.value(self.next())
            return out
        raise NotFast("an alias")

    def _note_sequence(self, first: Any, key_column: int) -> None:
        """The first block list under a key: where its dash and its first item sit."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        dash = self._lines[first.line].rfind("-", 0, first.column)
        if dash >= 0:
            offset = max(dash - key_column, 0)
            self.sequence = (max(first.column - key_column, offset + 2), offset)


def _scalar_event(event: Any) -> Any:
    if event.tag is not None:
        raise NotFast(f"tag {event.tag}")
    if event.style or not event.implicit[0]:
        return event.value  # quoted or a block: text
    return _plain(event.value)


def _key_event(event: Any) -> str:
    if not isinstance(event, ScalarEvent):
        raise NotFast("a key that is not text")
    key = _scalar_event(event)
    if not isinstance(key, str) or key == "":
        raise NotFast("a key that is not text")
    return key


def text_entry(text: str) -> dict[str, str] | None:
    """The one entry of `text` when every one of its fields reads back as text under ruamel's
    rules (no number, date or null read from a plain scalar); None otherwise."""
    try:
        root = _Composer(text).get_single_node()
    except YAMLError:
        return None
    if not isinstance(root, SequenceNode) or len(root.value) != 1 or not isinstance(root.value[0], MappingNode):
        return None
    out: dict[str, str] = {}
    try:
        for key_node, value_node in root.value[0].value:
            key = _key(key_node, set())
            value = _scalar(value_node) if isinstance(value_node, ScalarNode) else None
            if not isinstance(value, str) or key in out:
                return None
            out[key] = value
    except NotFast:
        return None
    return out
