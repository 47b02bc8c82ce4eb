"""Three-way merge of a content file by entry, not by line. Pure: texts in, text out.

`merge_entries(base, remote, mine, section_type)` starts from the remote's text (kept byte for
byte) and applies what changed on my side since the base, through the store's splicing API:
fields I edited (an entry edited only on one side takes that edit), entries I deleted, entries I
added (placed in date order among the remote's). The same field changed differently on both
sides is a `FieldConflict`, unless `resolutions` says which side wins; an entry I edited that
the remote deleted (or the reverse) is an `EntryConflict`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from homepage_tui import kinds
from homepage_tui.publish.message import entry_label
from homepage_tui.store import DELETE, YamlDocument

MINE = "mine"
THEIRS = "theirs"


@dataclass(frozen=True)
class FieldConflict:
    path: str
    entry: int  # index of the entry in the base version (stable across retries)
    label: str  # how a person names the entry ("2024.06 entry", "FedImpro: …")
    field: str
    mine: Any
    theirs: Any
    base: Any = None

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.path, self.entry, self.field)

    def describe(self) -> str:
        return f"{self.path}: {self.label}, field {self.field!r}, was edited on both sides"


@dataclass(frozen=True)
class EntryConflict:
    path: str
    label: str
    detail: str

    def describe(self) -> str:
        return f"{self.path}: {self.label} {self.detail}"


@dataclass
class MergeResult:
    text: str | None  # None when there are conflicts
    conflicts: list[FieldConflict] = field(default_factory=list)
    entry_conflicts: list[EntryConflict] = field(default_factory=list)


def _key(entry: Any) -> str:
    return json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False)


def label(entry: Mapping[str, Any]) -> str:
    """The name the commit message gives an entry."""
    return entry_label(entry)


@dataclass
class _Side:
    """What one side did to the base's entries: base index -> new fields or None (deleted), and
    the entries it added, each with the base index it follows (-1: at the top)."""

    edited: dict[int, dict[str, Any] | None] = field(default_factory=dict)
    added: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    # base index -> index in this side's list, for entries this side kept (edited or not)
    position: dict[int, int] = field(default_factory=dict)


def _similar(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return sum(1 for k, v in a.items() if k in b and b[k] == v)


def _compare(base: list[dict], side: list[dict]) -> _Side:
    out = _Side()
    matcher = difflib.SequenceMatcher(None, [_key(e) for e in base], [_key(e) for e in side], autojunk=False)
    last_base = -1
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out.position[i1 + k] = j1 + k
            last_base = i2 - 1
            continue
        # Pair the changed entries by shared fields: an edit keeps most of its fields.
        free = list(range(j1, j2))
        for i in range(i1, i2):
            best = max(free, key=lambda j: _similar(base[i], side[j]), default=None)
            if best is not None and _similar(base[i], side[best]) > 0:
                free.remove(best)
                out.edited[i] = side[best]
                out.position[i] = best
            else:
                out.edited[i] = None
        for j in free:
            before = [i for i, p in out.position.items() if p < j]
            out.added.append((max(before, default=last_base if j1 == j else -1), side[j]))
        last_base = i2 - 1
    return out


def merge_entries(base_text: str | None, remote_text: str, mine_text: str, section_type: str,
                  path: str = "content file", resolutions: Mapping[tuple[str, int, str], str] | None = None
                  ) -> MergeResult:
    """Merge my changes (base -> mine) into the remote's version; see the module docstring."""
    resolutions = resolutions or {}
    remote_doc = YamlDocument(remote_text, source=path)
    mine_doc = YamlDocument(mine_text, source=path)
    base_doc = YamlDocument(base_text or "", source=path)
    base = [base_doc.plain(i) for i in range(len(base_doc))]
    remote = [remote_doc.plain(i) for i in range(len(remote_doc))]
    mine = [mine_doc.plain(i) for i in range(len(mine_doc))]
    theirs_side = _compare(base, remote)
    my_side = _compare(base, mine)

    result = MergeResult(None)
    updates: dict[int, dict[str, Any]] = {}  # remote index -> fields to set
    deletions: list[int] = []
    for i, new in my_side.edited.items():
        name = label(base[i])
        if i not in theirs_side.position:
            if new is not None:  # I edited what the remote deleted
                result.entry_conflicts.append(EntryConflict(path, name, "was edited here but deleted on the remote"))
            continue  # deleted on both sides
        at = theirs_side.position[i]
        if new is None:
            if theirs_side.edited.get(i) is not None:
                result.entry_conflicts.append(EntryConflict(path, name, "was deleted here but edited on the remote"))
            else:
                deletions.append(at)
            continue
        theirs = remote[at]
        changes: dict[str, Any] = {}
        for key in dict.fromkeys([*base[i], *new, *theirs]):
            b, m, t = base[i].get(key, DELETE), new.get(key, DELETE), theirs.get(key, DELETE)
            if m == b or m == t:
                continue  # I did not change it, or both made the same change
            if t != b:  # both changed it, differently
                choice = resolutions.get((path, i, key))
                if choice == THEIRS:
                    continue
                if choice != MINE:
                    result.conflicts.append(FieldConflict(path, i, name, key,
                                                          None if m is DELETE else m,
                                                          None if t is DELETE else t,
                                                          None if b is DELETE else b))
                    continue
            changes[key] = m
        if changes:
            updates[at] = changes
    if result.conflicts or result.entry_conflicts:
        return result

    for at, changes in updates.items():
        remote_doc.set_fields(at, changes)
    # Where each remote entry ends up as deletions happen: delete from the bottom up.
    for at in sorted(deletions, reverse=True):
        remote_doc.delete(at)
    kept_remote = [j for j in range(len(remote)) if j not in set(deletions)]
    known = {_key(e) for e in (remote_doc.plain(k) for k in range(len(remote_doc)))}
    dated = kinds.of(section_type).dated
    for after, entry in my_side.added:
        if _key(entry) in known:
            continue  # the same entry was added on both sides: keep one
        at = _place(remote_doc, section_type, entry, after, theirs_side, kept_remote, dated)
        remote_doc.insert(at, entry)
        known.add(_key(entry))
    result.text = remote_doc.text()
    return result


def _place(doc: YamlDocument, section_type: str, entry: dict, after: int, theirs_side: _Side,
           kept_remote: list[int], dated: bool) -> int:
    """Where a new entry of mine goes in the merged list: by date (newest first) in dated
    sections, else right after the entry it followed on my side."""
    if dated:
        sort_key = kinds.of(section_type).sort_key
        mine_key = sort_key(entry)
        for k in range(len(doc)):
            other = doc.plain(k)
            if "raw" in other:
                continue
            if sort_key(other) < mine_key:
                return k
        return len(doc)
    if after < 0:
        return 0
    remote_at = theirs_side.position.get(after)
    if remote_at is None or remote_at not in kept_remote:
        return len(doc)
    return kept_remote.index(remote_at) + 1
