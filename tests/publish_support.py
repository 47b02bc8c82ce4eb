"""Real git repositories for the publish tests: a small AcadHomepage-like site and its origins.

Nothing here fakes git: every helper runs the git binary on folders under the test's tmp_path.
"""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

NEWS = """\
# News, newest first
- date: '2024.10'
  text: Our paper **FedImpro** is accepted at ICLR 2024.
- date: '2024.06'
  text: I joined the lab.
"""

PUBLICATIONS = """\
- title: 'FedImpro: Measuring and Improving Client Update in Federated Learning'
  authors: [Zhenheng Tang, Yonggang Zhang]
  venue: ICLR 2024
- title: Second paper
  authors: [Zhenheng Tang]
  venue: NeurIPS 2023
"""

ABOUT = """\
---
permalink: /
---
# News
<!-- homepage-tui:begin news -->
- [2024.10] Our paper **FedImpro** is accepted at ICLR 2024.
<!-- homepage-tui:end news -->
"""

CONFIG = "title: My homepage\ninclude: [_pages]\nexclude: [content]\n"


def identity_env(home: Path) -> dict[str, str]:
    """A git identity and an empty global config: CI machines have neither."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "gitconfig"
    config.touch()
    return {
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Test Author",
        "GIT_COMMITTER_EMAIL": "author@example.com",
        "GIT_CONFIG_GLOBAL": str(config),
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def git(cwd: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout.rstrip("\n")


@dataclass
class SiteRepo:
    root: Path
    origin: Path | None = None
    managed: list[Path] = field(default_factory=list)
    # Regenerate the page after each content change, as the editor and add-news do: publishing
    # refuses a page that is out of date with its content (the CLI and app tests set this).
    render_page: bool = False

    def render(self) -> None:
        from homepage_tui.site import Site

        Site.open(self.root).render()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def head(self) -> str:
        return git(self.root, "rev-parse", "HEAD")

    def origin_head(self, branch: str = "main") -> str:
        assert self.origin is not None
        return git(self.origin, "rev-parse", f"refs/heads/{branch}")

    def add_news(self, date: str, text: str) -> None:
        news = self.read("content/news.yml")
        head, _, rest = news.partition("\n")
        self.write("content/news.yml", f"{head}\n- date: '{date}'\n  text: {text}\n{rest}")
        if self.render_page:
            self.render()


def managed_paths(root: Path) -> list[Path]:
    """The files the tool manages, as Site.managed_paths() lists them."""
    return sorted((root / "content").glob("*.yml")) + [root / "_pages/about.md", root / "_config.yml"]


def make_rendered_site(base: Path, name: str = "site") -> SiteRepo:
    """make_site with its page regenerated from the content and committed: a site that passes
    `check`, so that publishing it goes ahead."""
    site = make_site(base, name)
    site.render_page = True
    site.render()
    git(site.root, "commit", "-q", "-am", "render the page")
    return site


def make_site(base: Path, name: str = "site") -> SiteRepo:
    root = base / name
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    site = SiteRepo(root)
    site.write("content/news.yml", NEWS)
    site.write("content/publications.yml", PUBLICATIONS)
    site.write("_pages/about.md", ABOUT)
    site.write("_config.yml", CONFIG)
    site.write("README.md", "My site\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial site")
    site.managed = managed_paths(root)
    return site


def add_bare_origin(site: SiteRepo, name: str = "origin.git") -> Path:
    """A bare repository next to the site as its `origin`, with main pushed and tracked."""
    origin = site.root.parent / name
    git(site.root.parent, "init", "-q", "--bare", "-b", "main", str(origin))
    git(site.root, "remote", "add", "origin", str(origin))
    git(site.root, "push", "-q", "-u", "origin", "main")
    site.origin = origin
    return origin


def clone(origin: Path, dest: Path) -> SiteRepo:
    git(origin.parent, "clone", "-q", str(origin), str(dest))
    site = SiteRepo(dest, origin)
    site.managed = managed_paths(dest)
    return site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GitDaemon:
    """`git daemon` serving a folder on 127.0.0.1 with push (receive-pack) enabled."""

    def __init__(self, base: Path):
        self.base = base
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "GitDaemon":
        self.proc = subprocess.Popen(
            [
                "git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
                f"--base-path={self.base}", f"--port={self.port}", "--listen=127.0.0.1",
                str(self.base),
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # wait until it listens (bounded)
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("git daemon did not start listening")

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}"

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


class UnauthorizedServer:
    """An HTTP server on 127.0.0.1 that answers every request 401 with `WWW-Authenticate: Basic`.

    It records the requests, so a test can see git reached it and never sent credentials.
    """

    def __init__(self) -> None:
        requests: list[dict[str, str]] = []
        self.requests = requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                requests.append({"path": self.path, "authorization": self.headers.get("Authorization", "")})
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="homepage"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "UnauthorizedServer":
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/site.git"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never answers: a remote that hangs."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self.held.append(conn)
            except OSError:
                continue

    def __enter__(self) -> "SilentServer":
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/site.git"

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        for conn in self.held:
            conn.close()
        self.sock.close()


def set_env(monkeypatch, env: dict[str, str]) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in ("GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH_COMMAND", "EMAIL", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(key, raising=False)


def environ_with(env: dict[str, str]) -> dict[str, str]:
    merged = dict(os.environ)
    merged.update(env)
    return merged
