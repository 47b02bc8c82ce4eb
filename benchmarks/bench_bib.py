"""Adding publications by paste, at scale: a 500-entry .bib parsed, written in the site's style and
checked for duplicates against 2,000 publications.

    python benchmarks/bench_bib.py

The .bib holds 250 papers the site already has (exported from it) and 250 new ones; the figure is
`references_from_text` + `plan` (parse with LaTeX decoding and name splitting, convert, check
DOI / arXiv id / fuzzy title against every existing entry). The floor is bibtexparser's own parse
of the same text with its stock middlewares (our fast LaTeX path makes ours the faster);
both timed alike, interleaved, medians (benchmarks.common). Target: <= 1 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ruamel.yaml import YAML  # noqa: E402

from benchmarks.common import figure, interleaved, timed  # noqa: E402
from benchmarks.generate import publications_yaml  # noqa: E402
from homepage_tui.bib.export import to_bibtex  # noqa: E402
from homepage_tui.bib.paste import plan, references_from_text  # noqa: E402

EXISTING = 2000
PASTED = 500
ROUNDS = 5
NAMES = ["Z. Tang", "Zhenheng Tang"]


def workload() -> tuple[list[dict], str]:
    existing = YAML(typ="safe").load(publications_yaml(EXISTING))
    new = YAML(typ="safe").load(publications_yaml(PASTED // 2, seed=991))
    text = to_bibtex(existing[::EXISTING // (PASTED // 2)][:PASTED // 2] + new)
    return existing, text


def measure(rounds: int = ROUNDS) -> list[dict]:
    import bibtexparser
    from bibtexparser import middlewares as mw

    existing, text = workload()
    result = plan(references_from_text(text), existing, NAMES)  # a warm-up run, and the check
    added, duplicates = len(result.entries), len(result.duplicates)
    if added != PASTED or duplicates < PASTED // 2:
        raise RuntimeError(f"expected {PASTED} entries and >= {PASTED // 2} duplicates, got {added} and {duplicates}")

    def ours() -> None:
        plan(references_from_text(text), existing, NAMES)

    def floor() -> None:
        bibtexparser.parse_string(text, append_middleware=[
            mw.LatexDecodingMiddleware(), mw.SeparateCoAuthors(), mw.SplitNameParts()])

    value, floor_value = interleaved(lambda: timed(ours), lambda: timed(floor), runs=rounds)
    return [figure(f"paste {PASTED}-entry .bib, duplicates vs {EXISTING:,} pubs ({duplicates} found)",
                   value, "s", "<= 1 s", value <= 1.0, floor_value, "bibtexparser parse")]


if __name__ == "__main__":
    for row in measure():
        print(row)
