"""Commit the managed files, then push: the one-key publish and its command-line twin."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from git import Repo
from git.exc import GitCommandError

from homepage_tui.errors import PublishError
from homepage_tui.publish.errors import (
    CommitFailedError,
    IdentityMissingError,
    NothingToCommitError,
    PushRejectedError,
)
from homepage_tui.publish.gitrun import (
    ProgressCallback,
    command_text,
    finish_git,
    first_error_line,
    open_repo,
    repo_relative,
    resolve,
    start_git,
)
from homepage_tui.publish.message import HeadTexts, describe_changes, draft_summaries
from homepage_tui.publish.remote import (
    PUSH_TIMEOUT,
    PushPlan,
    PushResult,
    plan_push,
    pull_rebase_repo,
    push_repo,
    push_target,
)
from homepage_tui.publish.status import (
    Review,
    ahead_behind,
    ensure_ready,
    managed_diff,
    parse_status,
    split_changes,
    split_status,
    start_status,
    status_of,
)

Managed = Iterable["str | os.PathLike[str]"]


@dataclass(frozen=True)
class PublishResult:
    sha: str  # HEAD after publishing
    committed: bool  # a new commit was made (False: only earlier commits were pushed)
    pushed: bool
    remote: str | None
    branch: str  # the branch on the remote when pushed, else the local branch
    message: str | None  # the commit message, when a commit was made

    def describe(self) -> str:
        """The line the notification and the command line show."""
        short = self.sha[:7]
        if self.pushed:
            return f"published {short} to {self.remote}/{self.branch}"
        return f"committed {short} on {self.branch} (not pushed)"


def commit_message(root: str | os.PathLike[str], managed: Managed) -> str:
    """The generated message for what changed in the managed files."""
    with open_repo(root) as repo:
        mine, _ = split_changes(repo, managed)
        return describe_changes(repo, mine)


def review(root: str | os.PathLike[str], managed: Managed) -> Review:
    """What a publish would commit (as a diff), what it leaves alone, and the message it proposes."""
    managed = list(managed)
    with open_repo(root) as repo:
        mine, others = split_changes(repo, managed)
        return Review(
            diff_text=managed_diff(repo, mine),
            managed_changed=[path for _, path in mine],
            other_changed=[path for _, path in others],
            message=describe_changes(repo, mine),
            status=status_of(repo, managed),
        )


def commit_repo(repo: Repo, changes: list[tuple[str, str]], message: str,
                meanwhile: Callable[[], object] | None = None, checked: bool = False) -> str:
    """Commit exactly `changes`; `meanwhile` is called while git commits (a publish prepares its
    push then), and runs even when the commit fails. `checked`: the caller ran ensure_ready."""
    if not checked:
        ensure_ready(repo)
    if not changes:
        raise NothingToCommitError()
    paths = [path for _, path in changes]
    untracked = [path for code, path in changes if code == "??"]
    try:
        if untracked:
            repo.git.add("--", *untracked)
        # --only commits exactly these paths from the working tree (deletions included) and
        # leaves anything else the user staged by hand out of the commit, still staged. --quiet:
        # the summary git prints (a diffstat it computes, about 1 ms of a 45 ms publish) is not read.
        handle = start_git(repo, "commit", "--only", "--quiet", f"--message={message}", "--", *paths)
        if meanwhile is not None:
            try:
                meanwhile()
            except BaseException:
                handle.proc.communicate()  # git finishes its commit: never killed while it writes
                raise
        finish_git(handle)
    except GitCommandError as error:
        text = command_text(error)
        low = text.lower()
        if "tell me who you are" in low or "auto-detect email" in low or "empty ident" in low:
            raise IdentityMissingError() from None
        raise CommitFailedError(first_error_line(text)) from None
    return resolve(repo) or ""


def commit(root: str | os.PathLike[str], managed: Managed, message: str | None = None) -> str:
    """Commit the changed managed files (only those) and return the new commit's SHA."""
    with open_repo(root) as repo:
        ensure_ready(repo)
        mine, _ = split_changes(repo, managed)
        if not mine:
            raise NothingToCommitError()
        text = message if message and message.strip() else describe_changes(repo, mine)
        return commit_repo(repo, mine, text)


def _push_with_rebase(
    repo: Repo, progress: ProgressCallback | None, set_upstream: bool, rebase: bool, timeout: float,
    root: str | os.PathLike[str] | None = None, resolutions: Mapping | None = None,
    plan: PushPlan | None = None,
) -> PushResult:
    try:
        return push_repo(repo, progress, set_upstream, timeout, plan)
    except PushRejectedError:
        if not rebase:
            raise
    pull_rebase_repo(repo, timeout, site_root=root, resolutions=resolutions)
    return push_repo(repo, progress, set_upstream, timeout, plan)


def _nothing_waiting(repo: Repo, set_upstream: bool) -> bool:
    """True when a push would send nothing: the upstream already has every local commit."""
    if resolve(repo) is None:
        return True
    target = push_target(repo, set_upstream)  # raises when there is no remote or upstream
    if target.new_upstream:
        return False
    tracking = repo.active_branch.tracking_branch()
    if tracking is None or resolve(repo, tracking.path) is None:
        return False  # the remote branch is not known here yet: push it
    _, ahead, _ = ahead_behind(repo)
    return ahead == 0


def publish(
    root: str | os.PathLike[str],
    managed: Managed,
    message: str | None = None,
    push: bool = True,
    rebase: bool = False,
    set_upstream: bool = False,
    progress: ProgressCallback | None = None,
    timeout: float = PUSH_TIMEOUT,
    resolutions: Mapping | None = None,
) -> PublishResult:
    """Commit the changed managed files with a generated (or given) message, then push.

    With nothing changed, pushes local commits still waiting (a publish that failed to push is
    finished by publishing again). `rebase` answers a rejected push with pull --rebase and one more
    push (content conflicts merged by entry; `resolutions` picks a side for a field edited on
    both, keyed by FieldConflict.key); `set_upstream` pushes a branch without upstream to origin/<branch> and tracks it.
    Every failure raises a PublishError subclass and keeps the commit and the working tree.
    """
    managed = list(managed)
    given = message if message and message.strip() else None
    with open_repo(root) as repo:
        # git status runs while this process checks the repository, reads the content files at
        # HEAD and drafts the message from them; the push is planned while git commits.
        paths = repo_relative(repo, managed)
        status = start_status(repo, paths)
        heads: HeadTexts | None = None
        try:
            branch = ensure_ready(repo)
            heads = HeadTexts(repo, paths)
            drafted = {} if given else draft_summaries(repo, heads, paths)
        except BaseException:
            if heads is not None:
                heads.close()
            status.proc.communicate()  # git finishes (it may be writing the index): never killed
            raise
        plans: list[PushPlan] = []
        try:
            mine, _ = split_status(parse_status(finish_git(status)), paths)
            sha: str | None = None
            text: str | None = None
            if mine:
                text = given or describe_changes(repo, mine, heads, drafted)

                def prepare() -> None:
                    try:
                        plans.append(plan_push(repo, set_upstream))
                    except Exception:  # noqa: BLE001 - planned again at the push, which reports it with the commit
                        pass

                sha = commit_repo(repo, mine, text, meanwhile=prepare if push else None, checked=True)
        finally:
            heads.close()
        if not mine and not push:
            raise NothingToCommitError()
        if not push:
            return PublishResult(sha or "", True, False, None, branch, text)
        try:
            if sha is None and _nothing_waiting(repo, set_upstream):
                raise NothingToCommitError()
            pushed = _push_with_rebase(repo, progress, set_upstream, rebase, timeout, root, resolutions,
                                       plans[0] if plans else None)
        except PublishError as error:
            if sha is not None:
                # The user must know the commit exists, or they may redo the edit.
                error.local_commit = sha
                error.args = (f"committed {sha[:7]} locally, not pushed: {error}",)
            raise
        return PublishResult(pushed.sha, sha is not None, True, pushed.remote, pushed.branch, text)
