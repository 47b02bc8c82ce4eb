"""The bundled content is the seed page's data, complete and well formed."""

from pathlib import Path

import pytest

from homepage_tui.site import Site

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    return Site.open(REPO)


def test_counts_match_the_seed_page(site):
    assert len(site.section("news")) == 14
    pubs = site.section("publications").entries
    assert len([p for p in pubs if p.get("group") != "preprint"]) == 22
    assert len([p for p in pubs if p.get("group") == "preprint"]) == 2
    assert len(site.section("awards")) == 8
    service = site.section("service").entries
    assert [len(item["children"]) for item in service] == [2, 2]
    assert [len(c["children"]) for c in service[1]["children"]] == [4, 8]


def test_every_publication_is_complete(site):
    for pub in site.section("publications").entries:
        assert len(pub["title"].split()) >= 3, pub["title"]
        assert pub["authors"] and all(a.strip() for a in pub["authors"]), pub["title"]
        assert pub["venue"] and not pub["venue"].startswith(pub["title"][:20]), pub["title"]
        assert pub["year"].isdigit() and len(pub["year"]) == 4, pub["title"]
        assert pub["kind"] in ("conference", "journal", "workshop", "preprint"), pub["title"]


def test_every_content_file_opens_with_a_comment_and_is_valid(site):
    for path in sorted((REPO / "content").glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
    assert site.check() == []
