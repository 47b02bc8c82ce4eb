"""The paste core without network: BibTeX parsing, the site's author style, the user's own name,
duplicates and BibTeX export (homepage_tui/bib/)."""

from __future__ import annotations

import pytest

from homepage_tui.bib import bibtex, identifiers
from homepage_tui.bib.convert import SiteConventions, to_publication
from homepage_tui.bib.duplicates import find_duplicates, normal_title
from homepage_tui.bib.export import to_bibtex
from homepage_tui.bib.names import FULL, INITIALS, detect_style
from homepage_tui.bib.paste import PasteError, plan, references_from_text
from homepage_tui.render import SectionStyle, format_authors

SCHOLAR = r"""@inproceedings{muller2024robust,
  title={Robust {GAN} training for {M}{\"u}ller's data: {\'E}tude},
  author={M{\"u}ller, J{\"o}rg and Tang, Zhenheng and van der Berg, Jan and Zhu, Jun-Yan},
  booktitle={Proceedings of the 41st International Conference on Machine Learning},
  pages={1--10},
  year={2024},
  organization={PMLR}
}

@article{tang2023fusionai,
  title={FusionAI: Decentralized Training and Deploying {LLMs} with Massive Consumer-Level {GPUs}},
  author={Tang, Zhenheng and Wang, Yuxin},
  journal={arXiv preprint arXiv:2309.01172},
  year={2023}
}

@article{smith2020journal,
  title={A Journal Paper},
  author={Smith, Anna},
  journal={IEEE Transactions on Parallel and Distributed Systems},
  volume={31}, number={4}, year={2020},
  doi={10.1109/TPDS.2019.2961105},
  url={https://ieeexplore.ieee.org/document/8943214}
}
"""

INITIALLED_SITE = [{"title": "Old", "authors": ["Z. Tang", "A. C. Zhou", "X. Chu"], "venue": "In ICML 2022",
                    "year": "2022", "kind": "conference"},
                   {"title": "Older", "authors": ["J. Huang", "Z. Tang$\\dagger$"], "venue": "In AAAI 2021",
                    "year": "2021", "kind": "conference"}]
FULL_SITE = [{"title": "Old", "authors": ["Zhenheng Tang", "Amelie Chi Zhou"], "venue": "ICML 2022", "year": "2022"}]


def test_latex_accents_and_braces_become_unicode_and_types_become_kinds():
    refs = bibtex.parse(SCHOLAR)
    assert [r.title for r in refs] == [
        "Robust GAN training for Müller's data: Étude",
        "FusionAI: Decentralized Training and Deploying LLMs with Massive Consumer-Level GPUs",
        "A Journal Paper"]
    assert [r.kind for r in refs] == ["conference", "preprint", "journal"]
    assert refs[0].authors[0].first == "Jörg" and refs[0].authors[2].last == "van der Berg"
    assert refs[1].arxiv == "2309.01172" and refs[1].venue == "arXiv preprint arXiv:2309.01172"
    assert refs[2].doi == "10.1109/tpds.2019.2961105" and refs[2].year == "2020"


def test_entry_in_the_sites_initials_style_with_the_users_name_bolded_by_the_renderer():
    entries = plan(bibtex.parse(SCHOLAR), INITIALLED_SITE, ["Z. Tang", "Zhenheng Tang"]).entries
    first = entries[0]
    assert first["authors"] == ["J. Müller", "Z. Tang", "J. van der Berg", "J.-Y. Zhu"]
    assert first["venue"] == "In Proceedings of the 41st International Conference on Machine Learning"
    assert first["year"] == "2024" and first["kind"] == "conference"
    assert entries[1]["venue"] == "arXiv preprint arXiv:2309.01172"  # a preprint gets no "In "
    assert entries[1]["links"] == {"arXiv": "https://arxiv.org/abs/2309.01172"}
    assert entries[2]["links"] == {"paper": "https://doi.org/10.1109/tpds.2019.2961105"}
    rendered = format_authors(first["authors"], ["Z. Tang", "Zhenheng Tang"], SectionStyle(type="publications"))
    assert rendered == "J. Müller, **Z. Tang**, J. van der Berg, J.-Y. Zhu"


def test_full_name_style_and_own_name_given_only_as_initials():
    refs = bibtex.parse("@article{k, title={T}, author={Tang, Z. and Zhou, Amelie Chi and Tang, Zhen}, journal={J}, year=2024}")
    entry = plan(refs, FULL_SITE, ["Z. Tang", "Zhenheng Tang"]).entries[0]
    # "Tang, Z." is the user; "Zhen Tang" is someone else (a different spelled-out first name).
    assert entry["authors"] == ["Zhenheng Tang", "Amelie Chi Zhou", "Zhen Tang"]
    assert entry["venue"] == "J"  # this site writes no "In "


def test_style_detection():
    assert detect_style([e["authors"] for e in INITIALLED_SITE]) == INITIALS
    assert detect_style([e["authors"] for e in FULL_SITE]) == FULL
    assert detect_style([]) == FULL


@pytest.mark.parametrize("text, expected", [
    ("@article{bad,\n  title = {Oops,\n  year = 2020\n}\n", "1:1: @article is never closed"),
    ("% from Scholar\n@article{k title={x}}\n", "2:17: expected comma after entry key, but found ="),
    ("@misc{k, author={A B}}", "1:1: @misc{k} has no title field"),
])
def test_malformed_bibtex_says_line_and_column(text, expected):
    with pytest.raises(bibtex.BibtexError) as err:
        bibtex.parse(text)
    assert str(err.value).startswith(expected)
    assert "\n" not in str(err.value)


def test_one_bad_entry_refuses_the_whole_paste():
    with pytest.raises(bibtex.BibtexError, match=r"^26:1: @misc\{k\} has no title field"):
        references_from_text(SCHOLAR + "\n@misc{k, author={A B}}\n")


@pytest.mark.parametrize("text, kind, ident", [
    ("10.1371/journal.pone.0033693", "doi", "10.1371/journal.pone.0033693"),
    ("https://doi.org/10.1371/JOURNAL.PONE.0033693", "doi", "10.1371/journal.pone.0033693"),
    ("doi:10.48550/arXiv.2201.06719", "doi", "10.48550/arxiv.2201.06719"),
    ("2401.01234", "arxiv", "2401.01234"),
    ("arXiv:2401.01234v2", "arxiv", "2401.01234"),
    ("https://arxiv.org/abs/2401.01234v3", "arxiv", "2401.01234"),
    ("https://arxiv.org/pdf/2401.01234.pdf", "arxiv", "2401.01234"),
    ("hep-th/9901001", "arxiv", "hep-th/9901001"),
])
def test_identifiers_are_recognised_in_their_usual_forms(text, kind, ident):
    assert identifiers.classify(text) == (kind, ident)


def test_text_that_is_no_source_is_refused_with_a_reason():
    with pytest.raises(PasteError, match="'hello' is not BibTeX, a DOI"):
        references_from_text("hello")
    with pytest.raises(PasteError, match="nothing pasted"):
        references_from_text("  \n")


def test_duplicates_by_doi_arxiv_and_normalised_title():
    existing = [
        {"title": "A Journal Paper", "authors": ["A. Smith"], "links": {"paper": "https://doi.org/10.1109/TPDS.2019.2961105"}},
        {"title": "FusionAI: decentralized training", "venue": "arXiv preprint arXiv:2309.01172"},
        {"title": "Robust GAN Training for Muller's Data -- Etude", "authors": []},
        {"raw": "* a raw block"},
    ]
    entries = plan(bibtex.parse(SCHOLAR), existing, []).entries
    found = {d.new_index: (d.existing_index, d.reason) for d in find_duplicates(entries, existing)}
    assert found[0][0] == 2 and found[0][1].startswith("same title")
    assert found[1] == (1, "same arXiv id 2309.01172")
    assert found[2] == (0, "same DOI 10.1109/tpds.2019.2961105")
    other = plan(bibtex.parse("@article{k, title={A Different Journal Paper Entirely}, journal={J}}"), existing, []).entries
    assert find_duplicates(other, existing) == []


def test_the_same_paper_twice_in_one_paste_is_one_paper():
    twice = SCHOLAR + SCHOLAR[:SCHOLAR.index("@article")].replace("muller2024robust", "again")
    entries = plan(bibtex.parse(twice), [], []).entries
    dups = find_duplicates(entries, [])
    assert [(d.new_index, d.earlier_new) for d in dups] == [(3, 0)]


def test_normal_title_sets_aside_case_accents_latex_and_punctuation():
    assert normal_title(r"Robust {GAN}s: M\"{u}ller’s $\alpha$-Étude!") == normal_title("robust gans muller s alpha etude")


def test_export_then_parse_gives_the_same_papers():
    entries = plan(bibtex.parse(SCHOLAR), INITIALLED_SITE, ["Z. Tang"]).entries
    back = plan(bibtex.parse(to_bibtex(entries)), INITIALLED_SITE, ["Z. Tang"]).entries
    assert back == entries
    assert len(find_duplicates(back, entries)) == len(entries)


def test_export_skips_raw_blocks_and_strips_author_markers():
    text = to_bibtex([{"raw": "* hand written"},
                      {"title": "T", "authors": ["Z. Tang$\\dagger$", "**B. Lee**", "C. Wu*"], "year": "2024",
                       "kind": "workshop", "venue": "In FL-AAAI-22 workshop"}])
    assert text.count("@") == 1 and "@inproceedings{tang2024t," in text
    assert "author = {Z. Tang and B. Lee and C. Wu}" in text
    assert "booktitle = {FL-AAAI-22 workshop}" in text


def test_conventions_read_the_venue_prefix():
    assert SiteConventions.of(INITIALLED_SITE).venue_prefix == "In "
    assert SiteConventions.of(FULL_SITE).venue_prefix == ""
    ref = bibtex.parse("@inproceedings{k, title={T}, booktitle={Workshop on Things}, year={2020}}")[0]
    assert to_publication(ref, SiteConventions.of(INITIALLED_SITE))["kind"] == "workshop"


@pytest.mark.parametrize("value", ["Robust {GAN} training for {LLMs}", "2024", "10.1109/TPDS.2019.2961105",
                                   "Tang, Zhenheng and Wang, Yuxin", "A {B {C}} d: e's (f)"])
def test_the_fast_latex_path_agrees_with_pylatexenc(value):
    from bibtexparser.middlewares import LatexDecodingMiddleware

    assert bibtex._decoder()._transform_python_value_string(value) == \
        LatexDecodingMiddleware()._transform_python_value_string(value)


def test_two_entries_with_one_key_are_both_read_and_decoded():
    refs = bibtex.parse(SCHOLAR + "\n" + SCHOLAR.split("@article")[0])
    assert len(refs) == 4
    assert refs[3].title == refs[0].title == "Robust GAN training for Müller's data: Étude"
    assert refs[3].authors == refs[0].authors and refs[3].source == "line 26"
