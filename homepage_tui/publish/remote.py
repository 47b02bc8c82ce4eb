"""Talking to the remote: fetch, push (never forced) and pull with rebase (aborted on conflict)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Mapping

from git import Git, Repo
from git.exc import GitCommandError

from homepage_tui.errors import PublishError

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
    kill_tree,
    open_repo,
    remember_version,
    remote_env,
    resolve,
    run_streaming,
    start_git,
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


@dataclass(frozen=True)
class PushPlan:
    """What a push needs from the configuration, read once (GitPython makes a config reader, which
    parses every config file, for each of tracking_branch, remotes, remote() and a config value):
    the target, or the error that asking for it raised, and the environment for the remote."""

    target: PushTarget | None
    error: PublishError | None
    env: dict[str, str]

    def checked_target(self) -> PushTarget:
        if self.error is not None:
            raise self.error
        assert self.target is not None
        return self.target


def _branch_config(repo: Repo, branch: str) -> tuple[str | None, str | None, list[str], str | None]:
    """(branch.<b>.remote, branch.<b>.merge, remote names, core.sshCommand) from one reader."""
    with repo.config_reader() as reader:
        section = f'branch "{branch}"'
        remote = merge = None
        if reader.has_section(section):
            if reader.has_option(section, "remote") and reader.has_option(section, "merge"):
                remote = str(reader.get_value(section, "remote"))
                merge = str(reader.get_value(section, "merge"))
                if len(merge) > 1 and merge.startswith('"') and merge.endswith('"'):
                    merge = merge[1:-1]  # as GitPython's tracking_branch reads it
        names = [m.group(1) for name in reader.sections() if (m := _REMOTE_SECTION.match(name))]
        ssh = str(reader.get_value("core", "sshCommand", default="")) or None
    return remote, merge, names, ssh


_REMOTE_SECTION = re.compile(r'^remote "(.*)"$')


def _target_from(branch: str, remote: str | None, merge: str | None, names: list[str],
                 set_upstream: bool) -> PushTarget:
    if remote is not None and merge is not None:
        # as GitPython's tracking_branch(): refs/remotes/<remote>/<merged branch>, whose first
        # component names the remote and the rest the branch there
        head = merge[len("refs/heads/"):] if merge.startswith("refs/heads/") else merge
        remote_name, _, remote_head = f"{remote}/{head}".partition("/")
        return PushTarget(remote_name, remote_head, branch, False)
    if not names:
        raise NoRemoteError()
    chosen = "origin" if "origin" in names else names[0]
    if not set_upstream:
        raise NoUpstreamError(branch, chosen)
    return PushTarget(chosen, branch, branch, True)


def plan_push(repo: Repo, set_upstream: bool = False) -> PushPlan:
    """The push's target and environment, from one read of the configuration; a missing remote or
    upstream is kept as `error`, raised when the push is attempted (after a commit was made)."""
    branch = ensure_ready(repo)
    remote, merge, names, ssh = _branch_config(repo, branch)
    env = remote_env(repo, ssh_command=ssh or "")
    try:
        return PushPlan(_target_from(branch, remote, merge, names, set_upstream), None, env)
    except PublishError as error:
        return PushPlan(None, error, env)


def push_target(repo: Repo, set_upstream: bool = False) -> PushTarget:
    """Where the current branch goes: its upstream, or `origin/<branch>` when asked to set one."""
    branch = ensure_ready(repo)
    remote, merge, names, _ = _branch_config(repo, branch)
    return _target_from(branch, remote, merge, names, set_upstream)


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
    plan: PushPlan | None = None,
) -> PushResult:
    """Push the current branch (never forced) and read git's porcelain report of each ref.

    One `git push --porcelain` read in this thread (gitrun.run_streaming), not GitPython's
    Remote.push, which starts two reader threads and makes config readers per push."""
    if plan is None:
        plan = plan_push(repo, set_upstream)
    target = plan.checked_target()
    Git.check_unsafe_protocols(target.remote)  # as Remote.push does: no ext:: and the like
    recorder = RecordingProgress(progress)
    refspec = f"refs/heads/{target.local_branch}:refs/heads/{target.remote_branch}"
    args = ["push", "--porcelain"]
    if progress is not None:
        args.append("--progress")  # git reports progress to a pipe only when asked
    if target.new_upstream:
        args.append("--set-upstream")
    handle = start_git(repo, *args, "--", target.remote, refspec, env=plan.env)
    try:
        status, out = run_streaming(handle, recorder.new_message_handler(), timeout)
    except BaseException:
        kill_tree(handle.proc.pid)
        raise
    refs = _porcelain_refs(out)
    for flag, summary in refs:
        if flag != "!":
            continue
        if "[rejected]" in summary:
            raise PushRejectedError(target.remote, target.remote_branch)
        if "[remote rejected]" in summary:
            raise RemoteRefusedError(target.remote, target.remote_branch, summary.strip())
        raise GitCommandFailedError("push", summary.strip() or first_error_line(recorder.text()))
    if status is None:
        text = recorder.text() + f"\nerror: git push timed out after {timeout:g} s and was stopped"
        raise explain_remote_failure("push", _remote_url(repo, target.remote), text)
    if not refs or status != 0:
        raise explain_remote_failure("push", _remote_url(repo, target.remote), recorder.text())
    return PushResult(resolve(repo) or "", target.remote, target.remote_branch)


def _porcelain_refs(out: str) -> list[tuple[str, str]]:
    """(flag, summary) for each ref line of `git push --porcelain`: `F<TAB>from:to<TAB>summary`,
    F one of ' ' + - * = ! (the `To URL` and `Done` lines have no tab)."""
    refs = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and len(parts[0]) == 1 and parts[0] in " +-*=!":
            refs.append((parts[0], parts[2]))
    return refs


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
