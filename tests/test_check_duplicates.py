"""`check` reports an entry entered twice, not a preprint next to its accepted version."""

from __future__ import annotations

from homepage_tui.demo import make_demo
from homepage_tui.site import Site

PAPERS = """\
- title: Deep Things
  authors: [A. Author]
  venue: arXiv
  year: '2023'
- title: Deep Things
  authors: [A. Author]
  venue: NeurIPS
  year: '2024'
- title: Shallow Things
  venue: ICML
  year: '2022'
- title: Shallow  things
  venue: ICML
  year: '2022'
"""


def test_preprint_and_accepted_version_are_not_duplicates_but_a_repeat_is(tmp_path):
    site = make_demo(tmp_path / "site")
    (site.root / "content" / "publications.yml").write_text(PAPERS, encoding="utf-8")
    problems = [p for p in Site.open(site.root).check() if "publications.yml" in p]
    assert problems == ["content/publications.yml:12: duplicate of the entry at line 9"]
