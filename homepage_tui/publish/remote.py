"""Talking to the remote: fetch, push (never forced) and pull with rebase (aborted on conflict)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from git import PushInfo, Repo
from git.exc import GitCommandError

from homepage_tui.publish.errors import (
    GitCommandFailedError,
    NoRemoteError,
    NoUpstreamError,
    PushRejectedError,
    RemoteRefusedError,
)
from homepage_tui.publish.gitrun import (
    ProgressCallback,
    RecordingProgress,
    command_text,
    explain_remote_failure,
    first_error_line,
    open_repo,
    remember_version,
    remote_env,
    resolve,
)
from homepage_tui.publish.rebase import (
    MergedContentInvalidError,
    merged_content_problems,
    page_up_to_date,
    rebase_merging_content,
    render_after_merge,
)
from homepage_tui.publish.status import ensure_ready

PUSH_TIMEOUT = 60.0
FETCH_TIMEOUT = 20.0


@dataclass(frozen=True)
class PushResult:
    sha: str
    remote: str
    branch: str  # the branch on the remote


@dataclass(frozen=True)
class PushTarget:
    remote: str
    remote_branch: str
    local_branch: str
    new_upstream: bool  # the push also sets the upstream


def push_target(repo: Repo, set_upstream: bool = False) -> PushTarget:
    """Where the current branch goes: its upstream, or `origin/<branch>` when asked to set one."""
    branch = ensure_ready(repo)
    tracking = repo.active_branch.tracking_branch()
    if tracking is not None:
        return PushTarget(tracking.remote_name, tracking.remote_head, branch, False)
    names = [remote.name for remote in repo.remotes]
    if not names:
        raise NoRemoteError()
    remote = "origin" if "origin" in names else names[0]
    if not set_upstream:
        raise NoUpstreamError(branch, remote)
    return PushTarget(remote, branch, branch, True)


def _remote_url(repo: Repo, name: str) -> str:
    try:
        return repo.remote(name).url
    except Exception:  # a remote without a url: name it instead
        return name


def push_repo(
    repo: Repo,
    progress: ProgressCallback | None = None,
    set_upstream: bool = False,
    timeout: float = PUSH_TIMEOUT,
) -> PushResult:
    target = push_target(repo, set_upstream)
    remote = repo.remote(target.remote)
    recorder = RecordingProgress(progress)
    refspec = f"refs/heads/{target.local_branch}:refs/heads/{target.remote_branch}"
    options = {"set_upstream": True} if target.new_upstream else {}
    with repo.git.custom_environment(**remote_env(repo)):
        try:
            infos = remote.push(refspec, progress=recorder, kill_after_timeout=timeout, **options)
        except GitCommandError as error:
            remember_version(repo)
            text = recorder.text() + "\n" + command_text(error)
            raise explain_remote_failure("push", _remote_url(repo, target.remote), text) from None
    remember_version(repo)
    if not infos:
        text = recorder.text() or str(getattr(infos, "error", "") or "")
        raise explain_remote_failure("push", _remote_url(repo, target.remote), text)
    for info in infos:
        if info.flags & PushInfo.REJECTED:
            raise PushRejectedError(target.remote, target.remote_branch)
        if info.flags & PushInfo.REMOTE_REJECTED:
            raise RemoteRefusedError(target.remote, target.remote_branch, info.summary.strip())
        if info.flags & PushInfo.ERROR:
            detail = info.summary.strip() or first_error_line(recorder.text())
            raise GitCommandFailedError("push", detail)
    return PushResult(resolve(repo) or "", target.remote, target.remote_branch)


def push(
    root: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    set_upstream: bool = False,
    timeout: float = PUSH_TIMEOUT,
) -> PushResult:
    """Push the current branch to its upstream. Raises a PublishError subclass; never forces."""
    with open_repo(root) as repo:
        return push_repo(repo, progress, set_upstream, timeout)


def fetch_repo(repo: Repo, timeout: float = FETCH_TIMEOUT) -> bool:
    """Fetch the upstream's remote (or origin); False when there is no remote to fetch from."""
    if repo.head.is_detached:
        tracking = None
    else:
        tracking = repo.active_branch.tracking_branch()
    names = [remote.name for remote in repo.remotes]
    name = tracking.remote_name if tracking is not None else ("origin" if "origin" in names else None)
    if name is None or name not in names:
        return False
    recorder = RecordingProgress()
    with repo.git.custom_environment(**remote_env(repo)):
        try:
            repo.remote(name).fetch(progress=recorder, kill_after_timeout=timeout)
            remember_version(repo)
        except GitCommandError as error:
            text = recorder.text() + "\n" + command_text(error)
            raise explain_remote_failure("fetch", _remote_url(repo, name), text) from None
    return True


def fetch(root: str | os.PathLike[str], timeout: float = FETCH_TIMEOUT) -> bool:
    """Background fetch so ahead/behind is current. Bounded by `timeout`; never prompts."""
    with open_repo(root) as repo:
        return fetch_repo(repo, timeout)


def pull_rebase_repo(repo: Repo, timeout: float = PUSH_TIMEOUT, site_root: str | os.PathLike[str] | None = None,
                     resolutions: Mapping | None = None) -> None:
    target = push_target(repo, set_upstream=False)
    remote = repo.remote(target.remote)
    tracking_ref = f"refs/remotes/{target.remote}/{target.remote_branch}"
    recorder = RecordingProgress()
    with repo.git.custom_environment(**remote_env(repo)):
        try:
            remote.fetch(
                f"+refs/heads/{target.remote_branch}:{tracking_ref}",
                progress=recorder,
                kill_after_timeout=timeout,
            )
        except GitCommandError as error:
            text = recorder.text() + "\n" + command_text(error)
            raise explain_remote_failure("fetch", _remote_url(repo, target.remote), text) from None
    # The rebase itself is local, so it needs no timeout. --autostash: files the tool does not
    # manage may be modified, and git refuses to rebase a dirty tree; the stash is put back after.
    # A conflict in the content is merged by entry (and the page re-rendered); anything else aborts.
    before = resolve(repo)
    fresh = page_up_to_date(site_root)
    rebase_merging_content(repo, tracking_ref, site_root, resolutions)
    if fresh:  # keep a page that matched its content matching it (a remote content edit)
        render_after_merge(repo, site_root)
    problems = merged_content_problems(site_root)
    if problems and before is not None:
        # Nothing invalid goes out: back to the local commit, as before the pull.
        repo.git.reset("--keep", before)
        raise MergedContentInvalidError(problems)


def pull_rebase(root: str | os.PathLike[str], timeout: float = PUSH_TIMEOUT,
                resolutions: Mapping | None = None) -> None:
    """Fetch the upstream and rebase the local commits on it, merging content by entry; on a
    conflict it cannot merge, abort (the repository as it was) and raise."""
    with open_repo(root) as repo:
        pull_rebase_repo(repo, timeout, site_root=root, resolutions=resolutions)
