"""The generated commit message: what changed in the content, in the user's own words.

`news: add 2026.11 entry; publications: edit "FedImpro: Measuring…"` is read from the entries of
each content YAML file at HEAD and in the working tree. A file that does not parse, or one that is
not a content file, is named by its path instead.
"""

from __future__ import annotations

import difflib
from collections import Counter
import json
import re
import subprocess
from pathlib import PurePosixPath
from typing import Any, Callable, Mapping

from git import Repo
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from homepage_tui.errors import HomepageError
from homepage_tui.labels import plain_text as _plain
from homepage_tui.labels import shorten
from homepage_tui.publish.gitrun import resolve
from homepage_tui.publish.headblobs import HeadFiles, head_blobs
from homepage_tui.store import YamlDocument

SUBJECT_WIDTH = 72  # git's convention for the first line
LABEL_WIDTH = 28
LIST_LIMIT = 3  # more operations than this in one file are counted, not listed


class _TextScalarsConstructor(SafeConstructor):
    """Floats and timestamps kept as written: `2024.10` is October, not the float 2024.1."""


def _as_text(constructor: SafeConstructor, node: Any) -> str:
    return str(constructor.construct_scalar(node))


_TextScalarsConstructor.add_constructor("tag:yaml.org,2002:float", _as_text)
_TextScalarsConstructor.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def _load(text: str) -> Any:
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _TextScalarsConstructor
    return yaml.load(text)


def describe_changes(
    repo: Repo, changes: list[tuple[str, str]], heads: "HeadTexts | None" = None,
    drafted: Mapping[str, str] | None = None,
) -> str:
    """Commit message for the given (status, path) changes of managed files; `heads` holds their
    HEAD versions when the caller started reading them early, `drafted` the summaries
    draft_summaries made before git status answered."""
    if heads is None:
        heads = HeadTexts(repo, [path for _, path in changes])
    content_parts: list[str] = []
    other_parts: list[str] = []
    for _code, path in changes:
        if _is_content(path):
            if drafted and path in drafted:
                content_parts.append(drafted[path])
                continue
            old = heads.get(path)
            content_parts.append(summarise_content(path, old, _work_text(repo, path)))
        else:
            other_parts.append(f"update {path}")
    # The page and its includes are regenerated from the content: naming them adds nothing when
    # the content change is already in the message.
    if content_parts:
        other_parts = [part for part in other_parts if part.endswith("_config.yml")]
    parts = content_parts + other_parts
    if not parts:
        return "Update site content"
    return _fit(parts)


def draft_summaries(repo: Repo, heads: "HeadTexts", paths: list[str]) -> dict[str, str]:
    """summarise_content for each content file among `paths` whose working text differs from
    its HEAD text: what describe_changes will say of it, made while `git status` still runs
    (a file status lists and this skips, e.g. one changed only in the index, is summarised then)."""
    drafted: dict[str, str] = {}
    for path in paths:
        if not _is_content(path):
            continue
        data = _work_bytes(repo, path)
        if data is not None and heads.unchanged(path, data):
            continue  # git's own blob id says so: neither read nor compared
        new = None if data is None else data.decode("utf-8", "replace")
        old = heads.get(path)
        if old != new:
            drafted[path] = summarise_content(path, old, new)
    return drafted


def summarise_content(path: str, old_text: str | None, new_text: str | None) -> str:
    """`section: add X, edit Y` for one content file, falling back to `section: edit FILE`."""
    section = PurePosixPath(path).stem
    if new_text is None:
        return f"{section}: remove section"
    if old_text is not None:
        ops = _operations_by_entry_text(old_text, new_text)
        if ops is not None:
            return f"{section}: {', '.join(ops)}" if ops else f"{section}: edit comments or layout"
    try:
        new = _load(new_text)
        old = _load(old_text) if old_text is not None else None
    except Exception:  # any YAML error: the file name still says what was touched
        return f"{section}: edit {path}"
    if old_text is None:
        count = len(new) if isinstance(new, list) else 0
        return f"{section}: add section" + (f" ({_count(count, 'entry')})" if count else "")
    if isinstance(old, list) and isinstance(new, list):
        ops = _entry_operations(old, new)
    elif isinstance(old, dict) and isinstance(new, dict):
        keys = [k for k in {**old, **new} if old.get(k) != new.get(k)]
        ops = [f"edit {', '.join(str(k) for k in keys)}"] if keys else []
    else:
        ops = [f"edit {path}"]
    if not ops:
        return f"{section}: edit comments or layout"
    return f"{section}: {', '.join(ops)}"


def _entry_operations(old: list[Any], new: list[Any]) -> list[str]:
    return _diff_operations(
        [_canonical(e) for e in old], [_canonical(e) for e in new], lambda side, i: (old, new)[side][i]
    )


def _operations_by_entry_text(old_text: str, new_text: str) -> list[str] | None:
    """The operations found by comparing the entries as the store reads them (comments and layout
    are not edits). None when a file is not a list of entries: the caller parses it whole."""
    old_read, new_read = _entries_of(old_text), _entries_of(new_text)
    if old_read is None or new_read is None:
        return None
    (old, old_keys), (new, new_keys) = old_read, new_read
    return _diff_operations(old_keys, new_keys, lambda side, i: (old, new)[side][i])


_Read = tuple[list[Any], list[str]]
_READ: dict[str, "_Read | None"] = {}  # the last few texts read: see _entries_of
_READ_KEEP, _READ_MAX_CHARS = 2, 256 * 1024


def _entries_of(text: str) -> "_Read | None":
    """A content file's entries as plain data and their canonical keys; None when it is not a
    list of entries. The last two (small) texts are kept: what one publish commits is what the
    next one finds at HEAD, so a publish reads each changed file once, not twice."""
    kept = _READ.get(text, _READ)  # (_READ itself: not kept)
    if kept is not _READ:
        return kept  # type: ignore[return-value]
    try:
        doc = YamlDocument(text, source="content")
    except HomepageError:
        read = None
    else:
        entries = [doc.plain_view(i) for i in range(len(doc))]  # read only, never changed here
        read = (entries, [_canonical(e) for e in entries])
    if len(text) <= _READ_MAX_CHARS:
        while len(_READ) >= _READ_KEEP:
            try:
                _READ.pop(next(iter(_READ)), None)
            except (StopIteration, RuntimeError):  # another thread changed it meanwhile
                break
        _READ[text] = read
    return read


def _diff_operations(
    old_keys: list[str], new_keys: list[str], entry: "Callable[[int, int], Any]"
) -> list[str]:
    """add/edit/delete/move operations between two lists of entry keys; `entry(side, i)` gives the
    entry to name (side 0: old, 1: new), and is only called for entries that changed or moved.

    An entry whose text is on both sides is never an add or a delete: if it is out of the longest
    run of entries that kept their order, it moved (a sort moves entries, it does not rewrite them)."""
    if old_keys != new_keys and sorted(old_keys) == sorted(new_keys):
        return ["reorder entries"]
    on_both = Counter(old_keys) & Counter(new_keys)
    old_both, new_both = _taken(old_keys, on_both), _taken(new_keys, on_both)
    # The entries on both sides, in each side's order: those outside the longest common run moved.
    old_seq = [old_keys[i] for i in old_both]
    new_seq = [new_keys[j] for j in new_both]
    kept: set[int] = set()
    for block in difflib.SequenceMatcher(None, old_seq, new_seq, autojunk=False).get_matching_blocks():
        kept.update(range(block.b, block.b + block.size))
    moved = [entry_label(entry(1, new_both[n])) for n in range(len(new_seq)) if n not in kept]
    # The rest were added, deleted or (paired in place) edited.
    old_rest = [i for i in range(len(old_keys)) if i not in set(old_both)]
    new_rest = [j for j in range(len(new_keys)) if j not in set(new_both)]
    added: list[str] = []
    edited: list[str] = []
    deleted: list[str] = []
    matcher = difflib.SequenceMatcher(
        None, [old_keys[i] for i in old_rest], [new_keys[j] for j in new_rest], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        edited += [entry_label(entry(1, new_rest[j1 + k])) for k in range(paired)]
        deleted += [entry_label(entry(0, old_rest[i])) for i in range(i1 + paired, i2)]
        added += [entry_label(entry(1, new_rest[j])) for j in range(j1 + paired, j2)]
    verbs = (("add", added), ("edit", edited), ("delete", deleted), ("move", moved))
    if len(added) + len(edited) + len(deleted) + len(moved) > LIST_LIMIT:
        return [f"{verb} {_count(len(items), 'entry')}" for verb, items in verbs if items]
    return [f"{verb} {label}" for verb, items in verbs for label in items]


def _taken(keys: list[str], budget: "Counter[str]") -> list[int]:
    """Indexes of `keys` that are on both sides: each key as many times as `budget` allows."""
    left = Counter(budget)
    out = []
    for i, key in enumerate(keys):
        if left[key] > 0:
            left[key] -= 1
            out.append(i)
    return out


def entry_label(entry: Any) -> str:
    """How a person would name an entry: its date for news, else its title or text, shortened."""
    if isinstance(entry, dict):
        if entry.get("date"):
            return f"{entry['date']} entry"
        for key in ("title", "text", "name", "raw"):
            value = entry.get(key)
            if value:
                return f'"{shorten(_plain(str(value)), LABEL_WIDTH)}"'
        return "entry"
    if isinstance(entry, str) and entry.strip():
        return f'"{shorten(_plain(entry), LABEL_WIDTH)}"'
    return "entry"


def _fit(parts: list[str]) -> str:
    """One subject line when it fits; otherwise a subject that names the sections (whole words,
    never cut) and every part in the body."""
    subject = "; ".join(parts)
    if len(subject) <= SUBJECT_WIDTH:
        return subject
    names = list(dict.fromkeys(part.split(":", 1)[0] if ":" in part else "site" for part in parts))
    short = "Update " + ", ".join(names)
    if len(short) > SUBJECT_WIDTH:
        short = f"Update {len(names)} sections"
    body = "\n".join(f"- {part}" for part in parts)
    return f"{short}\n\n{body}"


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _canonical(entry: Any) -> str:
    return json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False)


def _is_content(path: str) -> bool:
    p = PurePosixPath(path)
    return p.parent.name == "content" and p.suffix in (".yml", ".yaml")


class HeadTexts:
    """The HEAD version of the content files among `paths`.

    Read in this process from git's object files (publish.headblobs), a file when it is first
    asked for, so a publish runs no more git processes than `git add; git commit; git push`. When
    that cannot read them, one `git cat-file --batch` does, started then and read on first use.
    """

    def __init__(self, repo: Repo, paths: list[str]):
        self._repo = repo
        self._paths = [path for path in paths if _is_content(path)]
        self._texts: dict[str, str | None] = {}
        self._files: Mapping[str, bytes] | None = None
        self._proc = None
        self._read: dict[str, str] | None = None  # what cat-file answered
        head = resolve(repo) if self._paths else None
        if head is None:
            self._files = {}
            return
        self._files = head_blobs(repo, head, self._paths)
        if self._files is None:
            self._start_cat_file()

    def _start_cat_file(self) -> None:
        self._files = None
        self._proc = self._repo.git.cat_file("--batch", istream=subprocess.PIPE, as_process=True)
        stdin = self._proc.proc.stdin
        stdin.write("".join(f"HEAD:{path}\n" for path in self._paths).encode("utf-8"))
        stdin.close()  # a few short lines: cannot fill the pipe and block

    def unchanged(self, path: str, data: bytes) -> bool:
        """Whether `data` is known to be the file's exact bytes at HEAD (False: read and compare)."""
        files = self._files
        return isinstance(files, HeadFiles) and files.unchanged(path, data)

    def get(self, path: str) -> str | None:
        """The file's text at HEAD, or None when HEAD does not have it."""
        if path in self._texts:
            return self._texts[path]
        if self._files is not None:
            try:
                data = self._files.get(path)
            except Exception:  # noqa: BLE001 - gitdb could not read the blob: git does
                self._start_cat_file()
            else:
                text = None if data is None else data.decode("utf-8", "replace")
                self._texts[path] = text
                return text
        if self._read is None:
            self._read = self._collect()
        return self._read.get(path)

    def close(self) -> None:
        """End the read if nobody asked for a text (nothing changed, or a message was given)."""
        if self._read is None and self._proc is not None:
            self._proc.proc.stdout.read()
            self._proc.wait()
            self._read = {}

    def _collect(self) -> dict[str, str]:
        assert self._proc is not None
        out = self._proc.proc.stdout.read()
        self._proc.wait()
        texts: dict[str, str] = {}
        pos = 0
        for path in self._paths:
            end = out.find(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) != 3 or header[1] != b"blob":
                continue  # "HEAD:path missing": a new file
            size = int(header[2])
            texts[path] = out[pos : pos + size].decode("utf-8", "replace")
            pos += size + 1  # the blob is followed by a newline
        return texts


def _work_bytes(repo: Repo, path: str) -> bytes | None:
    full = PurePosixPath(repo.working_tree_dir or ".") / path
    try:
        with open(full, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError):
        return None


def _work_text(repo: Repo, path: str) -> str | None:
    full = PurePosixPath(repo.working_tree_dir or ".") / path
    try:
        with open(full, encoding="utf-8", errors="replace", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
