"""The history of one entry: the commits that changed it, each with the diff of that entry.

Every commit that touched the entry's file is read (one `git cat-file --batch` for all of them)
and the entry is found again in each version, newest first, by what it is (its date and text,
its title, or most fields in common) rather than by its line: an entry that moved within the
file, by a sort or a new entry above it, is still followed. A version whose entry text differs
from the one before it is a change; the oldest is where the entry was added.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from dataclasses import dataclass
from typing import Any, Mapping

from homepage_tui import kinds
from homepage_tui.errors import HomepageError
from homepage_tui.publish.gitrun import open_repo, repo_relative
from homepage_tui.store import YamlDocument

LOG_LIMIT = 500  # commits of one file read at most: a homepage has far fewer


@dataclass(frozen=True)
class EntryVersion:
    sha: str
    date: str  # YYYY-MM-DD
    author: str
    subject: str
    fields: dict[str, Any]  # the entry as that commit left it
    diff: str  # unified diff of the entry's YAML from the version before (all added for the first)
    added: bool  # the commit that added the entry

    @property
    def short(self) -> str:
        return self.sha[:7]


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return sum(1 for k, v in a.items() if k in b and b[k] == v)


def find_entry(doc: YamlDocument, section_type: str, target: Mapping[str, Any]) -> int | None:
    """The index in `doc` of the entry that is `target` in another version of the file."""
    entries = [doc.plain(i) for i in range(len(doc))]
    for i, entry in enumerate(entries):
        if entry == target:
            return i
    key = kinds.of(section_type).tracking_key
    same = [i for i, e in enumerate(entries) if key(e) == key(target)]
    if len(same) == 1 and key(target)[1]:
        return same[0]
    candidates = same or range(len(entries))
    best = max(candidates, key=lambda i: _overlap(entries[i], target), default=None)
    if best is not None and _overlap(entries[best], target) > 0:
        return best
    return None


def entry_text(doc: YamlDocument, index: int) -> str:
    """The entry's lines as they are in the file (its own comments above it excluded)."""
    lines = doc.text().splitlines(keepends=True)
    start = doc.entry_line(index) - 1
    end = doc.entry_line(index + 1) - 1 if index + 1 < len(doc) else len(lines)
    body = lines[start:end]
    while body and (not body[-1].strip() or body[-1].lstrip().startswith("#")):
        body.pop()
    return "".join(body)


def _blobs(repo, specs: list[str]) -> list[str | None]:
    """The texts of `sha:path` specs, read by one cat-file process."""
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=repo.working_tree_dir, capture_output=True,
                          input="".join(f"{s}\n" for s in specs).encode(), env={**os.environ, "LC_ALL": "C"})
    out, texts, pos = proc.stdout, [], 0
    for _ in specs:
        end = out.find(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or header[1] != b"blob":
            texts.append(None)
            continue
        size = int(header[2])
        texts.append(out[pos:pos + size].decode("utf-8", "replace"))
        pos += size + 1
    return texts


def entry_history(root: str | os.PathLike[str], path: str | os.PathLike[str], section_type: str,
                  entry: Mapping[str, Any]) -> list[EntryVersion]:
    """The commits that changed `entry` (as it is now in file `path`), newest first."""
    with open_repo(root) as repo:
        [rel] = repo_relative(repo, [path]) or [None]
        if rel is None:
            raise HomepageError(f"{path}: not inside the site's git repository")
        log = repo.git.log(f"-{LOG_LIMIT}", "--format=%H%x1f%ad%x1f%an%x1f%s", "--date=short", "--", rel)
        commits = [line.split("\x1f", 3) for line in log.splitlines() if line]
        texts = _blobs(repo, [f"{sha}:{rel}" for sha, *_ in commits])
    versions: list[tuple[list[str], dict, str]] = []  # (commit, fields, entry text), newest first
    target: Mapping[str, Any] = entry
    for commit, text in zip(commits, texts):
        if text is None:
            break  # the file did not exist before this commit
        try:
            doc = YamlDocument(text, source=rel)
        except HomepageError:
            continue  # a version that does not parse: look further back
        index = find_entry(doc, section_type, target)
        if index is None:
            break  # the entry is not in this version: it was added after it
        target = doc.plain(index)
        versions.append((commit, target, entry_text(doc, index)))
    history: list[EntryVersion] = []
    for k, (commit, fields, text) in enumerate(versions):
        older = versions[k + 1][2] if k + 1 < len(versions) else None
        if older == text:
            continue  # this commit changed other entries, not this one
        sha, date, author, subject = commit
        parent = versions[k + 1][0][0][:7] if older is not None else None
        diff = "".join(difflib.unified_diff(
            (older or "").splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"{rel}@{parent}" if parent else "/dev/null", tofile=f"{rel}@{sha[:7]}"))
        history.append(EntryVersion(sha, date, author, subject, fields, diff, older is None))
    return history
