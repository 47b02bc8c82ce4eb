"""The HEAD version of a few files, read from git's object files in this process.

A publish names what changed in its message by comparing the content files at HEAD with the
working tree. `git cat-file --batch` would be one more process per publish (a plain
`git add; git commit; git push` runs three); gitdb, GitPython's own object reader, reads loose and
packed objects (and alternates) directly. Whatever it cannot read (a SHA-256 repository, an object
it does not find) gives None, and the caller asks git as before.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping

from git import Repo
from git.db import GitDB
from git.objects.fun import tree_entries_from_data

_TREE_MODE = 0o040000
_SUBMODULE_MODE = 0o160000


class HeadFiles(Mapping[str, bytes]):
    """`{path: bytes}` of some files in one commit, read with gitdb: the tree entries at once, a
    blob when it is asked for. `unchanged(path, data)` compares git's blob id of `data` with the
    tree's, so a file nobody changed is never read from the object files nor compared as text
    (publications.yml of a large site is megabytes)."""

    def __init__(self, odb: GitDB, ids: dict[str, bytes]):
        self._odb = odb
        self._ids = ids

    def __getitem__(self, path: str) -> bytes:
        """The file's bytes; KeyError when the commit has no such file, and any other exception
        when gitdb cannot read the blob (the caller then asks git)."""
        blob = self._odb.stream(self._ids[path])
        if blob.type != b"blob":
            raise ValueError(f"{path}: not a blob")
        return blob.read()

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def unchanged(self, path: str, data: bytes) -> bool:
        """Whether `data` is exactly the file's bytes in the commit."""
        sha = self._ids.get(path)
        return sha is not None and len(sha) == 20 and hashlib.sha1(b"blob %d\0" % len(data) + data).digest() == sha


def head_blobs(repo: Repo, head: str, paths: list[str]) -> HeadFiles | None:
    """`{path: bytes}` for each of `paths` (posix, repository-relative) that is a file in commit
    `head` (a hex SHA), read on demand (HeadFiles); paths that commit lacks are left out. None when
    gitdb cannot read the commit or its trees."""
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
        ids: dict[str, bytes] = {}
        for path in paths:
            tree = root
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
                elif mode not in (_TREE_MODE, _SUBMODULE_MODE):  # a submodule's entry is a commit
                    ids[path] = sha
        return HeadFiles(odb, ids)
    except Exception:  # noqa: BLE001 - any reading problem: git itself answers instead
        return None
