"""Where the repository stands: branch, ahead/behind, unfinished operations, changed files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from git import Repo
from git.exc import GitCommandError

from homepage_tui.publish.errors import DetachedHeadError, RepoBusyError
from homepage_tui.publish.gitrun import finish_git, open_repo, repo_relative, resolve, start_git

STATUS_ARGS = ("status", "--porcelain=v1", "-z", "--untracked-files=all")


@dataclass(frozen=True)
class RepoStatus:
    branch: str | None  # None when HEAD is detached
    detached: bool
    upstream: str | None  # "origin/main", None when the branch tracks nothing
    ahead: int  # local commits the remote does not have (any remote when there is no upstream)
    behind: int  # commits on the upstream not here, as of the last fetch
    changed_managed: list[str] = field(default_factory=list)
    state: str | None = None  # "rebase", "merge", ... when git is in the middle of one


@dataclass(frozen=True)
class Review:
    """What a publish would do, for the user to read first."""

    diff_text: str  # unified diff of the managed files, HEAD to working tree (new files included)
    managed_changed: list[str]
    other_changed: list[str]  # changed files the tool does not manage: listed, never staged
    message: str  # the generated commit message, for the user to edit
    status: RepoStatus


def repo_state(repo: Repo) -> str | None:
    """The operation git was left in the middle of, if any (the files git itself checks)."""
    git_dir = Path(repo.git_dir)
    if (git_dir / "rebase-merge").is_dir():
        return "rebase"
    if (git_dir / "rebase-apply").is_dir():
        return "am" if (git_dir / "rebase-apply" / "applying").exists() else "rebase"
    for marker, state in (
        ("MERGE_HEAD", "merge"),
        ("CHERRY_PICK_HEAD", "cherry-pick"),
        ("REVERT_HEAD", "revert"),
        ("BISECT_LOG", "bisect"),
    ):
        if (git_dir / marker).exists():
            return state
    return None


def ensure_ready(repo: Repo) -> str:
    """The current branch name, or the reason a commit or push must not happen now."""
    state = repo_state(repo)
    if state:
        raise RepoBusyError(state)
    if repo.head.is_detached:
        raise DetachedHeadError()
    return repo.active_branch.name


def changed_files(repo: Repo) -> list[tuple[str, str]]:
    """(two-letter status, path) for every changed, staged or untracked file, ignored ones left out."""
    return parse_status(finish_git(start_status(repo)))


def start_status(repo: Repo, paths: list[str] | None = None) -> object:
    """`git status` started, not waited for (finish_git, then parse_status): a publish reads HEAD
    and drafts its message while git looks at the working tree. With `paths` (repo_relative),
    only those are looked at, taken literally (no glob): what a publish commits, nothing else."""
    if paths is None:
        return start_git(repo, *STATUS_ARGS)
    return start_git(repo, *STATUS_ARGS, "--", *paths, env={"GIT_LITERAL_PATHSPECS": "1"})


def parse_status(out: str) -> list[tuple[str, str]]:
    """changed_files' answer from `git status --porcelain=v1 -z` output."""
    items = out.split("\0")
    result: list[tuple[str, str]] = []
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if len(item) < 4:
            continue
        code, path = item[:2], item[3:]
        if code[0] in "RC":
            i += 1  # a rename or copy is followed by its source path
        result.append((code, path))
    return result


def split_changes(
    repo: Repo, managed: Iterable[str | os.PathLike[str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Changed files split into (managed, other), each sorted by path."""
    return split_status(changed_files(repo), repo_relative(repo, managed))


def split_status(
    changes: list[tuple[str, str]], managed: Iterable[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """split_changes for a status already read; `managed` as repo_relative gives them."""
    wanted = set(managed)
    mine: list[tuple[str, str]] = []
    others: list[tuple[str, str]] = []
    for code, path in changes:
        (mine if path in wanted else others).append((code, path))
    return sorted(mine, key=lambda c: c[1]), sorted(others, key=lambda c: c[1])


def ahead_behind(repo: Repo) -> tuple[str | None, int, int]:
    """(upstream name, ahead, behind); without an upstream, ahead counts commits on no remote."""
    if resolve(repo) is None:
        return None, 0, 0  # no commit yet
    tracking = None if repo.head.is_detached else repo.active_branch.tracking_branch()
    if tracking is not None and resolve(repo, tracking.path) is not None:
        counts = repo.git.rev_list("--left-right", "--count", f"HEAD...{tracking.path}")
        ahead, behind = (int(n) for n in counts.split())
        return tracking.name, ahead, behind
    try:
        ahead = int(repo.git.rev_list("--count", "HEAD", "--not", "--remotes"))
    except GitCommandError:
        ahead = 0
    upstream = tracking.name if tracking is not None else None
    return upstream, ahead, 0


def status_of(repo: Repo, managed: Iterable[str | os.PathLike[str]]) -> RepoStatus:
    detached = repo.head.is_detached
    branch = None if detached else repo.active_branch.name
    upstream, ahead, behind = ahead_behind(repo)
    mine, _ = split_changes(repo, managed)
    return RepoStatus(
        branch=branch,
        detached=detached,
        upstream=upstream,
        ahead=ahead,
        behind=behind,
        changed_managed=[path for _, path in mine],
        state=repo_state(repo),
    )


def repo_status(root: str | os.PathLike[str], managed: Iterable[str | os.PathLike[str]]) -> RepoStatus:
    """Branch, ahead/behind (as of the last fetch) and the managed files that changed. Local only."""
    with open_repo(root) as repo:
        return status_of(repo, managed)


def managed_diff(repo: Repo, changes: list[tuple[str, str]]) -> str:
    """Unified diff of the given changes from HEAD to the working tree, new files in full."""
    tracked = [path for code, path in changes if code != "??"]
    untracked = [path for code, path in changes if code == "??"]
    parts: list[str] = []
    if tracked:
        if resolve(repo) is not None:
            parts.append(repo.git.diff("HEAD", "--no-color", "--no-ext-diff", "--", *tracked))
        else:  # no commit yet: everything staged is new
            parts.append(repo.git.diff("--cached", "--no-color", "--no-ext-diff", "--", *tracked))
    for path in untracked:
        # --no-index exits 1 when the files differ, which is the point here
        parts.append(
            repo.git.diff(
                "--no-index", "--no-color", "--no-ext-diff", "--", os.devnull, path,
                with_exceptions=False,
            )
        )
    return "\n".join(part for part in parts if part)
