"""The git layer: status, review, commit, push and pull --rebase through GitPython.

No Textual here: the command line and the app both call these functions (the app from a thread
worker). Every failure is a PublishError subclass whose message says what to do.
"""

from homepage_tui.publish.errors import (
    AuthRequiredError,
    CommitFailedError,
    DetachedHeadError,
    GitCommandFailedError,
    IdentityMissingError,
    NoRemoteError,
    NotARepositoryError,
    NothingToCommitError,
    NoUpstreamError,
    PushRejectedError,
    RebaseConflictError,
    RemoteRefusedError,
    RemoteUnreachableError,
    RepoBusyError,
)
from homepage_tui.publish.flow import PublishResult, commit, commit_message, publish, review
from homepage_tui.publish.gitrun import ProgressCallback, remote_env
from homepage_tui.publish.remote import PushResult, fetch, pull_rebase, push
from homepage_tui.publish.status import RepoStatus, Review, repo_status

__all__ = [
    "AuthRequiredError",
    "CommitFailedError",
    "DetachedHeadError",
    "GitCommandFailedError",
    "IdentityMissingError",
    "NoRemoteError",
    "NotARepositoryError",
    "NothingToCommitError",
    "NoUpstreamError",
    "ProgressCallback",
    "PublishResult",
    "PushRejectedError",
    "PushResult",
    "RebaseConflictError",
    "RemoteRefusedError",
    "RemoteUnreachableError",
    "RepoBusyError",
    "RepoStatus",
    "Review",
    "commit",
    "commit_message",
    "fetch",
    "publish",
    "pull_rebase",
    "push",
    "remote_env",
    "repo_status",
    "review",
]
