"""Values between ruamel.yaml's round-trip containers and plain Python data: plain copies, and the
styled scalars an edit is dumped with (the user's quotes kept, multi-line text as a block)."""

from __future__ import annotations

from collections.abc import Mapping

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any

# Fields whose values are text even when YAML would read them as numbers (2024.10 is a date).
TEXT_FIELDS = {"date", "year", "text", "title", "venue", "org", "emoji", "badge", "note"}
ALWAYS_QUOTED = {"date"}


def to_plain(value: Any) -> Any:
    """ruamel's commented containers and scalar strings as plain dicts, lists and str."""
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _copy_plain(value: Any) -> Any:
    """A copy of plain data (dicts, lists, immutable scalars) that shares no container."""
    kind = type(value)
    if kind is dict:
        return {k: _copy_plain(v) for k, v in value.items()}
    if kind is list:
        return [_copy_plain(v) for v in value]
    return value


def _types_match(back: Any, value: Any) -> bool:
    if isinstance(value, str):
        return isinstance(back, str)
    if isinstance(value, Mapping):
        return isinstance(back, Mapping) and all(_types_match(back.get(k), v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return isinstance(back, list) and all(_types_match(b, v) for b, v in zip(back, value))
    return True


def _literal_ok(text: str) -> bool:
    """Whether a literal block `|` can hold `text` exactly."""
    if "\n" not in text.rstrip("\n") or text.startswith((" ", "\n")) or "\t" in text:
        return False
    if any(ch in text for ch in "\r\x85\u2028\u2029\ufeff") or any(ord(c) < 32 and c != "\n" for c in text):
        return False
    return all(line == line.rstrip() for line in text.split("\n"))


def styled_value(key: str, value: Any, old: Any) -> Any:
    """A value ready to dump: quotes kept as the user wrote them, multi-line text as a block."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # only edits dump: see document.py
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(value, str):
        if key in ALWAYS_QUOTED or (key in TEXT_FIELDS and old is not None and not isinstance(old, str)):
            return SingleQuotedScalarString(value) if "\n" not in value else DoubleQuotedScalarString(value)
        if "\n" in value.rstrip("\n") and _literal_ok(value):
            return LiteralScalarString(value)
        if isinstance(old, SingleQuotedScalarString):
            return SingleQuotedScalarString(value)
        if isinstance(old, DoubleQuotedScalarString):
            return DoubleQuotedScalarString(value)
        return value
    if isinstance(value, Mapping):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = styled_value(k, v, old.get(k) if isinstance(old, Mapping) else None)
        if isinstance(old, CommentedMap) and old.fa.flow_style():
            m.fa.set_flow_style()
        return m
    if isinstance(value, (list, tuple)):
        s = CommentedSeq()
        olds = list(old) if isinstance(old, list) else []
        for i, v in enumerate(value):
            s.append(styled_value(key if not isinstance(v, Mapping) else "", v, olds[i] if i < len(olds) else None))
        if isinstance(old, CommentedSeq) and old.fa.flow_style() and all(isinstance(v, str) and "\n" not in v for v in value):
            s.fa.set_flow_style()
        return s
    return value


def _fallback(value: Any) -> Any:
    """Every string double-quoted: the style that can hold any text."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(value, Mapping):
        return CommentedMap((k, _fallback(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_fallback(v) for v in value)
    return value


