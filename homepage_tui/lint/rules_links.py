"""Rules on links, in the content and in the page's own prose: empty, missing file, plain http."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from homepage_tui import model
from homepage_tui.lint.context import LintContext
from homepage_tui.lint.problem import WARNING, Problem
from homepage_tui.regions import find_regions
from homepage_tui.errors import HomepageError
from homepage_tui.record import Record

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any, Iterator

MD_LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(\s*([^)\s]*)[^)]*\)")
HTML_URL_RE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
BARE_URL_RE = re.compile(r"\bhttps?://[^\s)\]\"'<>]+")
FILE_EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
URL_FIELDS = ("url", "link", "image")

# Hosts that serve https (and redirect http to it): an http:// link to them is only a downgrade.
# Decided without the network: this list, plus any host the site itself links with https://.
KNOWN_HTTPS_HOSTS = frozenset({
    "github.com", "gitlab.com", "arxiv.org", "doi.org", "dx.doi.org", "scholar.google.com",
    "openreview.net", "proceedings.mlr.press", "proceedings.neurips.cc", "papers.nips.cc",
    "aclanthology.org", "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com",
    "openaccess.thecvf.com", "www.youtube.com", "youtube.com", "twitter.com", "x.com",
    "www.linkedin.com", "linkedin.com", "orcid.org", "huggingface.co", "www.semanticscholar.org",
    "dblp.org", "sites.google.com", "drive.google.com", "www.researchgate.net", "medium.com",
    "zenodo.org", "www.nature.com", "www.science.org", "ojs.aaai.org", "www.ijcai.org",
})


class Link(Record):
    FIELDS = ("path", "where", "url", "text")

    def __init__(self, path: str, where: Any, url: str, text: str | None):
        self.path = path
        self.where = where  # the line (page prose), or (EntryRef, key): counted only when a problem is reported
        self.url = url
        self.text = text  # the link's words, None for a field that is a URL

    @property
    def line(self) -> int:
        if isinstance(self.where, int):
            return self.where
        ref, key = self.where
        return ref.line(key)


def _field_links(key: str, value: Any) -> Iterator[tuple[str, str | None]]:
    if isinstance(value, dict):
        if key == "links":
            for name, url in value.items():
                yield model.text_of(url).strip(), model.text_of(name)
        else:
            for k, v in value.items():
                yield from _field_links(k, v)
        return
    if isinstance(value, list):
        for item in value:
            yield from _field_links(key, item)
        return
    text = model.text_of(value)
    if key in URL_FIELDS:
        if text.strip():
            yield text.strip(), None
        return
    yield from _text_links(text)


def _text_links(text: str) -> Iterator[tuple[str, str | None]]:
    if "](" not in text and "=" not in text and "://" not in text:
        return  # none of the three patterns can match (most fields): no regex run
    spans = []
    for m in MD_LINK_RE.finditer(text):
        spans.append(m.span())
        yield m.group(3), m.group(2)
    for m in HTML_URL_RE.finditer(text):
        yield m.group(1).strip(), ""
    for m in BARE_URL_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans) and not text[max(0, m.start() - 2):m.start()].endswith(("=\"", "='")):
            yield m.group(0), None


def links(ctx: LintContext) -> list[Link]:
    """Every link in the content entries and in the page's prose outside the regions (read once
    per check: three rules use them)."""
    cached = ctx.cache.get("links")
    if cached is not None:
        return cached
    found: list[Link] = []
    for ref in ctx.entries():
        rel = ctx.rel(ref.path)
        for key, value in ref.fields.items():
            for url, text in _field_links(key, value):
                found.append(Link(rel, (ref, key), url, text))
    for path, text in ctx.page_texts.items():
        try:
            regions = find_regions(text, str(path))
        except HomepageError:
            regions = []
        # Commented-out HTML is not on the site: blank it, keeping the line numbers.
        shown = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
        offset = 0
        for line_no, line in enumerate(shown.splitlines(keepends=True), start=1):
            inside = any(r.body_start <= offset < r.body_end for r in regions)
            offset += len(line)
            if inside:
                continue
            for url, words in _text_links(line):
                found.append(Link(ctx.rel(path), line_no, url, words))
    ctx.cache["links"] = found
    return found


def empty_links(ctx: LintContext) -> Iterator[Problem]:
    for link in links(ctx):
        if not link.url:
            words = f"[{link.text}]()" if link.text is not None else "a link field"
            yield Problem(link.path, link.line, WARNING, f"{words} links nowhere: add the URL or remove it",
                          "empty-link")


def _repo_file(ctx: LintContext, url: str) -> Path | None:
    """The repository file a site-local link to an image or PDF points at, None for others."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if not parts.path.lower().endswith(FILE_EXTENSIONS) or "{{" in url:
        return None
    local = unquote(parts.path)
    if local.startswith("/"):
        return ctx.site.root / local.lstrip("/")
    # AcadHomepage serves the page at `/`, so a relative link resolves against the site root.
    return ctx.site.root / local


def missing_files(ctx: LintContext) -> Iterator[Problem]:
    for link in links(ctx):
        target = _repo_file(ctx, link.url)
        if target is not None and not target.exists():
            yield Problem(link.path, link.line, WARNING,
                          f"{link.url} links to {ctx.rel(target)}, which is not in the repository", "missing-file")


def insecure_links(ctx: LintContext) -> Iterator[Problem]:
    """http:// links to hosts known to serve https, or that the site links with https elsewhere."""
    all_links = links(ctx)
    https_hosts = {urlsplit(link.url).hostname for link in all_links if link.url.startswith("https://")}
    for link in all_links:
        if not link.url.lower().startswith("http://"):
            continue
        host = (urlsplit(link.url).hostname or "").lower()
        if host in KNOWN_HTTPS_HOSTS or host in https_hosts:
            why = "serves https" if host in KNOWN_HTTPS_HOSTS else "is linked with https:// elsewhere on the site"
            yield Problem(link.path, link.line, WARNING,
                          f"{link.url} uses http:// but {host} {why}: use https://", "http-link")
