"""DOIs and arXiv ids to references, over HTTP, behind one small interface.

`IdResolver.resolve(kind, identifier)` asks Crossref for most DOIs, DataCite for arXiv's
10.48550 DOIs and the arXiv API for arXiv ids. Each answer is read with the standard library
(urllib, json, ElementTree): three GET requests do not need a client library. Every failure is
a `ResolveError` whose message is one line (not found, the service's error, an answer that does
not parse, no answer within the timeout, offline).

The base URLs are injectable (tests point them at 127.0.0.1): per service with
HOMEPAGE_TUI_CROSSREF_URL, HOMEPAGE_TUI_DATACITE_URL, HOMEPAGE_TUI_ARXIV_URL, or all three at one
server with HOMEPAGE_TUI_RESOLVER_URL (the paths /works/, /dois/ and /api/query do not overlap);
HOMEPAGE_TUI_RESOLVER_TIMEOUT changes the 5 s.
"""

from __future__ import annotations

import html
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, Protocol

from .. import __version__
from ..errors import HomepageError
from . import identifiers
from .names import _parts
from .reference import Person, Reference

TIMEOUT = 5.0
CROSSREF_URL = "https://api.crossref.org"
DATACITE_URL = "https://api.datacite.org"
ARXIV_URL = "https://export.arxiv.org"
ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV_NS = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"

CROSSREF_KINDS = {
    "journal-article": "journal", "proceedings-article": "conference", "posted-content": "preprint",
    "book-chapter": "book", "book": "book", "monograph": "book", "edited-book": "book",
    "dissertation": "thesis", "report": "other",
}


class ResolveError(HomepageError):
    """A DOI or arXiv id could not be turned into a publication; one line saying why."""


class Resolver(Protocol):
    name: str

    def resolve(self, identifier: str) -> Reference: ...


@dataclass
class Endpoints:
    crossref: str = CROSSREF_URL
    datacite: str = DATACITE_URL
    arxiv: str = ARXIV_URL

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Endpoints":
        env = dict(os.environ if env is None else env)
        common = env.get("HOMEPAGE_TUI_RESOLVER_URL", "").rstrip("/")
        return cls(crossref=env.get("HOMEPAGE_TUI_CROSSREF_URL") or common or CROSSREF_URL,
                   datacite=env.get("HOMEPAGE_TUI_DATACITE_URL") or common or DATACITE_URL,
                   arxiv=env.get("HOMEPAGE_TUI_ARXIV_URL") or common or ARXIV_URL)


def timeout_from_env(env: dict[str, str] | None = None) -> float:
    """HOMEPAGE_TUI_RESOLVER_TIMEOUT (seconds) when it is a positive number, else 5 s."""
    value = (os.environ if env is None else env).get("HOMEPAGE_TUI_RESOLVER_TIMEOUT", "")
    try:
        seconds = float(value)
    except ValueError:
        return TIMEOUT
    return seconds if seconds > 0 else TIMEOUT


def fetch(url: str, service: str, what: str, timeout: float, accept: str) -> bytes:
    """The body of a GET; every failure is a one-line ResolveError."""
    request = urllib.request.Request(url, headers={
        "Accept": accept, "User-Agent": f"homepage-tui/{__version__} (academic homepage editor)"})
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise ResolveError(f"{what}: not found at {service}") from None
        raise ResolveError(f"{what}: {service} answered {exc.code} {exc.reason}; try again later") from None
    except (TimeoutError, socket.timeout):
        raise ResolveError(f"{what}: {service} ({host}) did not answer within {timeout:g} s; "
                           "offline? (pasted BibTeX works without network)") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ResolveError(f"{what}: {service} ({host}) did not answer within {timeout:g} s; "
                               "offline? (pasted BibTeX works without network)") from None
        raise ResolveError(f"{what}: cannot reach {service} ({host}): {getattr(reason, 'strerror', None) or reason}; "
                           "offline? (pasted BibTeX works without network)") from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed URL
        raise ResolveError(f"{what}: {service} ({host}) failed: {exc}") from None


def _json(body: bytes, service: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ResolveError(f"{what}: {service} sent an answer that is not JSON") from None
    if not isinstance(data, dict):
        raise ResolveError(f"{what}: {service} sent JSON of an unexpected shape")
    return data


def _clean(text: Any) -> str:
    """A title or name from a service: JATS/HTML tags and entities out, spaces collapsed."""
    text = re.sub(r"<[^>]+>", "", str(text or ""))
    return " ".join(html.unescape(text).split())


def _first(value: Any) -> str:
    if isinstance(value, list):
        return _clean(value[0]) if value else ""
    return _clean(value)


class CrossrefResolver:
    name = "Crossref"

    def __init__(self, base_url: str = CROSSREF_URL, timeout: float = TIMEOUT):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout

    def resolve(self, identifier: str) -> Reference:
        doi = identifiers.normal_doi(identifier)
        what = f"DOI {doi}"
        body = fetch(f"{self.base_url}/works/{urllib.parse.quote(doi, safe='/')}", self.name, what,
                     self.timeout, "application/json")
        message = _json(body, self.name, what).get("message")
        if not isinstance(message, dict):
            raise ResolveError(f"{what}: {self.name} sent JSON without a `message`")
        title = _first(message.get("title"))
        if not title:
            raise ResolveError(f"{what}: {self.name}'s record has no title")
        authors = []
        for person in message.get("author") or []:
            if person.get("family"):
                authors.append(Person(first=_clean(person.get("given")), last=_clean(person["family"])))
            elif person.get("name"):
                authors.append(Person(first="", last=_clean(person["name"])))
        venue = _first(message.get("container-title"))
        if not venue:  # posted content (preprints) names its server as the institution
            institution = message.get("institution") or [{}]
            venue = _clean(institution[0].get("name") if isinstance(institution[0], dict) else "") \
                or _clean(message.get("publisher"))
        year = ""
        for key in ("issued", "published-print", "published-online", "published", "created"):
            parts = (message.get(key) or {}).get("date-parts") or [[None]]
            if parts and parts[0] and parts[0][0]:
                year = str(parts[0][0])
                break
        kind = CROSSREF_KINDS.get(str(message.get("type")), "other")
        if kind == "conference" and re.search(r"\bworkshops?\b", venue, re.I):
            kind = "workshop"
        return Reference(title=title, authors=authors, venue=venue, year=year, kind=kind,
                         doi=identifiers.normal_doi(str(message.get("DOI") or doi)), url="",
                         source=self.name)


class DataCiteResolver:
    name = "DataCite"

    def __init__(self, base_url: str = DATACITE_URL, timeout: float = TIMEOUT):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout

    def resolve(self, identifier: str) -> Reference:
        doi = identifiers.normal_doi(identifier)
        what = f"DOI {doi}"
        body = fetch(f"{self.base_url}/dois/{urllib.parse.quote(doi, safe='/')}", self.name, what,
                     self.timeout, "application/vnd.api+json, application/json")
        data = _json(body, self.name, what).get("data")
        attributes = data.get("attributes") if isinstance(data, dict) else None
        if not isinstance(attributes, dict):
            raise ResolveError(f"{what}: {self.name} sent JSON without `data.attributes`")
        title = _first([t.get("title") for t in attributes.get("titles") or [] if isinstance(t, dict)])
        if not title:
            raise ResolveError(f"{what}: {self.name}'s record has no title")
        authors = []
        for person in attributes.get("creators") or []:
            if person.get("familyName"):
                authors.append(Person(first=_clean(person.get("givenName")), last=_clean(person["familyName"])))
            elif person.get("name"):
                authors.append(_parts(_clean(person["name"])))
        arxiv = identifiers.arxiv_of_doi(doi) or ""
        for ident in attributes.get("identifiers") or []:
            if isinstance(ident, dict) and str(ident.get("identifierType", "")).lower() == "arxiv":
                arxiv = identifiers.normal_arxiv(str(ident.get("identifier")))
        publisher = attributes.get("publisher")
        publisher = _clean(publisher.get("name") if isinstance(publisher, dict) else publisher)
        if arxiv:
            venue, kind = f"arXiv preprint arXiv:{arxiv}", "preprint"
        else:
            general = str((attributes.get("types") or {}).get("resourceTypeGeneral", ""))
            venue = _clean((attributes.get("container") or {}).get("title")) or publisher
            kind = {"Preprint": "preprint", "JournalArticle": "journal", "ConferencePaper": "conference",
                    "Book": "book", "BookChapter": "book", "Dissertation": "thesis"}.get(general, "other")
        return Reference(title=title, authors=authors, venue=venue, year=str(attributes.get("publicationYear") or ""),
                         kind=kind, doi=doi, arxiv=arxiv, url=str(attributes.get("url") or ""), source=self.name)


class ArxivResolver:
    name = "arXiv"

    def __init__(self, base_url: str = ARXIV_URL, timeout: float = TIMEOUT):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout

    def resolve(self, identifier: str) -> Reference:
        arxiv = identifiers.normal_arxiv(identifier)
        what = f"arXiv {arxiv}"
        query = urllib.parse.urlencode({"id_list": arxiv, "max_results": "1"})
        body = fetch(f"{self.base_url}/api/query?{query}", self.name, what, self.timeout, "application/atom+xml")
        try:
            feed = ET.fromstring(body)
        except ET.ParseError:
            raise ResolveError(f"{what}: {self.name} sent an answer that is not an Atom feed") from None
        entry = feed.find(f"{ATOM}entry")
        entry_id = entry.findtext(f"{ATOM}id", "") if entry is not None else ""
        if entry is None or "/api/errors" in entry_id:
            raise ResolveError(f"{what}: not found at {self.name}")
        title = _clean(entry.findtext(f"{ATOM}title"))
        if not title:
            raise ResolveError(f"{what}: {self.name}'s record has no title")
        authors = [_parts(_clean(a.findtext(f"{ATOM}name"))) for a in entry.findall(f"{ATOM}author")]
        published = entry.findtext(f"{ATOM}published", "") or entry.findtext(f"{ATOM}updated", "")
        doi = entry.findtext(f"{ARXIV_NS}doi", "").strip()
        journal = _clean(entry.findtext(f"{ARXIV_NS}journal_ref", ""))
        venue, kind = (journal, "journal") if journal else (f"arXiv preprint arXiv:{arxiv}", "preprint")
        return Reference(title=title, authors=[a for a in authors if a.last], venue=venue, year=published[:4],
                         kind=kind, doi=identifiers.normal_doi(doi) if doi else "", arxiv=arxiv, source=self.name)


class IdResolver:
    """Routes an identifier to the service that knows it."""

    def __init__(self, endpoints: Endpoints | None = None, timeout: float | None = None):
        endpoints = endpoints or Endpoints.from_env()
        timeout = timeout_from_env() if timeout is None else timeout
        self.crossref = CrossrefResolver(endpoints.crossref, timeout)
        self.datacite = DataCiteResolver(endpoints.datacite, timeout)
        self.arxiv = ArxivResolver(endpoints.arxiv, timeout)

    def resolver_for(self, kind: str, identifier: str) -> Resolver:
        if kind == identifiers.ARXIV:
            return self.arxiv
        if identifiers.normal_doi(identifier).startswith("10.48550/"):
            return self.datacite
        return self.crossref

    def resolve(self, kind: str, identifier: str) -> Reference:
        return self.resolver_for(kind, identifier).resolve(identifier)
