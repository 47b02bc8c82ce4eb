"""The resolver against a real HTTP server on 127.0.0.1: recorded answers of Crossref, DataCite
and the arXiv API, and servers that fail (404, 500, malformed JSON, no answer, offline)."""

from __future__ import annotations

import socket

import pytest

from homepage_tui.bib.paste import references_from_text
from homepage_tui.bib.resolve import Endpoints, IdResolver, ResolveError
from resolver_server import FaultyHandler, base_url, serving


@pytest.fixture
def recorded():
    with serving() as server:
        url = base_url(server)
        yield server, IdResolver(Endpoints(crossref=url, datacite=url, arxiv=url), timeout=5)


def test_crossref_doi(recorded):
    server, resolver = recorded
    [ref] = references_from_text("https://doi.org/10.1371/journal.pone.0033693", resolver)
    assert ref.title == ("Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia "
                         "in the Basal Ganglia of Mice")
    assert [a.full for a in ref.authors][:2] == ["Shankar Sadasivan", "Brooks B. Pond"]
    assert (ref.venue, ref.year, ref.kind, ref.doi) == ("PLoS ONE", "2012", "journal", "10.1371/journal.pone.0033693")
    assert server.requests == ["/works/10.1371/journal.pone.0033693"]


def test_arxiv_doi_goes_to_datacite(recorded):
    server, resolver = recorded
    [ref] = references_from_text("10.48550/arXiv.2201.06719", resolver)
    assert ref.title.startswith("Determination of hyperfine splittings and Landé $g_J$ factors")
    assert [a.full for a in ref.authors][:2] == ["J. Z. Han", "R. Si"]
    assert (ref.venue, ref.year, ref.kind, ref.arxiv) == ("arXiv preprint arXiv:2201.06719", "2022", "preprint", "2201.06719")
    assert server.requests == ["/dois/10.48550/arxiv.2201.06719"]


def test_arxiv_id_goes_to_the_arxiv_api(recorded):
    server, resolver = recorded
    [ref] = references_from_text("https://arxiv.org/abs/1605.08386v1", resolver)
    assert ref.title == "Heat-bath random walks with Markov bases"
    assert [a.full for a in ref.authors] == ["Caprice Stanley", "Tobias Windisch"]
    assert (ref.venue, ref.year, ref.kind, ref.arxiv) == ("arXiv preprint arXiv:1605.08386", "2016", "preprint", "1605.08386")
    assert server.requests[0].startswith("/api/query?id_list=1605.08386")


def test_arxiv_paper_with_a_journal_reference_and_doi(recorded):
    _, resolver = recorded
    [ref] = references_from_text("arXiv:1111.2011v2", resolver)
    assert ref.venue == "Phys. Rev. B 85, 115117 (2012)" and ref.kind == "journal"
    assert ref.doi == "10.1103/physrevb.85.115117" and ref.year == "2011"


def test_several_ids_in_one_paste(recorded):
    server, resolver = recorded
    refs = references_from_text("10.1371/journal.pone.0033693\n1605.08386, 10.48550/arXiv.2201.06719", resolver)
    assert [r.kind for r in refs] == ["journal", "preprint", "preprint"]


@pytest.mark.parametrize("paste, reason", [
    ("10.1371/does.not.exist", "DOI 10.1371/does.not.exist: not found at Crossref"),
    ("10.48550/arXiv.9999.99999", "DOI 10.48550/arxiv.9999.99999: not found at DataCite"),
    ("0000.0000", "arXiv 0000.0000: not found at arXiv"),
])
def test_unknown_ids_are_not_found(recorded, paste, reason):
    _, resolver = recorded
    with pytest.raises(ResolveError) as err:
        references_from_text(paste, resolver)
    assert str(err.value) == reason


@pytest.mark.parametrize("fault, paste, reason", [
    ("404", "10.1371/journal.pone.0033693", "DOI 10.1371/journal.pone.0033693: not found at Crossref"),
    ("500", "10.1371/journal.pone.0033693", "DOI 10.1371/journal.pone.0033693: Crossref answered 500 Internal Server Error; try again later"),
    ("500", "2401.01234", "arXiv 2401.01234: arXiv answered 500 Internal Server Error; try again later"),
    ("malformed", "10.1371/journal.pone.0033693", "DOI 10.1371/journal.pone.0033693: Crossref sent an answer that is not JSON"),
    ("malformed", "10.48550/arXiv.2201.06719", "DOI 10.48550/arxiv.2201.06719: DataCite sent an answer that is not JSON"),
    ("malformed", "2401.01234", "arXiv 2401.01234: arXiv sent an answer that is not an Atom feed"),
    ("hang", "10.1371/journal.pone.0033693", "DOI 10.1371/journal.pone.0033693: Crossref (127.0.0.1:{port}) did not answer within 0.5 s; offline? (pasted BibTeX works without network)"),
])
def test_failing_services_give_a_one_line_reason(fault, paste, reason):
    with serving(FaultyHandler, fault=fault) as server:
        url = base_url(server)
        resolver = IdResolver(Endpoints(crossref=url, datacite=url, arxiv=url), timeout=0.5)
        with pytest.raises(ResolveError) as err:
            references_from_text(paste, resolver)
        assert str(err.value) == reason.format(port=server.server_address[1])
        assert len(server.requests) == 1


def test_offline_says_so():
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    resolver = IdResolver(Endpoints(crossref=url, datacite=url, arxiv=url), timeout=0.5)
    with pytest.raises(ResolveError, match=r"^DOI 10.1000/x: cannot reach Crossref \(127.0.0.1:\d+\): .*offline\?"):
        references_from_text("10.1000/x", resolver)


def test_the_timeout_comes_from_the_environment():
    from homepage_tui.bib.resolve import timeout_from_env

    assert timeout_from_env({}) == 5.0
    assert timeout_from_env({"HOMEPAGE_TUI_RESOLVER_TIMEOUT": "0.25"}) == 0.25
    assert timeout_from_env({"HOMEPAGE_TUI_RESOLVER_TIMEOUT": "soon"}) == 5.0
    assert timeout_from_env({"HOMEPAGE_TUI_RESOLVER_TIMEOUT": "-1"}) == 5.0


def test_base_urls_come_from_the_environment():
    common = Endpoints.from_env({"HOMEPAGE_TUI_RESOLVER_URL": "http://127.0.0.1:9/"})
    assert common == Endpoints("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9")
    one = Endpoints.from_env({"HOMEPAGE_TUI_ARXIV_URL": "http://127.0.0.1:8"})
    assert one.arxiv == "http://127.0.0.1:8" and one.crossref == "https://api.crossref.org"
