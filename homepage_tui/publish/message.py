"""The generated commit message: what changed in the content, in the user's own words.

`news: add 2026.11 entry; publications: edit "FedImpro: Measuring…"` is read from the entries of
each content YAML file at HEAD and in the working tree. A file that does not parse, or one that is
not a content file, is named by its path instead.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import PurePosixPath
from typing import Any

from git import Repo
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

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


def describe_changes(repo: Repo, changes: list[tuple[str, str]]) -> str:
    """Commit message for the given (status, path) changes of managed files."""
    content_parts: list[str] = []
    other_parts: list[str] = []
    for _code, path in changes:
        if _is_content(path):
            old = _head_text(repo, path)
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


def summarise_content(path: str, old_text: str | None, new_text: str | None) -> str:
    """`section: add X, edit Y` for one content file, falling back to `section: edit FILE`."""
    section = PurePosixPath(path).stem
    if new_text is None:
        return f"{section}: remove section"
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
    old_keys = [_canonical(e) for e in old]
    new_keys = [_canonical(e) for e in new]
    if old_keys != new_keys and sorted(old_keys) == sorted(new_keys):
        return ["reorder entries"]
    added: list[str] = []
    edited: list[str] = []
    deleted: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        edited += [entry_label(new[j1 + k]) for k in range(paired)]
        deleted += [entry_label(e) for e in old[i1 + paired : i2]]
        added += [entry_label(e) for e in new[j1 + paired : j2]]
    if len(added) + len(edited) + len(deleted) > LIST_LIMIT:
        counted = [
            f"{verb} {_count(len(items), 'entry')}"
            for verb, items in (("add", added), ("edit", edited), ("delete", deleted))
            if items
        ]
        return counted
    return (
        [f"add {label}" for label in added]
        + [f"edit {label}" for label in edited]
        + [f"delete {label}" for label in deleted]
    )


def entry_label(entry: Any) -> str:
    """How a person would name an entry: its date for news, else its title or text, shortened."""
    if isinstance(entry, dict):
        if entry.get("date"):
            return f"{entry['date']} entry"
        for key in ("title", "text", "name", "raw"):
            value = entry.get(key)
            if value:
                return f'"{_shorten(_plain(str(value)))}"'
        return "entry"
    if isinstance(entry, str) and entry.strip():
        return f'"{_shorten(_plain(entry))}"'
    return "entry"


def _plain(text: str) -> str:
    """Markdown and HTML reduced to the words a reader sees."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](url) -> words
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{:[^}]*\}", "", text)  # kramdown attributes
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _shorten(text: str, width: int = LABEL_WIDTH) -> str:
    if len(text) <= width:
        return text
    # Cut at the last space that keeps at least half the width; a word that ends exactly at the
    # width is whole, so the character after the cut counts too.
    space = text.rfind(" ", width // 2, width + 1)
    cut = text[:space] if space > 0 else text[:width]
    return cut.rstrip(" ,;:.") + "…"


def _fit(parts: list[str]) -> str:
    """One subject line when it fits; otherwise a shortened subject and every part in the body."""
    subject = "; ".join(parts)
    if len(subject) <= SUBJECT_WIDTH:
        return subject
    short = subject[: SUBJECT_WIDTH - 1]
    if "; " in short:
        short = short[: short.rindex("; ")]
    body = "\n".join(f"- {part}" for part in parts)
    return f"{short.rstrip()}…\n\n{body}"


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _canonical(entry: Any) -> str:
    return json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False)


def _is_content(path: str) -> bool:
    p = PurePosixPath(path)
    return p.parent.name == "content" and p.suffix in (".yml", ".yaml")


def _head_text(repo: Repo, path: str) -> str | None:
    if not repo.head.is_valid():
        return None
    try:
        blob = repo.head.commit.tree / path
    except KeyError:
        return None
    return blob.data_stream.read().decode("utf-8", "replace")


def _work_text(repo: Repo, path: str) -> str | None:
    full = PurePosixPath(repo.working_tree_dir or ".") / path
    try:
        with open(full, encoding="utf-8", errors="replace", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
