"""Build a site with Debian's real `jekyll` and read what a visitor sees: text and links."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

DEMO_DATA = Path(__file__).resolve().parents[1] / "homepage_tui" / "demo_data"


def jekyll_available() -> bool:
    return shutil.which("jekyll") is not None


def build(site: Path, page: str = "_pages/about.md") -> str:
    """Build `site` into a temporary destination and return the page's HTML."""
    dest = site.parent / (site.name + "-built")
    if dest.exists():
        shutil.rmtree(dest)
    proc = subprocess.run(["jekyll", "build", "--source", str(site), "--destination", str(dest), "--quiet",
                           "--disable-disk-cache"], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"jekyll build failed for {site}:\n{proc.stdout}\n{proc.stderr}")
    return (dest / "index.html").read_text(encoding="utf-8")


def site_from_page(folder: Path, page_text: str, extra: dict[str, str] | None = None) -> Path:
    """A minimal buildable site (the demo's _config.yml and layout) holding `page_text`."""
    site = folder
    (site / "_pages").mkdir(parents=True, exist_ok=True)
    (site / "_layouts").mkdir(exist_ok=True)
    shutil.copy(DEMO_DATA / "_config.yml", site / "_config.yml")
    shutil.copy(DEMO_DATA / "_layouts" / "default.html", site / "_layouts" / "default.html")
    (site / "_pages" / "about.md").write_text(page_text, encoding="utf-8")
    for rel, text in (extra or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self._skip = 0
        self._link: list[tuple[str, list[str]]] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title", "head"):
            self._skip += 1
        elif tag == "a":
            self._link.append((dict(attrs).get("href") or "", []))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        elif tag == "img":
            self.links.append(("img:" + (dict(attrs).get("src") or ""), ""))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._link:
            href, words = self._link.pop()
            self.links.append((href, " ".join("".join(words).split())))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for _, words in self._link:
            words.append(data)
        if self._heading is not None:
            self._heading.append(data)


def visible(html: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """(the page's text with whitespace collapsed, its links as (href, text), its headings)."""
    parser = _Visible()
    parser.feed(html)
    return " ".join("".join(parser.text).split()), parser.links, parser.headings
