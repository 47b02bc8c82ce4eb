"""After the import, new entries go into every real page: a news entry, an award and a publication
in every section of those types, written by the site's own jobs (the checks included). Jekyll
must then show the same headings as before plus every new text. A section whose entries no
template reproduces must refuse instead, with its reason; those are listed at the end."""

from __future__ import annotations

import pytest

from homepage_tui import model
from homepage_tui.cli import main
from homepage_tui.site import Site
from importer_support import PAGES, make_site
from sitebuild import build, jekyll_available, visible


def new_entry(kind: str, n: int, names: list[str]) -> tuple[dict, str]:
    """A new entry of `kind` and a phrase of it that the built page must show."""
    if kind == model.NEWS:
        phrase = f"Zebra news number {n} is here"
        return {"date": "2026.07", "text": phrase}, phrase
    if kind == model.AWARDS:
        phrase = f"Zebra Award number {n}"
        return {"year": "2026", "title": phrase, "org": "Zebra Society"}, phrase
    phrase = f"Zebra Paper Number {n} on Striped Horses"
    authors = [names[0] if names else "Ann Zebra", "Bob Stripe"]
    return {"title": phrase, "authors": authors, "venue": "Zebra Conference", "year": "2026",
            "links": {"Paper": "https://example.org/zebra"}}, phrase


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_new_news_award_and_publication_show_on_the_built_page(page, tmp_path):
    if not jekyll_available():
        pytest.fail("jekyll is not installed: these tests need Debian's jekyll (apt-get install jekyll)")
    site = make_site(tmp_path / "site", page)
    assert main(["import", "--site", str(site)]) == 0
    _, _, headings = visible(build(site))
    opened = Site.open(site)
    phrases, refused = [], []
    kinds = (model.NEWS, model.AWARDS, model.PUBLICATIONS)
    for n, name in enumerate(opened.section_names()):
        kind = opened.section_type(name)
        if kind not in kinds:
            continue
        section = opened.section(name)
        refusal = section.cannot_add()
        if refusal:
            # Only a section none of whose entries is typed has no template; it says why.
            assert all("raw" in e for e in section.entries) and "no entry template" in refusal
            refused.append(f"{name}: {refusal}")
            continue
        fields, phrase = new_entry(kind, n, opened.settings.names)
        if kind == model.NEWS:
            opened.add_news(fields["date"], fields["text"], section=name)
        else:
            section.insert(0, fields)
            opened.save_and_render(section)
        phrases.append(phrase)
    # Every fixture page has at least one of these sections: a page without any tests nothing here.
    assert phrases or refused, "no news, awards or publications section on this page"
    text, _, after = visible(build(site))
    # A paper box may show its title as an HTML heading (<h3>): the new paper's is new.
    assert [h for h in after if not any(p in h for p in phrases)] == headings, "the headings changed"
    missing = [p for p in phrases if p not in text]
    assert not missing, missing
    assert Site.open(site).render(write=False) == []
    REFUSED.extend(f"{page.stem}: {r}" for r in refused)


REFUSED: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def _report(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or not REFUSED:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_sep("-", "sections that refuse new entries (no template fits their entries)")
        for line in REFUSED:
            reporter.write_line(line[:200])
