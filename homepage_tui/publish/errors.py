"""What can go wrong while publishing, each with the one line that tells the user what to do.

Every error leaves the working tree alone, and a commit already made stays made: `publish()` adds
"committed <sha> locally, not pushed:" in front of the message when it got that far.
"""

from __future__ import annotations

from homepage_tui.errors import PublishError


class NotARepositoryError(PublishError):
    def __init__(self, root: str):
        self.root = root
        super().__init__(
            f"{root} is not inside a git repository: run `git init` there "
            "(or `homepage-tui demo DIR` for a ready-made site)"
        )


class NoRemoteError(PublishError):
    def __init__(self) -> None:
        super().__init__(
            "this repository has no remote to push to: add one with "
            "`git remote add origin URL`, then publish again"
        )


class NoUpstreamError(PublishError):
    """The branch tracks nothing; the fix on offer is pushing to `remote/branch` as its upstream."""

    def __init__(self, branch: str, remote: str):
        self.branch = branch
        self.remote = remote
        super().__init__(
            f"branch {branch} has no upstream: push to {remote}/{branch} and set it as upstream "
            "(publish --set-upstream)"
        )


class PushRejectedError(PublishError):
    """The remote moved on; the fix on offer is pull with rebase, then push. Never a force push."""

    def __init__(self, remote: str, branch: str):
        self.remote = remote
        self.branch = branch
        super().__init__(
            f"push rejected: {remote}/{branch} has commits you do not have (nothing was forced); "
            "pull with rebase, then push (publish --rebase)"
        )


class RemoteRefusedError(PublishError):
    def __init__(self, remote: str, branch: str, reason: str):
        self.reason = reason
        super().__init__(
            f"{remote} refused the push to {branch} ({reason}): check the branch protection "
            "or hooks on the remote"
        )


class RebaseConflictError(PublishError):
    """Pull with rebase hit a conflict; the rebase was aborted, so the local commit is intact."""

    def __init__(self, files: list[str]):
        self.files = list(files)
        names = ", ".join(self.files) or "some files"
        super().__init__(
            f"pull with rebase stopped on a conflict in {names}: the rebase was undone and your "
            "commit kept; merge by hand (`git pull --rebase`), then publish again"
        )


class AuthRequiredError(PublishError):
    def __init__(self, url: str):
        self.url = url
        super().__init__(
            f"{url} wants credentials and git may not prompt here: set up a token with a "
            "credential helper (`gh auth login`, or one `git push` in a terminal with "
            "credential.helper set) or an SSH key, then publish again"
        )


class RemoteUnreachableError(PublishError):
    def __init__(self, url: str, detail: str):
        self.url = url
        self.detail = detail
        super().__init__(
            f"cannot reach {url} ({detail}): check the network and the remote URL "
            "(`git remote -v`), then publish again"
        )


class DetachedHeadError(PublishError):
    def __init__(self) -> None:
        super().__init__(
            "HEAD is detached (not on a branch): switch to your branch with "
            "`git switch <branch>`, then publish again"
        )


# What to type to get out of each unfinished operation git can leave behind.
_WAY_OUT = {
    "rebase": "`git rebase --continue` or `git rebase --abort`",
    "merge": "commit the merge or `git merge --abort`",
    "cherry-pick": "`git cherry-pick --continue` or `git cherry-pick --abort`",
    "revert": "`git revert --continue` or `git revert --abort`",
    "am": "`git am --continue` or `git am --abort`",
    "bisect": "`git bisect reset`",
}


class RepoBusyError(PublishError):
    def __init__(self, state: str):
        self.state = state
        way_out = _WAY_OUT.get(state, f"finish or abort the {state}")
        super().__init__(
            f"the repository is in the middle of a {state}: finish it ({way_out}), "
            "then publish again"
        )


class NothingToCommitError(PublishError):
    def __init__(self) -> None:
        super().__init__(
            "nothing to publish: no managed file changed and no local commit is waiting to be pushed"
        )


class IdentityMissingError(PublishError):
    def __init__(self) -> None:
        super().__init__(
            'git does not know who you are: run `git config --global user.name "Your Name"` and '
            "`git config --global user.email you@example.com`, then publish again"
        )


class CommitFailedError(PublishError):
    def __init__(self, detail: str):
        self.detail = detail
        super().__init__(f"git commit failed ({detail}); your edits are still in the working tree")


class GitCommandFailedError(PublishError):
    def __init__(self, what: str, detail: str):
        self.detail = detail
        super().__init__(f"git {what} failed: {detail}")
