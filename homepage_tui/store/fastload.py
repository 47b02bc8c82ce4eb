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
from dataclasses import dataclass
from typing import Any

from yaml._yaml import CParser
from yaml.error import YAMLError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .values import TEXT_FIELDS

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
_NOT_TEXT = re.compile(r"""(?x)
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
    value = node.value
    if node.tag == QUOTED:
        return value
    if node.tag != PLAIN:
        raise NotFast(f"tag {node.tag}")
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] in _SPECIAL_START and _NOT_TEXT.match(value):
        if _SIMPLE_INT.match(value):
            return int(value)
        if _SIMPLE_FLOAT.match(value):
            return float(value)
        raise NotFast(f"number or timestamp {value!r}")
    return value


def _value(node: Any, seen: set[int]) -> Any:
    if id(node) in seen:
        raise NotFast("an alias")
    seen.add(id(node))
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if node.tag != NODE:
        raise NotFast(f"tag {node.tag}")
    if isinstance(node, SequenceNode):
        return [_value(item, seen) for item in node.value]
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _key(key_node, seen)
        if key in out:
            raise NotFast("a duplicate key")
        out[key] = _value(value_node, seen)
    return out


def _key(node: Any, seen: set[int]) -> str:
    if not isinstance(node, ScalarNode):
        raise NotFast("a key that is not text")
    seen.add(id(node))
    key = _scalar(node)
    if not isinstance(key, str) or key == "":
        raise NotFast("a key that is not text")
    return key


def _entry(node: Any, seen: set[int]) -> dict[str, Any]:
    """An entry as the store's plain data: text fields as written (2024.10 stays '2024.10')."""
    if isinstance(node, ScalarNode):
        value = _scalar(node)
        if value is None or isinstance(value, str):
            return {"raw": "" if value is None else value}
        raise NotFast("an entry that is a number")
    if not isinstance(node, MappingNode):
        raise NotFast("an entry that is a list")
    seen.add(id(node))
    if node.tag != NODE:
        raise NotFast(f"tag {node.tag}")
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _key(key_node, seen)
        if key in out:
            raise NotFast("a duplicate key")
        value = _value(value_node, seen)
        if key in TEXT_FIELDS and value is not None and not isinstance(value, str):
            if not isinstance(value_node, ScalarNode):
                raise NotFast("a text field that is a list or a mapping")  # ruamel shows str() of it
            if value_node.start_mark.line != value_node.end_mark.line:
                raise NotFast("a multi-line number")
            value = value_node.value  # as written: the plain scalar's own text
        out[key] = value
    return out


@dataclass
class FastEntry:
    line: int  # 0-based line and column of the entry's node (ruamel's root.lc.item(i))
    column: int
    plain: dict[str, Any]
    is_mapping: bool


@dataclass
class FastFile:
    entries: list[FastEntry]
    flow: bool  # the root list is written [ ... ]
    nested_mapping: int | None  # indentation of a nested block mapping's keys under their key
    nested_sequence: tuple[int, int] | None  # (key to item column, key to dash column) of a block list


def fast_load(text: str) -> FastFile:
    """The entries of a content file's text (newlines already "\\n"); raises NotFast."""
    if "\t" in text or "\x85" in text or "\u2028" in text or "\u2029" in text or "\ufeff" in text:
        raise NotFast("tabs or YAML 1.1 line breaks")
    if text.startswith("%") or "\n%" in text:
        raise NotFast("a directive")
    try:
        root = _Composer(text).get_single_node()
    except YAMLError as exc:
        raise NotFast(f"libyaml: {exc}") from None
    if root is None:
        return FastFile([], False, None, None)
    if not isinstance(root, SequenceNode) or root.tag != NODE:
        raise NotFast("the root is not a list")
    seen: set[int] = {id(root)}
    entries = [FastEntry(item.start_mark.line, item.start_mark.column, _entry(item, seen),
                         isinstance(item, MappingNode)) for item in root.value]
    mapping, sequence = _nested_style(root, text)
    return FastFile(entries, bool(root.flow_style), mapping, sequence)


def _nested_style(root: SequenceNode, text: str) -> tuple[int | None, tuple[int, int] | None]:
    """The first nested block mapping's and block list's indentation (as YamlDocument finds it)."""
    mapping = sequence = None
    lines: list[str] | None = None
    for item in root.value:
        if not isinstance(item, MappingNode):
            continue
        for key_node, value_node in item.value:
            kcol = key_node.start_mark.column
            if mapping is None and isinstance(value_node, MappingNode) and value_node.value \
                    and not value_node.flow_style:
                indent = value_node.value[0][0].start_mark.column - kcol
                if indent > 0:
                    mapping = indent
            if sequence is None and isinstance(value_node, SequenceNode) and value_node.value \
                    and not value_node.flow_style:
                first = value_node.value[0].start_mark
                if lines is None:
                    lines = text.splitlines()
                dash = lines[first.line].rfind("-", 0, first.column)
                if dash >= 0:
                    offset = max(dash - kcol, 0)
                    sequence = (max(first.column - kcol, offset + 2), offset)
            if mapping is not None and sequence is not None:
                return mapping, sequence
    return mapping, sequence


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
