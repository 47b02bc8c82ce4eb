"""What differs between section types lives in their objects (homepage_tui/kinds.py): no other
module tests which type a section is. Asking for the sections of a kind (`site.sections_of(
kinds.NEWS)`) is a query and allowed; `if section.type == model.NEWS`, `kind is kinds.TREE`,
`kind in ("news", "tree")` or a table keyed by type names are branches on the type and are not."""

import re
from pathlib import Path

import homepage_tui

PACKAGE = Path(homepage_tui.__file__).parent
OWNERS = {PACKAGE / "kinds.py", PACKAGE / "model.py"}  # the type objects and the type names

KIND = r"(?:kinds\.)?(?:NEWS|PUBLICATIONS|AWARDS|TREE)(?:\.name)?\b"
LITERAL = r"""["'](?:news|publications|awards|tree)["']"""
RULES = {
    "uses a type name constant (ask the section's kind instead)":
        re.compile(r"\bmodel\.(?:NEWS|PUBLICATIONS|AWARDS|TREE)\b"),
    "compares with a kind":
        re.compile(rf"(?:==|!=|\bis(?:\s+not)?)\s*{KIND}|\b{KIND}\s*(?:==|!=|\bis\b)"),
    "tests membership in a set of kinds":
        re.compile(rf"\bin\s*[(\[{{][^)\]}}]*\b{KIND}"),
    "compares with a type name":
        re.compile(rf"(?:==|!=)\s*{LITERAL}|{LITERAL}\s*(?:==|!=)|\bin\s*[(\[{{][^)\]}}]*{LITERAL}"),
    "keys a table by type names (give the kind an attribute)":
        re.compile(rf"^\s*{LITERAL}\s*:", re.M),
}


def branches_on_kind(text: str) -> list[str]:
    """`line: what` for each place in `text` that branches on a section's type."""
    found = []
    for what, pattern in RULES.items():
        for m in pattern.finditer(text):
            found.append(f"{text.count(chr(10), 0, m.start()) + 1}: {what}: {m.group(0).strip()}")
    return found


def test_the_check_finds_each_way_of_branching_on_a_type_and_allows_queries():
    bad = [
        "if section.type == model.NEWS:",
        "dated = section_type in (model.NEWS, model.AWARDS)",
        "if section.kind is kinds.TREE:",
        "if kinds.PUBLICATIONS.name != kind:",
        "ok = kind in (kinds.NEWS, kinds.TREE)",
        "if style.type == 'tree':",
        'if kind in ("journal", "news"):',
        'EXPECTED = {\n    "news": "a list item",\n}',
    ]
    for text in bad:
        assert branches_on_kind(text), text
    good = [
        "for ref in ctx.entries(kinds.NEWS):",
        "names = site.sections_of(kinds.PUBLICATIONS)",
        "if section.kind.nested:",
        "return [s for s in self.sections.values() if s.kind is kind]",
        'if kind == "preprint" and arxiv:',  # a publication's kind, not a section type
        "section_type = kinds.NEWS.name",
    ]
    for text in good:
        assert not branches_on_kind(text), (text, branches_on_kind(text))


def test_no_module_outside_the_kinds_branches_on_a_section_type():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in OWNERS:
            continue
        offenders += [f"{path.relative_to(PACKAGE.parent)}:{hit}" for hit in branches_on_kind(path.read_text("utf-8"))]
    assert offenders == [], "\n".join(offenders)
