"""A real HTTP server on 127.0.0.1 that answers as Crossref, DataCite and the arXiv API did
(the recorded answers in tests/fixtures/resolver/), and servers that fail: 404, 500, malformed
JSON, or no answer at all.

    python tests/resolver_server.py [PORT]     # serve the recordings until interrupted;
    HOMEPAGE_TUI_RESOLVER_URL=http://127.0.0.1:PORT homepage-tui add-pub 10.1371/journal.pone.0033693
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

RECORDED = Path(__file__).parent / "fixtures" / "resolver"

CROSSREF = {"10.1371/journal.pone.0033693": "crossref_10.1371_journal.pone.0033693.json"}
DATACITE = {"10.48550/arxiv.2201.06719": "datacite_10.48550_arxiv.2201.06719.json"}
ARXIV = {"1605.08386": "arxiv_1605.08386.xml", "1111.2011": "arxiv_1111.2011.xml"}
ARXIV_UNKNOWN = "arxiv_0000.0000.xml"  # what arXiv answers for an id it does not have


class RecordedHandler(BaseHTTPRequestHandler):
    """Answers GET /works/DOI, /dois/DOI and /api/query?id_list=ID from the recordings."""

    requests: list[str]  # set per server: the paths asked, for tests

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path.startswith("/works/"):
            return self._file(CROSSREF.get(path[len("/works/"):].lower()), "application/json",
                              b"Resource not found.")
        if path.startswith("/dois/"):
            return self._file(DATACITE.get(path[len("/dois/"):].lower()), "application/vnd.api+json",
                              b'{"errors":[{"status":"404","title":"The resource you are looking for doesn\'t exist."}]}')
        if path == "/api/query":
            ident = (parse_qs(url.query).get("id_list") or [""])[0].split("v")[0]
            return self._file(ARXIV.get(ident, ARXIV_UNKNOWN), "application/atom+xml; charset=utf-8", b"")
        self._send(404, "text/plain", b"Not found")

    def _file(self, name: str | None, content_type: str, missing: bytes) -> None:
        if name is None:
            self._send(404, "text/plain", missing)
        else:
            self._send(200, content_type, (RECORDED / name).read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet in tests
        pass


class FaultyHandler(RecordedHandler):
    """Every request fails the same way: the server's `fault` ("404", "500", "malformed", "hang")."""

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        fault = self.server.fault  # type: ignore[attr-defined]
        if fault == "404":
            self._send(404, "text/plain", b"Resource not found.")
        elif fault == "500":
            self._send(500, "text/html", b"<html><body>Internal Server Error</body></html>")
        elif fault == "malformed":
            body = b'{"status":"ok","message-type":"work","message":{"title":["Trunc'
            self._send(200, "application/json", body + b"\n<feed><entry><title>x")
        elif fault == "hang":
            self.server.release.wait(30)  # type: ignore[attr-defined]  # answers nothing until shutdown
        else:
            raise ValueError(fault)


@contextmanager
def serving(handler=RecordedHandler, fault: str = "", port: int = 0):
    """A server on 127.0.0.1 in a thread; yields its base URL (http://127.0.0.1:PORT)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.requests = []  # type: ignore[attr-defined]
    server.fault = fault  # type: ignore[attr-defined]
    server.release = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()  # type: ignore[attr-defined]
        server.shutdown()
        server.server_close()


def base_url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


if __name__ == "__main__":
    with serving(port=int(sys.argv[1]) if len(sys.argv) > 1 else 0) as srv:
        print(base_url(srv), flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
