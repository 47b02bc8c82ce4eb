"""The browser preview: the page served on 127.0.0.1, reloaded in the browser as it changes.

With Jekyll installed the real site is built: the site is copied (hard links where it can) to a
temporary folder, the page files are written there with the editor's current text, and
`jekyll build --watch --incremental` rebuilds `_site` when they change, so the browser shows the
user's own layout, CSS and images as GitHub Pages will. Without Jekyll (or when the site does not
build with the Jekyll at hand) the page is rendered by homepage_tui.preview's HTML renderer.

Served HTML gets a small script that asks `/__homepage-tui/version` every few hundred
milliseconds and reloads (keeping the scroll position) when a new build is there. No Textual here:
the editor's `w` and `homepage-tui preview --serve` share it.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import urlsplit

from .errors import HomepageError
from .preview import to_html
from .store import atomic_write

VERSION_PATH = "/__homepage-tui/version"
RELOAD_SCRIPT = """
<script>/* homepage-tui live reload */
(function () {
  var key = "homepage-tui-scroll:" + location.pathname, seen = null;
  var y = sessionStorage.getItem(key);
  if (y !== null) { window.addEventListener("load", function () { window.scrollTo(0, +y); }); }
  function poll() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen === null) { seen = v; }
      else if (v !== seen) { sessionStorage.setItem(key, String(window.scrollY)); location.reload(); return; }
      setTimeout(poll, 300);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>
""" % VERSION_PATH
# Not copied into the build folder: git's data, earlier builds, caches, homepage-tui's YAML.
SKIP = {".git", "_site", ".jekyll-cache", ".jekyll-metadata", ".sass-cache", "node_modules", "vendor",
        ".venv", ".bundle", "content"}
FIRST_BUILD_TIMEOUT = 120.0
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


class PreviewError(HomepageError):
    """The browser preview cannot start (no free port, the site does not build)."""


# ------------------------------------------------------------------ builds


class HtmlBuild:
    """homepage-tui's own render of the page, written as index.html."""

    kind = "html"

    def __init__(self, main_page: str, title: str, on_built: Callable[[], None]):
        self.main_page = main_page
        self.title = title
        self.on_built = on_built
        self.directory = Path(tempfile.mkdtemp(prefix="homepage-tui-preview-"))
        self.note = "homepage-tui's own render (Jekyll is not installed)"
        self._last: str | None = None

    def update(self, pages: Mapping[str, str]) -> None:
        """`pages`: the page files' text by path relative to the site; the main page first."""
        text = pages.get(self.main_page, "")
        text += "".join("\n\n" + t for rel, t in pages.items() if rel != self.main_page)
        if text == self._last:
            return  # the same page: no build, no reload in the browser
        self._last = text
        atomic_write(self.directory / "index.html", to_html(text, title=self.title))
        self.on_built()

    def close(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)  # the user's images are not duplicated; pages are replaced, not written into
    except OSError:
        shutil.copy2(src, dst)


def _die_with_parent() -> None:
    """In the Jekyll child, before exec: Linux sends it SIGTERM when homepage-tui dies, even by
    SIGKILL, so a watcher is never left running. Elsewhere close() is the only stop."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class JekyllBuild:
    """The real site, rebuilt by `jekyll build --watch --incremental` in a copy of the site."""

    kind = "jekyll"

    def __init__(self, site_root: Path, pages: Mapping[str, str], on_built: Callable[[], None],
                 jekyll: str = "jekyll"):
        self.on_built = on_built
        self.errors: list[str] = []
        self.work = Path(tempfile.mkdtemp(prefix="homepage-tui-jekyll-"))
        self.source = self.work / "site"
        self.directory = self.work / "_site"
        self.note = "the real site, built by Jekyll"
        self._first = threading.Event()
        self._written: dict[str, str] = {}
        self.process: subprocess.Popen | None = None
        try:
            shutil.copytree(site_root, self.source, symlinks=True, copy_function=_link_or_copy,
                            ignore=lambda folder, names: [n for n in names if n in SKIP])
            self._write(pages)
            self.process = subprocess.Popen(
                [jekyll, "build", "--watch", "--incremental", "--source", str(self.source),
                 "--destination", str(self.directory), "--baseurl", ""],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                start_new_session=True,  # its own process group: stopped whole
                # The death signal follows the thread that started Jekyll: only the main thread's.
                preexec_fn=_die_with_parent if threading.current_thread() is threading.main_thread() else None)
        except (OSError, shutil.Error) as error:
            self.close()
            raise PreviewError(f"cannot start Jekyll: {error}") from None
        self._reader = threading.Thread(target=self._read, name="jekyll-output", daemon=True)
        self._reader.start()
        if not self._first.wait(FIRST_BUILD_TIMEOUT) or not self._built_once:
            reason = self.errors[0] if self.errors else "it stopped without a word"
            self.close()
            raise PreviewError(f"Jekyll did not build the site: {reason.replace(str(self.source), str(site_root))}")

    _built_once = False

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            text = ANSI_RE.sub("", line).strip()
            if "done in" in text:
                self._built_once = True
                self._first.set()
                self.on_built()
            elif re.search(r"error|exception", text, re.I) and not text.startswith("from "):
                self.errors.append(text)
        self._first.set()  # it ended: whoever waits for the first build stops waiting

    def _write(self, pages: Mapping[str, str]) -> None:
        for rel, text in pages.items():
            if self._written.get(rel) != text:
                target = self.source / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(target, text)
                self._written[rel] = text

    def update(self, pages: Mapping[str, str]) -> None:
        self._write(pages)  # Jekyll's watcher sees the new file and rebuilds; _read reports it

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()
        shutil.rmtree(self.work, ignore_errors=True)


# ------------------------------------------------------------------ the server


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: "_Server"

    def __init__(self, request, client_address, server: "_Server"):
        super().__init__(request, client_address, server, directory=str(server.preview.build.directory))

    def log_message(self, format, *args) -> None:  # the terminal belongs to the editor
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == VERSION_PATH:
            self._send(str(self.server.preview.version).encode(), "text/plain")
            return
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix in (".html", ".htm") and file.is_file():
            try:
                html = file.read_text(encoding="utf-8", errors="replace")
            except OSError:
                self.send_error(404)
                return
            at = html.lower().rfind("</body>")
            html = html[:at] + RELOAD_SCRIPT + html[at:] if at >= 0 else html + RELOAD_SCRIPT
            self._send(html.encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    preview: "PreviewServer"

    def handle_error(self, request, client_address) -> None:
        pass  # a browser that closes its connection early; never a traceback on the user's terminal


class PreviewServer:
    """Serves a build on 127.0.0.1 (a port the OS picks) until `stop()`."""

    def __init__(self, build: "HtmlBuild | JekyllBuild"):
        self.build = build
        self.version = 0
        self._lock = threading.Lock()
        self._built = threading.Condition(self._lock)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def kind(self) -> str:
        return self.build.kind

    def bump(self) -> None:
        """A new build is there: browsers reload at their next poll."""
        with self._built:
            self.version += 1
            self._built.notify_all()

    def wait_for_version(self, after: int, timeout: float) -> bool:
        """True once a build newer than `after` is served (tests, and the command line)."""
        with self._built:
            return self._built.wait_for(lambda: self.version > after, timeout)

    def start(self, port: int = 0) -> str:
        try:
            httpd = _Server(("127.0.0.1", port), _Handler)
        except OSError as error:
            self.build.close()
            raise PreviewError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None
        httpd.preview = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="preview-server", daemon=True)
        self._thread.start()
        return self.url

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def update(self, pages: Mapping[str, str]) -> None:
        self.build.update(pages)

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.build.close()


def site_pages(site) -> tuple[str, dict[str, str]]:
    """(the main page's path relative to the site, every page file's text with its regions as
    the site's sections hold them now, by relative path; the main page first)."""
    root = site.root.resolve()
    main = site.page_path.resolve()
    pages = {path.resolve(): new for path, (_, new) in site.rendered_pages().items()}
    ordered = {main: pages.pop(main, None) or main.read_text(encoding="utf-8"), **pages}
    return (str(main.relative_to(root)), {str(Path(p).relative_to(root)): text for p, text in ordered.items()})


def start_preview(site_root: Path, main_page: str, pages: Mapping[str, str], title: str,
                  use_jekyll: bool | None = None, port: int = 0) -> tuple[PreviewServer, str]:
    """Build and serve the page; (server, a note for the user: what is served, and why).
    `use_jekyll` None: Jekyll when it is installed, else homepage-tui's render."""
    holder: list[PreviewServer] = []

    def built() -> None:
        if holder:
            holder[0].bump()

    jekyll = shutil.which("jekyll")
    why_not = ""
    build: HtmlBuild | JekyllBuild | None = None
    if use_jekyll is not False and jekyll:
        try:
            build = JekyllBuild(Path(site_root), pages, built, jekyll=jekyll)
        except PreviewError as error:
            if use_jekyll:
                raise
            why_not = str(error)
    elif use_jekyll:
        raise PreviewError("Jekyll is not installed (Debian: apt-get install jekyll)")
    if build is None:
        build = HtmlBuild(main_page, title, built)
        build.update(pages)
        if why_not:
            build.note = f"homepage-tui's own render ({why_not})"
        elif jekyll:
            build.note = "homepage-tui's own render"
    server = PreviewServer(build)
    holder.append(server)
    server.start(port)
    return server, build.note
