"""Running git safely for a terminal app: never a prompt, never a hang, errors in the user's words.

Git asks for a password on the terminal, through an askpass program or through ssh; inside a
full-screen app any of those hangs it. Every remote command therefore runs with prompts off, an
empty askpass (an empty GIT_ASKPASS also overrides `core.askPass`; an askpass that prints nothing
would instead make git send empty credentials and wait for the reply), ssh in batch mode, and a
kill-after timeout. Against a 401 server on 127.0.0.1 that fails in hundredths of a second.
"""

from __future__ import annotations

import logging
import os
import re
import selectors
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

from git import Repo
from git.refs import SymbolicReference
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError
from git.util import RemoteProgress

from homepage_tui.errors import PublishError
from homepage_tui.publish.errors import (
    AuthRequiredError,
    GitCommandFailedError,
    NotARepositoryError,
    RemoteUnreachableError,
)

# A progress callback gets the stage ("Writing objects") and a fraction in 0..1, or None when git
# does not know the total yet.
ProgressCallback = Callable[[str, "float | None"], None]

SSH_OPTIONS = "-o BatchMode=yes -o ConnectTimeout=10"

# Git's messages are matched in English below (explain_remote_failure, flow's identity check), so
# git must speak English whatever the user's locale: LC_ALL=C (LANGUAGE too, which gettext obeys
# under any other locale, C.UTF-8 included). GitPython's execute() happens to set both today;
# every command run here states it itself so that it does not depend on that.
GIT_LOCALE = {"LC_ALL": "C", "LANGUAGE": "C"}

# GitPython logs a warning for a rejected push; with no logging configured Python prints it on
# stderr, a second line under our own message (and over a full-screen app). We report it ourselves.
logging.getLogger("git.remote").addHandler(logging.NullHandler())


def open_repo(root: str | os.PathLike[str]) -> Repo:
    """The repository that holds `root` (the site may sit in a sub-folder of it)."""
    try:
        repo = Repo(os.fspath(root), search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise NotARepositoryError(os.fspath(root)) from None
    repo.git.update_environment(**GIT_LOCALE)
    _share_version(repo)
    return repo


_VERSION: dict[str, object] = {}


def _share_version(repo: Repo) -> None:
    """Hand GitPython the git version learnt by an earlier Repo of this process.

    GitPython runs `git version` before every push or fetch with progress, once per Repo it
    makes (its cache is per Git instance), and publish opens a Repo per action: a process spawn
    per publish for a number that does not change while we run. remember_version keeps the first
    answer; this gives it to every later Git instance (GitPython's own cache fields; if they are
    ever renamed, this does nothing and GitPython asks git as before)."""
    git_cmd = repo.git
    token = getattr(type(git_cmd), "_refresh_token", None)
    if token is not None and _VERSION.get("token") is token and hasattr(git_cmd, "_version_info_token"):
        git_cmd._version_info = _VERSION["info"]
        git_cmd._version_info_token = token


def remember_version(repo: Repo) -> None:
    """After a push or fetch (which made GitPython ask): keep its answer for the next Repo."""
    git_cmd = repo.git
    token = getattr(git_cmd, "_version_info_token", None)
    info = getattr(git_cmd, "_version_info", None)
    if info and token is not None and token is getattr(type(git_cmd), "_refresh_token", None):
        _VERSION["info"], _VERSION["token"] = info, token


def start_git(repo: Repo, *args: str, env: Mapping[str, str] | None = None) -> Any:
    """`git ARGS` started in the repository and not waited for, so that this process does its own
    work while git does its: through GitPython's execute (GIT_LOCALE, GIT_PYTHON_TRACE as for every
    other command), returning its AutoInterrupt (`.proc` is the Popen; stdin is /dev/null)."""
    return repo.git.execute([repo.git.GIT_PYTHON_GIT_EXECUTABLE or "git", *args], as_process=True,
                            env=dict(env) if env is not None else None)


def finish_git(handle: Any) -> str:
    """Wait for a command from start_git: its output (decoded as GitPython does), or the
    GitCommandError GitPython would raise for it."""
    proc = handle.proc
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise GitCommandError(handle.args, proc.returncode, err, out)
    return out.decode("utf-8", "surrogateescape")


def run_streaming(
    handle: Any, on_stderr_line: Callable[[str], None], timeout: float | None
) -> tuple[int | None, str]:
    """Read a command from start_git to its end in this thread: stderr line by line (git ends
    progress lines with carriage returns) to `on_stderr_line`, stdout kept. After `timeout`
    seconds the command and its children (ssh, a remote helper) are killed: returns
    (None, stdout so far). GitPython's own reader starts two threads per command for this."""
    proc = handle.proc
    deadline = None if timeout is None else time.monotonic() + timeout
    out = bytearray()
    pending = b""
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        selector.register(proc.stderr, selectors.EVENT_READ)
        while selector.get_map():
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                kill_tree(proc.pid)
                proc.wait()
                return None, out.decode("utf-8", "surrogateescape")
            for key, _ in selector.select(left):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                elif key.fileobj is proc.stdout:
                    out += chunk
                else:
                    *lines, pending = re.split(rb"[\r\n]", pending + chunk)
                    for line in lines:
                        if line.strip():
                            on_stderr_line(line.decode("utf-8", "replace").rstrip())
    if pending.strip():
        on_stderr_line(pending.decode("utf-8", "replace").rstrip())
    return proc.wait(), out.decode("utf-8", "surrogateescape")


def kill_tree(pid: int) -> None:
    """SIGKILL a process and its descendants (found before signalling, while their parent ids
    still name them), as GitPython does for its kill_after_timeout."""
    pids = [pid]
    for parent in pids:
        try:
            found = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True, timeout=5)
        except (OSError, subprocess.SubprocessError):
            break  # no pgrep: the process itself is still killed
        pids += [int(line) for line in found.stdout.split() if line.isdigit()]
    for each in pids:
        try:
            os.kill(each, signal.SIGKILL)
        except OSError:
            pass


def resolve(repo: Repo, ref: str = "HEAD") -> str | None:
    """The commit SHA a ref points to, None when it does not exist (an unborn branch).

    Read from the ref files alone: GitPython's `is_valid()` and `.commit` start two persistent
    cat-file processes just to learn the object type, a few milliseconds per publish. Loose refs
    and packed-refs are read here directly (GitPython's reader validates the path with pathlib at
    every step: a third of a millisecond, twice per publish); anything else goes to GitPython.
    """
    found = _read_ref(repo.git_dir, repo.common_dir, ref)
    if found is not _UNKNOWN:
        return found  # type: ignore[return-value]
    try:
        return SymbolicReference.dereference_recursive(repo, ref)
    except ValueError:
        return None


_UNKNOWN = object()
_PER_WORKTREE = ("refs/worktree/", "refs/bisect/", "refs/rewritten/")
_SHA = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


def _read_ref(git_dir: str, common_dir: str, ref: str) -> object:
    """The SHA `ref` names from the loose ref files and packed-refs; None when it does not exist
    (an unborn branch); _UNKNOWN for anything this does not read (reftable, a malformed file)."""
    if not ref or ref.startswith("/") or ".." in ref.split("/"):
        return _UNKNOWN
    if os.path.isdir(os.path.join(common_dir, "reftable")):
        return _UNKNOWN
    for _ in range(5):  # symbolic refs point at most a few levels deep
        # HEAD and other pseudo-refs belong to the worktree, refs/... to the shared repository
        shared = ref.startswith("refs/") and not ref.startswith(_PER_WORKTREE)
        base = common_dir if shared else git_dir
        try:
            with open(os.path.join(base, ref), encoding="utf-8") as handle:
                text = handle.read().strip()
        except FileNotFoundError:
            text = _packed_ref(common_dir, ref)
            if text is None:
                return None
        except (OSError, UnicodeDecodeError):
            return _UNKNOWN
        if text.startswith("ref:"):
            ref = text[4:].strip()
            continue
        return text if _SHA.fullmatch(text) else _UNKNOWN
    return _UNKNOWN


def _packed_ref(common_dir: str, ref: str) -> str | None:
    try:
        with open(os.path.join(common_dir, "packed-refs"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(("#", "^")):
                    continue
                sha, _, name = line.rstrip("\n").partition(" ")
                if name == ref:
                    return sha
    except FileNotFoundError:
        pass
    return None


def remote_env(repo: Repo, ssh_command: str | None = None) -> dict[str, str]:
    """Environment for commands that talk to a remote: they fail instead of asking anything.
    `ssh_command`: core.sshCommand ("" when unset) when the caller already read the configuration."""
    # Keep the user's own ssh command (a key file, a proxy), only forbid it to ask.
    configured = _config_value(repo, "core", "sshCommand") if ssh_command is None else ssh_command
    ssh = os.environ.get("GIT_SSH_COMMAND") or configured or "ssh"
    return {
        **GIT_LOCALE,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_ASKPASS": "",
        "SSH_ASKPASS": "",
        "GCM_INTERACTIVE": "never",  # Git Credential Manager: fail rather than open a window
        "GIT_SSH_COMMAND": f"{ssh} {SSH_OPTIONS}",
    }


def _config_value(repo: Repo, section: str, option: str) -> str | None:
    try:
        with repo.config_reader() as reader:
            value = reader.get_value(section, option, default="")
    except Exception:  # unreadable config: fall back to plain ssh, the push reports the rest
        return None
    return str(value) or None


def repo_relative(repo: Repo, paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Paths as git names them: posix, relative to the working tree, in the order given."""
    top = os.path.realpath(repo.working_tree_dir or ".")
    result: list[str] = []
    parents: dict[str, str] = {}  # realpath walks every component: once per folder, not per file
    for path in paths:
        p = os.fspath(path)
        if not os.path.isabs(p):
            p = os.path.join(top, p)
        # realpath of the parent only: the file itself may be deleted
        parent, name = os.path.split(p)
        if parent not in parents:
            parents[parent] = os.path.realpath(parent)
        real = os.path.join(parents[parent], name)
        rel = os.path.relpath(real, top)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
            continue  # outside the repository: git could not commit it anyway
        rel = Path(rel).as_posix()
        if rel not in result:
            result.append(rel)
    return result


def safe_url(url: str) -> str:
    """The remote URL without any user name or token in it, fit for a message."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme and "@" in parts.netloc:
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return url


class RecordingProgress(RemoteProgress):
    """GitPython's progress parser that forwards to a plain callback and keeps every other line.

    GitPython only keeps `error:`/`fatal:` lines as the error text; ssh's "Permission denied
    (publickey)" arrives as a plain line, and it is what tells a credential problem apart.
    """

    _STAGES = {
        RemoteProgress.COUNTING: "Counting objects",
        RemoteProgress.COMPRESSING: "Compressing objects",
        RemoteProgress.WRITING: "Writing objects",
        RemoteProgress.RECEIVING: "Receiving objects",
        RemoteProgress.RESOLVING: "Resolving deltas",
        RemoteProgress.FINDING_SOURCES: "Finding sources",
        RemoteProgress.CHECKING_OUT: "Checking out files",
    }

    def __init__(self, callback: ProgressCallback | None = None):
        super().__init__()
        self._callback = callback

    def update(self, op_code, cur_count, max_count=None, message=""):  # noqa: ANN001 (GitPython's signature)
        if self._callback is None:
            return
        stage = self._STAGES.get(op_code & RemoteProgress.OP_MASK, "Working")
        fraction = None
        if max_count:
            fraction = min(1.0, float(cur_count) / float(max_count))
        self._callback(stage, fraction)

    def text(self) -> str:
        return "\n".join([*self.other_lines, *self.error_lines])


_AUTH_SIGNS = (
    "could not read username",
    "could not read password",
    "terminal prompts disabled",
    "authentication failed",
    "permission denied (publickey",
    "host key verification failed",
    "invalid username or password",
    "http basic: access denied",
    "the requested url returned error: 401",
    "the requested url returned error: 403",
)
_UNREACHABLE_SIGNS = (
    ("could not resolve host", "host not found"),
    ("could not resolve hostname", "host not found"),
    ("connection refused", "connection refused"),
    ("failed to connect", "connection failed"),
    ("couldn't connect", "connection failed"),
    ("network is unreachable", "network unreachable"),
    ("timed out", "no answer in time"),
    ("does not appear to be a git repository", "no repository there"),
    ("repository not found", "no repository there"),
    ("unable to access", "no answer"),
    ("could not read from remote repository", "no answer"),
)


def explain_remote_failure(what: str, url: str, text: str) -> PublishError:
    """Turn git's stderr from a remote command into the error the user can act on."""
    low = text.lower()
    shown = safe_url(url)
    if any(sign in low for sign in _AUTH_SIGNS):
        return AuthRequiredError(shown)
    for sign, detail in _UNREACHABLE_SIGNS:
        if sign in low:
            return RemoteUnreachableError(shown, detail)
    return GitCommandFailedError(what, first_error_line(text))


def first_error_line(text: str) -> str:
    """The line of git's output that says what went wrong, without the `fatal:` prefix."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines:
        m = re.match(r"^(?:fatal|error):\s*(.*)$", line)
        if m:
            return m.group(1)
    return lines[-1] if lines else "no output from git"


def command_text(error: GitCommandError) -> str:
    """All that git said on a failed command (GitPython wraps it with its own prefix)."""
    stderr = error.stderr if isinstance(error.stderr, str) else (error.stderr or b"").decode(
        "utf-8", "replace"
    )
    stderr = re.sub(r"^\s*stderr: '?", "", stderr.strip()).rstrip("'")
    stdout = error.stdout if isinstance(error.stdout, str) else ""
    stdout = re.sub(r"^\s*stdout: '?", "", (stdout or "").strip()).rstrip("'")
    return "\n".join(part for part in (stderr, stdout) if part)
