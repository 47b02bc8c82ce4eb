"""A one-line field set to a one-line value (each keystroke in a title) replaces that line and
builds the entry's node from the old one without parsing the entry again
(YamlDocument._replace_scalar_line). The node must be what a parse of the new lines gives: the
same values and types, the same positions (later edits find their lines by them) and comments;
and any sequence of edits must write the same text as the same edits made on a document read
afresh from the text before each one."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from homepage_tui.store import YamlDocument
from homepage_tui.store.document import parse_yaml
from homepage_tui.store.values import to_plain

BASE = """\
# Publications, newest first.

- title: 'First: a paper'
  authors:
    - A. Author
  venue: In ICML 2024   # main track
  year: 2024
  badge:    spaced out
# a comment between entries
- title: "Second"
  venue: >
    folded venue
    text
  links: {paper: 'https://a.org/p.pdf'}
- date: 2024.10
  text: plain text  # said twice
  # a comment under the last field
"""

ALPHABET = st.sampled_from(list("ab Z09 :#'\"\n-*&!|>%@`{}[],?~\\.") + ["🎉", "中", "é", "\u00a0"])
TEXT = st.text(ALPHABET, max_size=30)
FIELDS = st.sampled_from([(0, "title"), (0, "venue"), (0, "year"), (0, "badge"), (1, "title"),
                          (2, "date"), (2, "text")])


def assert_node_is_a_parse_of_its_lines(doc: YamlDocument, index: int) -> None:
    piece = doc.pieces[index]
    node = piece.data
    parsed = parse_yaml("".join(piece.body))[0]
    assert list(node) == list(parsed)
    for key in parsed:
        assert type(node[key]) is type(parsed[key]), key
        assert to_plain(node[key]) == to_plain(parsed[key]), key
        if not isinstance(parsed[key], (dict, list)):
            assert str(node[key]) == str(parsed[key]), key
        assert node.lc.key(key) == tuple(x + piece.origin for x in parsed.lc.key(key)[:1]) + parsed.lc.key(key)[1:]
        assert node.lc.value(key) == (parsed.lc.value(key)[0] + piece.origin, parsed.lc.value(key)[1])
        assert doc._eol_comment(node, key) == doc._eol_comment(parsed, key)
    assert doc.plain(index) == YamlDocument(doc.text()).plain(index)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(FIELDS, TEXT), min_size=1, max_size=6))
@example([((0, "year"), "2025"), ((0, "year"), "2025.10"), ((0, "title"), "x")])
@example([((0, "badge"), "a"), ((0, "badge"), "a b"), ((0, "badge"), "")])
def test_edits_write_what_edits_on_a_fresh_read_write(edits):
    doc = YamlDocument(BASE)
    for (index, key), value in edits:
        fresh = YamlDocument(doc.text())  # its entries are parsed from their lines when edited
        doc.set_fields(index, {key: value})
        fresh.set_fields(index, {key: value})
        assert doc.text() == fresh.text()
        assert doc.encoded() == doc.text().encode("utf-8")  # the bytes a save writes follow
        assert_node_is_a_parse_of_its_lines(doc, index)


def test_typing_in_a_title_changes_its_line_and_parses_nothing_else():
    doc = YamlDocument(BASE)
    doc.set_fields(0, {"title": "First: a paper!"})  # (the entry's node is parsed here once)
    before = doc.pieces[0]
    lines = list(before.body)
    for typed in ("First: a paper!x", "First: a paper!xy", "First: a paper!x"):
        doc.set_fields(0, {"title": typed})
        after = doc.pieces[0]
        assert after is not before  # undo keeps the old piece
        assert after.data.ca is before.data.ca  # the old node's comments: no parse made a new one
        assert after.body[1:] == lines[1:] and after.body[0] == f"- title: '{typed}'\n"
        assert_node_is_a_parse_of_its_lines(doc, 0)
        before = after
    assert doc.text() == BASE.replace("- title: 'First: a paper'", "- title: 'First: a paper!x'")


def test_an_end_of_line_comment_stays_and_the_next_edit_finds_the_value():
    doc = YamlDocument(BASE)
    doc.set_fields(0, {"venue": "In ICLR 2025"})
    doc.set_fields(0, {"venue": "In ICLR 2026"})
    doc.set_fields(2, {"date": "2024.11"})
    doc.set_fields(2, {"date": "2024.12"})
    text = doc.text()
    assert "  venue: In ICLR 2026  # main track\n" in text
    assert "- date: '2024.12'\n" in text
    assert "  text: plain text  # said twice\n  # a comment under the last field\n" in text
    assert_node_is_a_parse_of_its_lines(doc, 0)
    assert_node_is_a_parse_of_its_lines(doc, 2)
