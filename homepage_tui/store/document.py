"""A content file as text cut into entries: edits splice lines, the rest stays byte for byte.

Why splice instead of dumping: ruamel.yaml's round trip re-dump changes bytes the user wrote
(quotes, wrapping, indentation, comments attached to the wrong neighbour, a missing final
newline), and re-serialising a 2,000-entry file takes about a second. So the file is kept as text
cut into pieces, and an edit replaces only the lines of the field it changes:

    file = header + for each entry (separator + leading comments + body) + trailer

The separator (blank lines) stays at its position when entries move; the leading comments and
the body travel with their entry. The file is read once by libyaml (store.fastload: plain values
and positions, at C speed); an entry's ruamel.yaml round-trip node is parsed from its own lines
when it is first edited, and ruamel dumps only the small snippets that an edit writes; every
snippet is parsed back and compared before it is used. A file that libyaml cannot read exactly as
ruamel would is parsed whole by ruamel, as before.
"""

from __future__ import annotations

import gc
import io
import re
from collections import Counter
from collections.abc import Mapping
from itertools import accumulate

from ..errors import ContentError
from ..record import FrozenRecord, Record
from .fastload import FastFile, NotFast, fast_load, text_entry
from .values import ALWAYS_QUOTED, TEXT_FIELDS, _copy_plain, _fallback, _types_match, styled_value, to_plain

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any, Iterable

DELETE = object()  # sentinel: `set_fields(i, {"key": DELETE})` removes the key


# ruamel.yaml is imported where an edit needs it, not at the top: reading and checking content
# (the command line's check, render, preview) never builds a round-trip node. Its containers
# subclass dict and list, which is what the isinstance checks below test.


def _new_yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never wrap a user's long line
    yaml.allow_unicode = True
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


_LOADERS: Any = None  # a threading.local, made with the first round-trip parse


def _loader() -> Any:
    """This thread's parser: a YAML instance keeps its reader and scanner between calls, so two
    threads sharing one (the app's loading worker and the UI thread parsing an edit) break both."""
    global _LOADERS
    if _LOADERS is None:
        import threading  # not at the top: reading content (check, render) never parses this way

        _LOADERS = threading.local()  # (a race here makes two, and one thread a second parser)
    yaml = getattr(_LOADERS, "yaml", None)
    if yaml is None:
        yaml = _LOADERS.yaml = _new_yaml()
    yaml.doc_infos.clear()  # ruamel appends one per load and never drops them
    return yaml


def parse_yaml(text: str, source: str = "<text>") -> Any:
    """Round-trip load `text`; a syntax error becomes `source:LINE:COL: message`.

    The cyclic garbage collector is paused during the parse: ruamel allocates hundreds of
    thousands of objects for a 2,000-entry file and leaves no cycles behind, so the collections
    it would trigger only re-walk the heap (10-30% of the load, more in the app's larger heap)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _loader().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(f"{where}: {problem}") from None
    except YAMLError as exc:  # errors without a position
        raise ContentError(f"{source}: {str(exc).splitlines()[0]}") from None
    finally:
        if was_enabled:  # another thread's parse may have paused it first: leave that one on
            gc.enable()


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_UNPARSED = object()


class Piece:
    """One entry of the root list: its leading comments, its body, and its ruamel node (`data`),
    parsed from the body's own lines the first time it is asked for."""

    __slots__ = ("_lead", "_body", "_text", "_bytes", "_data", "origin", "cached_plain", "mapping", "source")

    def __init__(self, lead: list[str], body: list[str], data: Any = _UNPARSED, origin: int = 0,
                 cached_plain: dict[str, Any] | None = None, mapping: bool | None = None,
                 source: str = "<text>"):
        self._text: str | None = None
        self._bytes: bytes | None = None
        self.lead = lead
        self.body = body
        self._data = data
        self.origin = origin  # line of body[0] in the text `data`'s positions (.lc) refer to
        # `data` as plain Python data, made on first use; cleared when the body is replaced
        self.cached_plain = cached_plain
        self.mapping = isinstance(data, dict) if data is not _UNPARSED else mapping
        self.source = source

    # lead and body are replaced, never changed in place: their joined text is kept until then,
    # so that writing a 20,000-entry file joins 20,000 strings, not 200,000 lines
    @property
    def lead(self) -> list[str]:
        return self._lead

    @lead.setter
    def lead(self, lines: list[str]) -> None:
        self._lead = lines
        self._text = self._bytes = None

    @property
    def body(self) -> list[str]:
        return self._body

    @body.setter
    def body(self, lines: list[str]) -> None:
        self._body = lines
        self._text = self._bytes = None

    def text(self) -> str:
        """The entry's lines as written: its leading comments, then its body."""
        if self._text is None:
            self._text = "".join(self._lead) + "".join(self._body)
        return self._text

    def encoded(self) -> bytes:
        """text() as UTF-8, kept like it: a save encodes only the entries an edit replaced (the
        whole text of a 20,000-entry file took longer to encode than to write)."""
        if self._bytes is None:
            self._bytes = self.text().encode("utf-8")
        return self._bytes

    @property
    def data(self) -> Any:
        if self._data is _UNPARSED:
            parsed = parse_yaml("".join(self.body), self.source)
            if not isinstance(parsed, list) or len(parsed) != 1:
                raise ContentError(f"{self.source}: an entry could not be read on its own; nothing was changed")
            self._data = parsed[0]
            self.origin = 0  # positions refer to the body alone
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value
        self.mapping = isinstance(value, dict)

    def __repr__(self) -> str:
        return f"Piece(lead={self.lead!r}, body={self.body!r})"


class DocState(FrozenRecord):
    """A YamlDocument's lines and entries at one moment (see YamlDocument.snapshot)."""

    FIELDS = ("header", "seps", "pieces", "trailer", "sep_bytes", "piece_bytes")

    def __init__(self, header: tuple[str, ...], seps: tuple[tuple[str, ...], ...], pieces: tuple[Piece, ...],
                 trailer: tuple[str, ...], sep_bytes: tuple[bytes, ...] | None = None,
                 piece_bytes: tuple[bytes, ...] | None = None):
        # sep_bytes, piece_bytes: the encoded bytes of each separator and entry at that moment
        # (None: not made yet), so that the first save after an undo joins them instead of
        # walking every entry again
        self._init(header=header, seps=seps, pieces=pieces, trailer=trailer, sep_bytes=sep_bytes,
                   piece_bytes=piece_bytes)


class Style(Record):
    """Indentation of the file: root dash and key columns, nested mapping and sequence indents."""

    FIELDS = ("dash_col", "key_col", "mapping", "sequence", "offset")

    def __init__(self, dash_col: int = 0, key_col: int = 2, mapping: int = 2, sequence: int = 4, offset: int = 2):
        self.dash_col = dash_col
        self.key_col = key_col
        self.mapping = mapping
        self.sequence = sequence
        self.offset = offset


class YamlDocument:
    """A content file whose root is a list of mappings (an empty file is an empty list).

    `header`, `seps` (one tuple of blank lines before each entry), `pieces` and `trailer` are read
    by others but changed only by the methods below: each change also updates the bytes kept for
    encoded() (`_sep_bytes`, `_piece_bytes`, one per separator and entry), so that a save after a
    one-field edit encodes that field's entry, not the whole file, and splices it into the bytes
    last written (`_core`) instead of joining every entry again."""

    # an entry replaced changes the offsets of all entries after it: up to this many such shifts
    # are kept as a list and summed, then the offsets are computed again (at C speed)
    MAX_SHIFTS = 64

    def __init__(self, text: str, source: str = "<text>"):
        self.source = source
        self._sep_bytes: list[bytes] | None = None  # made by the first encoded()
        self._piece_bytes: list[bytes] | None = None
        self._encoded: bytes | None = None  # encoded()'s answer until the next change
        # The file's bytes (with "\n" line ends and a final newline: before encoded()'s last
        # touches) as last joined, each entry's offset in them as then, the (entry, delta) shifts
        # of entries replaced since, and the entries replaced since the last encoded() with the
        # length of their bytes in `_core`. Entries inserted, deleted or moved: `_core` is None.
        self._core: bytes | None = None
        self._starts: list[int] | None = None
        self._shifts: list[tuple[int, int]] = []
        self._old_len: dict[int, int] = {}
        self.newline = "\n"
        self.readonly_reason: str | None = None
        self.had_bom = text.startswith("\ufeff")
        if self.had_bom:
            text = text[1:]
        if "\r" in text:
            if text.count("\r\n") == text.count("\n") == text.count("\r"):
                self.newline = "\r\n"
                text = text.replace("\r\n", "\n")
            else:
                self.readonly_reason = "mixed line endings"
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.final_newline = text.endswith("\n")
        was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of new objects and no cycles: see parse_yaml
        try:
            fast = fast_load(text)
        except NotFast:
            fast = None
        finally:
            if was_enabled:
                gc.enable()
        if fast is not None:
            self._cut_fast(text, fast)
        else:
            root = parse_yaml(text, source)
            if root is not None and not isinstance(root, list):
                raise ContentError(f"{source}:1:1: expected a list of entries (lines starting with '- ')")
            self._cut_ruamel(text, root if root is not None else [])
        if self.text() != (("\ufeff" if self.had_bom else "") + text).replace("\n", self.newline):
            # Should not happen; never write a file we could not reassemble exactly.
            self.readonly_reason = "its layout could not be split into entries"

    # ---------------------------------------------------------------- loading

    def _cut_ruamel(self, text: str, root: list) -> None:
        positions = [tuple(root.lc.item(i)) for i in range(len(root))]
        self._cut(text, positions, bool(root and root.fa.flow_style()),
                  lambda i, body, start: Piece(lead=[], body=body, data=root[i], origin=start, source=self.source),
                  lambda: self._detect_nested(root))

    def _cut_fast(self, text: str, fast: FastFile) -> None:
        def piece(i: int, body: list[str], start: int) -> Piece:
            entry = fast.entries[i]
            return Piece(lead=[], body=body, cached_plain=entry.plain, mapping=entry.is_mapping, source=self.source)

        def nested() -> None:
            st = self.style
            if fast.nested_mapping is not None:
                st.mapping = fast.nested_mapping
            else:
                st.mapping = max(st.key_col - st.dash_col, 2)
            if fast.nested_sequence is not None:
                st.sequence, st.offset = fast.nested_sequence

        self._cut(text, [(e.line, e.column) for e in fast.entries], fast.flow, piece, nested)

    def _cut(self, text: str, positions: list[tuple[int, int]], flow: bool, make_piece, detect_nested) -> None:
        """Cut the lines at the entries' dashes; `positions`: each entry node's (line, column)."""
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"  # put back at text() time if the file had no final newline
        self._lines = lines
        self.style = Style()
        if flow and positions:
            self.readonly_reason = "its entries are written as one flow list [...]"
        starts: list[int] = []
        for line, col in positions:
            dash = line
            # The dash is on the item's line (`- key:`) or alone on a line above it.
            while dash >= 0 and not (lines[dash][:col] if dash == line else lines[dash]).lstrip().startswith("-"):
                dash -= 1
            starts.append(max(dash, 0))
        if starts:
            first = lines[starts[0]]
            self.style.dash_col = _indent_of(first)
            self.style.key_col = positions[0][1] if starts[0] == positions[0][0] else self.style.dash_col + 2
            detect_nested()
        ends = starts[1:] + [len(lines)]
        self.header: list[str] = lines[: starts[0]] if starts else lines[:]
        self.seps: list[tuple[str, ...]] = []
        self.pieces: list[Piece] = []
        carry: list[str] = []  # lines after the previous body that belong before this entry
        for i, (start, end) in enumerate(zip(starts, ends)):
            body = lines[start:end]
            tail: list[str] = []
            # Trailing blanks and comments at or left of the dash belong to what follows.
            while len(body) > 1 and (_is_blank(body[-1]) or
                                     (_is_comment(body[-1]) and _indent_of(body[-1]) <= self.style.dash_col)):
                tail.insert(0, body.pop())
            if i == 0:
                sep, lead = self._split_first_gap()
            else:
                sep, lead = self._split_gap(carry)
            self.seps.append(sep)
            piece = make_piece(i, body, start)
            piece.lead = lead
            self.pieces.append(piece)
            carry = tail
        self.trailer: list[str] = carry if starts else []
        del self._lines

    def _split_gap(self, gap: list[str]) -> tuple[tuple[str, ...], list[str]]:
        """Blank lines first stay in place; from the first comment on, lines go with the entry."""
        k = 0
        while k < len(gap) and _is_blank(gap[k]):
            k += 1
        return tuple(gap[:k]), gap[k:]

    def _split_first_gap(self) -> tuple[tuple[str, ...], list[str]]:
        """The header keeps everything but a comment block that sits right on the first entry
        and is itself separated from the header by a blank line."""
        h = self.header
        k = len(h)
        while k > 0 and _is_comment(h[k - 1]) and _indent_of(h[k - 1]) <= self.style.dash_col:
            k -= 1
        if k < len(h) and k > 0 and _is_blank(h[k - 1]):
            lead = h[k:]
            self.header = h[:k]
            return (), lead
        return (), []

    def _detect_nested(self, root: list) -> None:
        """Find the nested mapping/sequence indentation from the first example in the file."""
        st = self.style
        found_map = found_seq = False
        for item in root:
            if not isinstance(item, dict):
                continue
            for key, value in item.items():
                kcol = item.lc.key(key)[1]
                if not found_map and isinstance(value, dict) and len(value) and not value.fa.flow_style():
                    st.mapping = value.lc.key(next(iter(value)))[1] - kcol
                    found_map = st.mapping > 0
                if not found_seq and isinstance(value, list) and len(value) and not value.fa.flow_style():
                    line, col = value.lc.item(0)
                    text = self._line_at(line)
                    dash = text.rfind("-", 0, col)
                    if dash >= 0:
                        st.offset = max(dash - kcol, 0)
                        st.sequence = max(col - kcol, st.offset + 2)
                        found_seq = True
                if found_map and found_seq:
                    return
        if not found_map:
            st.mapping = max(st.key_col - st.dash_col, 2)

    def _line_at(self, index: int) -> str:
        return self._lines[index]  # only while cutting

    # ---------------------------------------------------------------- reading

    @property
    def entries(self) -> list[Any]:
        return [p.data for p in self.pieces]

    def __len__(self) -> int:
        return len(self.pieces)

    def is_mapping(self, index: int) -> bool:
        """Whether entry `index` is a mapping of fields (without parsing its node)."""
        return bool(self.pieces[index].mapping)

    def text(self) -> str:
        out: list[str] = ["".join(self.header)]
        for sep, piece in zip(self.seps, self.pieces):
            if sep:
                out.append("".join(sep))
            out.append(piece.text())
        out.append("".join(self.trailer))
        text = "".join(out)
        if not self.final_newline and text.endswith("\n"):
            text = text[:-1]
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ("\ufeff" if self.had_bom else "") + text

    def encoded(self) -> bytes:
        """text() as the UTF-8 bytes a save writes, joined from each entry's kept bytes.

        The answer is kept until the next change, and each separator's and entry's bytes are kept
        across changes (an edit replaces its entry's): after the first call, the work left grows
        with the file only at C speed (one join, a copy of the bytes), not one Python step per
        entry. With 20,000 entries the per-entry walk took longer than writing the file."""
        if self._encoded is not None:
            return self._encoded
        if self._piece_bytes is None or self._sep_bytes is None:
            self._piece_bytes = [p.encoded() for p in self.pieces]
            self._sep_bytes = self._encode_seps(self.seps)
        if self._core is not None and self._starts is not None and len(self._old_len) <= self.MAX_SHIFTS:
            if self._old_len:
                self._core = self._splice(self._core)
        else:
            parts = self._parts()
            self._core = b"".join(parts)
            self._starts = self._offsets(parts)
            self._shifts = []
        self._old_len.clear()
        if len(self._shifts) > self.MAX_SHIFTS:
            self._starts = self._offsets(self._parts())
            self._shifts = []
        data = self._core
        if not self.final_newline and data.endswith(b"\n"):
            data = data[:-1]
        if self.newline != "\n":
            data = data.replace(b"\n", self.newline.encode("ascii"))
        if self.had_bom:
            data = b"\xef\xbb\xbf" + data
        self._encoded = data
        return data

    def _parts(self) -> list[bytes]:
        """The file's bytes in order: header, then each separator and entry, then trailer."""
        assert self._piece_bytes is not None and self._sep_bytes is not None
        n = len(self._piece_bytes)
        parts: list[bytes] = [b""] * (2 * n + 2)
        parts[0] = "".join(self.header).encode("utf-8")
        parts[1:2 * n:2] = self._sep_bytes
        parts[2:2 * n + 1:2] = self._piece_bytes
        parts[-1] = "".join(self.trailer).encode("utf-8")
        return parts

    @staticmethod
    def _offsets(parts: list[bytes]) -> list[int]:
        """Where each entry starts in the joined `parts` (after its separator)."""
        ends = list(accumulate(map(len, parts)))
        return ends[1:len(parts) - 1:2]

    def _offset(self, index: int) -> int:
        """Where entry `index` starts in `_core`."""
        assert self._starts is not None
        return self._starts[index] + sum(delta for at, delta in self._shifts if at < index)

    def _splice(self, core: bytes) -> bytes:
        """`core` with the entries replaced since it was made put in: one copy of the bytes."""
        assert self._piece_bytes is not None
        view = memoryview(core)
        out: list[Any] = []
        pos = 0
        replaced = sorted(self._old_len.items())
        for index, old_len in replaced:
            start = self._offset(index)
            out += (view[pos:start], self._piece_bytes[index])
            pos = start + old_len
        out.append(view[pos:])
        data = b"".join(out)
        for index, old_len in replaced:  # offsets above were in `core`: shift them afterwards
            delta = len(self._piece_bytes[index]) - old_len
            if delta:
                self._shifts.append((index, delta))
        return data

    @staticmethod
    def _encode_seps(seps: Iterable[tuple[str, ...]]) -> list[bytes]:
        blank: dict[tuple[str, ...], bytes] = {}  # separators are a few kinds of blank lines
        out = []
        for sep in seps:
            b = blank.get(sep)
            if b is None:
                b = blank[sep] = "".join(sep).encode("utf-8")
            out.append(b)
        return out

    def _replaced(self, index: int, piece: Piece) -> None:
        """Entry `index` got new lines: the next encoded() splices its bytes in."""
        if self._piece_bytes is None:
            return self._forget_bytes()
        if self._core is not None and index not in self._old_len:
            self._old_len[index] = len(self._piece_bytes[index])
        self._piece_bytes[index] = piece.encoded()
        self._encoded = None

    def _restructured(self) -> None:
        """Entries or separators were inserted, deleted or moved (the kept bytes of each follow):
        the next encoded() joins them all again."""
        self._encoded = self._core = self._starts = None
        self._shifts = []
        self._old_len = {}

    def _forget_bytes(self) -> None:
        """The entries changed in a way not followed piece by piece: the next encoded() walks them."""
        self._restructured()
        self._piece_bytes = self._sep_bytes = None

    def space_entries(self, sep: Iterable[str]) -> None:
        """Put `sep` (e.g. one blank line) between every two entries; the first keeps its own."""
        sep = tuple(sep)
        self.seps[1:] = [sep] * (len(self.seps) - 1)
        if self._sep_bytes is not None:
            self._sep_bytes[1:] = [self._encode_seps([sep])[0]] * (len(self._sep_bytes) - 1)
        self._restructured()

    def entry_line(self, index: int) -> int:
        """1-based line number of entry `index`'s first line in the current text."""
        n = len(self.header)
        for i, (sep, piece) in enumerate(zip(self.seps, self.pieces)):
            n += len(sep) + len(piece.lead)
            if i == index:
                return n + 1
            n += len(piece.body)
        return n + 1

    def entry_lines(self) -> list[int]:
        """entry_line of every entry, in one walk (entry_line walks from the top each time: a
        check that asked it for each of 20,000 entries walked 200 million entries)."""
        out: list[int] = []
        n = len(self.header)
        for sep, piece in zip(self.seps, self.pieces):
            n += len(sep) + len(piece.lead)
            out.append(n + 1)
            n += len(piece.body)
        return out

    def field_line(self, index: int, key: str, entry_line: int | None = None) -> int:
        """1-based line of `key` in entry `index` (the entry's line when the key is absent);
        `entry_line`: the entry's own line, when the caller knows it (entry_lines)."""
        data = self.pieces[index].data
        base = self.entry_line(index) if entry_line is None else entry_line
        if isinstance(data, dict) and key in data:
            try:
                return base + data.lc.key(key)[0] - self._body_origin(index)
            except (TypeError, KeyError):
                pass
        return base

    def _body_origin(self, index: int) -> int:
        return self.pieces[index].origin

    def source_text(self, index: int, key: str) -> str | None:
        """The text a plain scalar was written as (2024.10, not the float 2024.1)."""
        data = self.pieces[index].data
        if not isinstance(data, dict) or key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            return str(value)
        if isinstance(value, (dict, list)):
            return None
        try:
            line, col = data.lc.value(key)
        except (TypeError, KeyError):
            return None
        body_line = line - self._body_origin(index)
        body = self.pieces[index].body
        if not 0 <= body_line < len(body):
            return None
        token = body[body_line][col:].rstrip("\n")
        token = re.split(r"\s+#", token, maxsplit=1)[0].strip()
        return token

    def plain(self, index: int) -> dict[str, Any]:
        """Entry `index` as plain Python data, text fields as written (dates never floats).

        Each call returns a new copy (callers may change it); the conversion from ruamel's
        containers is made once per entry body, which rendering 2,000 entries needs."""
        piece = self.pieces[index]
        if piece.cached_plain is None:
            piece.cached_plain = self._plain(index)
        return _copy_plain(piece.cached_plain)

    def plain_view(self, index: int) -> dict[str, Any]:
        """Entry `index`'s plain data itself, not a copy: for readers that change nothing
        (rendering the page reads every entry; copying them all was a quarter of its time)."""
        piece = self.pieces[index]
        if piece.cached_plain is None:
            piece.cached_plain = self._plain(index)
        return piece.cached_plain

    def _plain(self, index: int) -> dict[str, Any]:
        data = self.pieces[index].data
        if not isinstance(data, Mapping):
            return {"raw": "" if data is None else str(data)}
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key in TEXT_FIELDS and value is not None and not isinstance(value, str):
                out[key] = self.source_text(index, key) or str(value)
            else:
                out[key] = to_plain(value)
        return out

    # ---------------------------------------------------------------- editing

    def _check_editable(self) -> None:
        if self.readonly_reason:
            raise ContentError(
                f"{self.source}: not edited, because {self.readonly_reason}; "
                "fix that in a text editor and reload (the file was left as it is)")

    def _yaml(self) -> Any:
        st = self.style
        return _new_yaml(st.mapping, st.sequence, st.offset)

    def set_fields(self, index: int, updates: Mapping[str, Any], order: Iterable[str] = ()) -> bool:
        """Change entry `index`'s fields; only the lines of changed fields are rewritten.

        A key the entry does not have goes after the nearest key before it in `order` (the entry's
        key order when the user opened it, so that a field cleared and typed again comes back to
        its place), else at the end. Returns False when nothing changed (so the file need not be
        written)."""
        self._check_editable()
        piece = self.pieces[index]
        data = piece.data
        if not isinstance(data, dict):
            raise ContentError(f"{self.source}:{self.entry_line(index)}: this entry is not a mapping of fields")
        current = self.plain(index)
        changes = {k: v for k, v in updates.items()
                   if (v is DELETE and k in data) or (v is not DELETE and current.get(k, DELETE) != v)}
        if not changes:
            return False
        if len(changes) == 1 and self._replace_scalar_line(index, *next(iter(changes.items()))):
            return True
        body = list(piece.body)
        origin = self._body_origin(index)
        key_col = data.lc.key(next(iter(data)))[1]
        spans = self._field_spans(data, body, origin)
        new_keys = [k for k in changes if k not in data and changes[k] is not DELETE]
        last_end = max(end for _, end in spans.values())
        # (line, order at that line, key): applied from the bottom up so that every span still
        # holds when it is used; at one line the existing field is rewritten before a new key is
        # inserted above it.
        edits = [(spans[k][0], 1, k) for k in changes if k in data]
        edits += [(self._new_key_line(k, list(order), data, spans, last_end), 0, k) for k in new_keys]
        for at, _, key in sorted(edits, key=lambda e: (-e[0], -e[1], -new_keys.index(e[2]) if e[1] == 0 else 0)):
            if key in new_keys:
                body[at:at] = self._dump_field(key, changes[key], None, key_col)
                continue
            start, end = spans[key]
            if changes[key] is DELETE:
                if start == 0:
                    raise ContentError(f"{self.source}: cannot remove {key!r}, the first field of its entry")
                del body[start:end]
                continue
            prefix = body[start][:key_col]
            eol = self._eol_comment(data, key)
            new = self._dump_field(key, changes[key], data[key], key_col, eol)
            new[0] = prefix + new[0][key_col:]
            body[start:end] = new
        self._replace_body(index, body)
        return True

    @staticmethod
    def _new_key_line(key: str, order: list[str], data: Any,
                      spans: dict[str, tuple[int, int]], last_end: int) -> int:
        """The body line a new key is inserted at: after the nearest earlier key of `order`."""
        if key not in order:
            return last_end
        for before in reversed(order[: order.index(key)]):
            if before in data:
                return spans[before][1]
        return last_end

    def _field_spans(self, data: Any, body: list[str], origin: int) -> dict[str, tuple[int, int]]:
        keys = list(data)
        starts = [data.lc.key(k)[0] - origin for k in keys]
        spans = {}
        for i, key in enumerate(keys):
            start = starts[i]
            end = starts[i + 1] if i + 1 < len(keys) else len(body)
            kcol = data.lc.key(key)[1]
            while end - 1 > start and (_is_blank(body[end - 1]) or
                                       (_is_comment(body[end - 1]) and _indent_of(body[end - 1]) <= kcol)):
                end -= 1
            spans[key] = (start, end)
        return spans

    def _eol_comment(self, data: Any, key: str) -> str | None:
        value = data.get(key)
        if isinstance(value, (dict, list)):
            return None
        token = (data.ca.items.get(key) or [None, None, None])[2]
        if token is None or not token.value.lstrip(" ").startswith("#"):
            return None
        return token.value.split("\n", 1)[0].strip()

    def _dump_field(self, key: str, value: Any, old: Any, key_col: int, eol: str | None = None) -> list[str]:
        return self._dumped_field(key, value, old, key_col, eol)[0]

    def _dumped_field(self, key: str, value: Any, old: Any, key_col: int,
                      eol: str | None = None) -> tuple[list[str], Any]:
        """The field's lines (indented to `key_col`, with the end-of-line comment `eol`), and the
        mapping they read back as on their own (its value and positions within the lines)."""
        from ruamel.yaml.comments import CommentedMap

        node = styled_value(key, value, old)
        for attempt in (node, _fallback(value)):
            text = self._dump(CommentedMap([(key, attempt)]))
            try:
                back = parse_yaml(text)
            except ContentError:
                continue
            if to_plain(back.get(key)) == to_plain(value) and _types_match(back.get(key), value):
                lines = [(" " * key_col + ln) if ln.strip() else ln for ln in text.splitlines(keepends=True)]
                if eol and len(lines) == 1:
                    lines[0] = lines[0].rstrip("\n") + "  " + eol + "\n"
                return lines, back
        raise ContentError(f"{self.source}: the value of {key!r} could not be written so that it reads back the same")

    def _replace_scalar_line(self, index: int, key: str, value: Any) -> bool:
        """A field written on one line set to a value written on one line (a keystroke in a
        title): the line is replaced, and the entry's new node is the old one's fields with the
        value read back from that line alone, every position kept (no other line moved), so
        the entry is not parsed again (most of an edit's time: 2-3 ms for a publication, at
        every key). False, with nothing changed, when the edit is not of that kind; set_fields
        then rewrites and re-parses the entry. tests/test_store_scalar_line.py checks the node
        against a parse of the new lines."""
        from ruamel.yaml.comments import CommentedMap, LineCol, merge_attrib

        piece = self.pieces[index]
        data = piece.data
        if key not in data or value is DELETE:
            return False
        old = data[key]
        if (not isinstance(data, CommentedMap) or isinstance(old, (dict, list)) or isinstance(value, (dict, list))
                or getattr(data, merge_attrib, None) or data.lc.data is None):
            return False
        body = piece.body
        origin = piece.origin
        start, end = self._field_spans(data, body, origin)[key]
        if end - start != 1:
            return False
        key_col = data.lc.key(next(iter(data)))[1]
        lines, back = self._dumped_field(key, value, old, key_col, self._eol_comment(data, key))
        if len(lines) != 1 or back.lc.data is None or back.lc.value(key)[0] != 0:
            return False
        line = body[start][:key_col] + lines[0][key_col:]
        node = CommentedMap()
        for k, v in data._items():
            node[k] = back[key] if k == key else v  # (into an empty map: no style carried over)
        data.copy_attributes(node)  # comments and flow style shared: neither changes here
        positions = LineCol()  # a copy, not the old node's: undo snapshots hold that one
        positions.line, positions.col = data.lc.line, data.lc.col
        positions.data = dict(data.lc.data)
        kline, kcol, vline, _ = positions.data[key]
        positions.data[key] = [kline, kcol, vline, key_col + back.lc.value(key)[1]]
        setattr(node, LineCol.attrib, positions)
        # A new Piece, never a changed one (undo snapshots hold the old one).
        new_piece = Piece(lead=piece.lead, body=body[:start] + [line] + body[end:], data=node,
                          origin=origin, source=self.source)
        self.pieces[index] = new_piece
        self._replaced(index, new_piece)
        return True

    def _dump(self, data: Any) -> str:
        buf = io.StringIO()
        self._yaml().dump(data, buf)
        text = buf.getvalue()
        # A last scalar that keeps its trailing newlines (|+) makes ruamel end the document with
        # `...`: meaningless inside an entry (and invalid once indented), so it goes.
        if text.endswith("\n...\n"):
            text = text[:-4]
        return text

    def _replace_body(self, index: int, body: list[str]) -> None:
        text = "".join(body)
        parsed = parse_yaml(text, self.source)
        if not isinstance(parsed, list) or len(parsed) != 1:
            raise ContentError(f"{self.source}: an edit did not produce exactly one entry; nothing was written")
        # A new Piece, never a changed one: undo snapshots hold the old Piece objects.
        # Positions in the new data refer to the body alone (origin 0).
        piece = Piece(lead=self.pieces[index].lead, body=body, data=parsed[0], origin=0, source=self.source)
        self.pieces[index] = piece
        self._replaced(index, piece)

    def entry_body(self, fields: Mapping[str, Any], like: Any = None) -> list[str]:
        """The lines of a new entry, keys in `like`'s order (a sibling) where it has them."""
        order = list(like.keys()) if isinstance(like, Mapping) else []
        keys = [k for k in order if k in fields and fields[k] is not DELETE]
        keys += [k for k in fields if k not in order and fields[k] is not DELETE]
        wanted = {k: fields[k] for k in keys}
        st = self.style
        dash = " " * st.dash_col + "-" + " " * (st.key_col - st.dash_col - 1)
        fast = self._text_entry_body(keys, wanted, dash)
        if fast is not None:
            return fast
        from ruamel.yaml.comments import CommentedMap

        # The user's styles first; every string double-quoted if that does not read back the same.
        for styled in (lambda k: styled_value(k, fields[k], None), lambda k: _fallback(fields[k])):
            lines = self._dump(CommentedMap((k, styled(k)) for k in keys)).splitlines(keepends=True)
            out = [dash + lines[0]] + [(" " * st.key_col + ln) if ln.strip() else ln for ln in lines[1:]]
            try:
                parsed = parse_yaml("".join(out), self.source)
            except ContentError:
                continue
            if to_plain(parsed[0]) == to_plain(wanted) and _types_match(parsed[0], wanted):
                return out
        raise ContentError(f"{self.source}: the new entry could not be written so that it reads back the same")

    def _text_entry_body(self, keys: list[str], wanted: dict[str, Any], dash: str) -> list[str] | None:
        """A new entry of one-line text fields (a news item from `add-news`) written by libyaml's
        emitter, so that adding one does not load ruamel.yaml; None when a field is anything
        else or the lines do not read back exactly (then ruamel writes it, as for any edit)."""
        if not keys or not all(isinstance(v, str) and "\n" not in v and "\r" not in v for v in wanted.values()):
            return None
        from .libyaml import yaml

        tag = "tag:yaml.org,2002:str"
        node = yaml.MappingNode("tag:yaml.org,2002:map", [
            (yaml.ScalarNode(tag, k), yaml.ScalarNode(tag, wanted[k], style="'" if k in ALWAYS_QUOTED else None))
            for k in keys], flow_style=False)
        try:
            text = yaml.serialize(node, Dumper=yaml.SafeDumper, allow_unicode=True, width=1_000_000)
        except yaml.YAMLError:
            return None
        lines = text.splitlines(keepends=True)
        if len(lines) != len(keys):
            return None
        out = [dash + lines[0]] + [" " * self.style.key_col + ln for ln in lines[1:]]
        if text_entry("".join(out)) != wanted:
            return None
        return out

    def _typical_sep(self) -> tuple[str, ...]:
        """The separator most entries have (the first entry's is the header's business)."""
        if len(self.seps) < 2:
            return ()
        return Counter(self.seps[1:]).most_common(1)[0][0]

    def insert(self, index: int, fields: Mapping[str, Any]) -> None:
        """Insert a new entry at `index` (0 = top); the header comment stays on top."""
        self._check_editable()
        near = min(index, len(self.pieces) - 1)
        # a sibling's key order (its plain copy: no need to parse its node for that)
        like = self.plain(near) if self.pieces and self.is_mapping(near) else None
        body = self.entry_body(fields, like)
        plain = text_entry("".join(body))
        if plain is not None:  # its node is parsed when it is first edited, as for a loaded entry
            piece = Piece(lead=[], body=body, cached_plain=plain, mapping=True, source=self.source)
        else:
            parsed = parse_yaml("".join(body), self.source)
            piece = Piece(lead=[], body=body, data=parsed[0], source=self.source)
        sep = self._typical_sep()
        if not self.pieces and self.header and not _is_blank(self.header[-1]):
            sep = ()
        at = 1 if index == 0 and self.pieces else index
        self.seps.insert(at, sep)
        self.pieces.insert(index, piece)
        if self._piece_bytes is not None and self._sep_bytes is not None:
            self._sep_bytes.insert(at, self._encode_seps([sep])[0])
            self._piece_bytes.insert(index, piece.encoded())
        self._restructured()

    def replace_entry(self, index: int, fields: Mapping[str, Any]) -> None:
        """Write entry `index` anew as exactly `fields` (e.g. a raw entry made typed: its first key
        goes, which set_fields cannot do); its leading comments and separators stay."""
        self._check_editable()
        like = self.plain(index) if self.is_mapping(index) else None
        self._replace_body(index, self.entry_body(fields, like))

    def delete(self, index: int) -> None:
        """Remove entry `index` with its own leading comments; every other comment stays."""
        self._check_editable()
        at = 1 if index == 0 and len(self.seps) > 1 else index
        del self.pieces[index]
        del self.seps[at]
        if self._piece_bytes is not None and self._sep_bytes is not None:
            del self._piece_bytes[index]
            del self._sep_bytes[at]
        self._restructured()

    def move(self, index: int, to: int) -> None:
        """Move entry `index` to position `to`; comments travel with their entries."""
        self._check_editable()
        piece = self.pieces.pop(index)
        self.pieces.insert(to, piece)
        if self._piece_bytes is not None:
            self._piece_bytes.insert(to, self._piece_bytes.pop(index))
        self._restructured()

    # ---------------------------------------------------------------- undo

    def snapshot(self) -> "DocState":
        """The document's state as it is now, for `restore`; cheap (it copies references only, at
        C speed), because pieces and separators are never changed in place: an edit puts a new
        Piece (or separator tuple) in the list."""
        return DocState(tuple(self.header), tuple(self.seps), tuple(self.pieces), tuple(self.trailer),
                        None if self._sep_bytes is None else tuple(self._sep_bytes),
                        None if self._piece_bytes is None else tuple(self._piece_bytes))

    def restore(self, state: "DocState") -> None:
        """Put back a state taken by `snapshot` (undo/redo): no parsing, no dumping."""
        self.header = list(state.header)
        self.seps = list(state.seps)
        self.pieces = list(state.pieces)
        self.trailer = list(state.trailer)
        if state.sep_bytes is None or state.piece_bytes is None:
            self._forget_bytes()
        else:
            self._sep_bytes = list(state.sep_bytes)
            self._piece_bytes = list(state.piece_bytes)
            self._restructured()

    def reorder(self, order: Iterable[int]) -> None:
        """Put the entries in `order` (a permutation of their indexes); separators stay put."""
        self._check_editable()
        order = list(order)
        if sorted(order) != list(range(len(self.pieces))):
            raise ValueError("reorder needs a permutation of the entry indexes")
        self.pieces = [self.pieces[i] for i in order]
        if self._piece_bytes is not None:
            self._piece_bytes = [self._piece_bytes[i] for i in order]
        self._restructured()


