"""The HEAD version of a few files, read from git's object files in this process.

A publish names what changed in its message by comparing the content files at HEAD with the
working tree. `git cat-file --batch` would be one more process per publish (a plain
`git add; git commit; git push` runs three); gitdb, GitPython's own object reader, reads loose and
packed objects (and alternates) directly. Whatever it cannot read (a SHA-256 repository, an object
it does not find) gives None, and the caller asks git as before.
"""

from __future__ import annotations

import os

from git import Repo
from git.db import GitDB
from git.objects.fun import tree_entries_from_data

_TREE_MODE = 0o040000


def head_blobs(repo: Repo, head: str, paths: list[str]) -> dict[str, bytes] | None:
    """`{path: bytes}` for each of `paths` (posix, repository-relative) that is a file in commit
    `head` (a hex SHA); paths that commit lacks are left out. None when gitdb cannot read it."""
    try:
        odb = GitDB(os.path.join(repo.common_dir, "objects"))
        commit = odb.stream(bytes.fromhex(head))
        if commit.type != b"commit":
            return None
        first = commit.read().split(b"\n", 1)[0].split()
        if len(first) != 2 or first[0] != b"tree":
            return None
        trees: dict[bytes, dict[str, tuple[bytes, int]]] = {}

        def entries(binsha: bytes) -> dict[str, tuple[bytes, int]]:
            if binsha not in trees:
                stream = odb.stream(binsha)
                if stream.type != b"tree":
                    raise ValueError("not a tree")
                trees[binsha] = {name: (sha, mode) for sha, mode, name in tree_entries_from_data(stream.read())}
            return trees[binsha]

        root = bytes.fromhex(first[1].decode("ascii"))
        out: dict[str, bytes] = {}
        for path in paths:
            tree, found = root, None
            parts = path.split("/")
            for n, part in enumerate(parts):
                entry = entries(tree).get(part)
                if entry is None:
                    break
                sha, mode = entry
                if n < len(parts) - 1:
                    if mode != _TREE_MODE:
                        break
                    tree = sha
                elif mode != _TREE_MODE:
                    found = sha
            if found is None:
                continue
            blob = odb.stream(found)
            if blob.type == b"blob":  # a submodule's entry is a commit: not a file's text
                out[path] = blob.read()
        return out
    except Exception:  # noqa: BLE001 - any reading problem: git itself answers instead
        return None
