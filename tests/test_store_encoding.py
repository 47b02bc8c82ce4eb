"""The bytes a save writes are kept between changes (each separator's and entry's, updated by the
change that touched them, YamlDocument.encoded): after any sequence of edits, inserts, deletes,
moves, reorders, undo and redo, they must be exactly text() in UTF-8, as a document built afresh
from that text would write them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homepage_tui.store import ContentFile, YamlDocument

LAYOUTS = [
    "# header\n\n# lead of the first\n- title: A\n  year: '2024'\n\n# between\n- title: Bé 🎉\n  year: '2023'\n"
    "- title: C\n  year: '2022'\n\n\n- title: D\n  year: '2021'\n# trailer\n",
    "\ufeff- title: A\r\n  year: '2024'\r\n- title: B\r\n  year: '2023'\r\n\r\n- title: C\r\n  year: '2022'\r\n",
    "- title: A\n  year: '2024'\n\n- title: Ünïcode\n  year: '2023'",  # no final newline
    "# only a comment\n",
]

STEP = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 9), st.text("ab é🎉:#'\n", max_size=12)),
    st.tuples(st.just("insert"), st.integers(0, 9), st.text("xyz ü", min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("reverse")),
    st.tuples(st.just("space")),
    st.tuples(st.just("snapshot")),
    st.tuples(st.just("restore")),
    st.tuples(st.just("encode")),  # an encoded() between steps: the kept bytes are then in use
)


def _apply(doc: YamlDocument, step: tuple, saved: list) -> None:
    kind, *args = step
    n = len(doc)
    if kind == "edit" and n:
        doc.set_fields(args[0] % n, {"title": args[1]})
    elif kind == "insert":
        doc.insert(args[0] % (n + 1), {"title": args[1], "year": "2020"})
    elif kind == "delete" and n:
        doc.delete(args[0] % n)
    elif kind == "move" and n:
        doc.move(args[0] % n, args[1] % n)
    elif kind == "reverse":
        doc.reorder(reversed(range(n)))
    elif kind == "space":
        doc.space_entries(["\n"])
    elif kind == "snapshot":
        saved.append(doc.snapshot())
    elif kind == "restore" and saved:
        doc.restore(saved[-1])
    elif kind == "encode":
        doc.encoded()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(LAYOUTS), st.lists(STEP, max_size=12))
def test_kept_bytes_are_the_text_after_any_changes(layout, steps):
    doc = YamlDocument(layout)
    assert doc.encoded() == layout.encode("utf-8")
    saved: list = []
    for step in steps:
        _apply(doc, step, saved)
        expected = doc.text().encode("utf-8")
        assert doc.encoded() == expected, step
        assert YamlDocument(doc.text()).encoded() == expected


def test_a_one_field_edit_reencodes_only_its_entry(tmp_path):
    """Every other entry's bytes are the very objects kept before the edit (nothing re-encoded),
    and the save writes the file as text() says."""
    path = tmp_path / "publications.yml"
    path.write_text("".join(f"- title: T{i}\n  year: '20{i % 100:02d}'\n\n" for i in range(50)), encoding="utf-8")
    file = ContentFile.load(path)
    before = list(file.doc._piece_bytes)
    file.doc.set_fields(20, {"title": "Changed"})
    after = file.doc._piece_bytes
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b] == [20]
    assert file.save()
    assert path.read_bytes() == file.doc.text().encode("utf-8")
    assert not file.dirty


def test_many_edits_between_and_after_saves_keep_the_bytes_exact():
    """More replaced entries than YamlDocument.MAX_SHIFTS, several between two encoded() calls
    and one at a time, titles growing and shrinking: the spliced bytes stay text() exactly."""
    doc = YamlDocument("# header\n" + "".join(f"- title: T{i}\n  year: '2001'\n\n" for i in range(40)))
    doc.encoded()
    for k in range(3 * YamlDocument.MAX_SHIFTS):
        doc.set_fields((k * 7) % 40, {"title": "é" * (k % 9) + f"t{k}"})
        if k % 3 == 0:
            doc.set_fields((k * 11) % 40, {"title": "x" * (k % 5)})
        if k % 2 == 0:
            assert doc.encoded() == doc.text().encode("utf-8"), k
    assert doc.encoded() == doc.text().encode("utf-8")


def test_entry_lines_are_each_entry_line():
    doc = YamlDocument(LAYOUTS[0])
    doc.insert(2, {"title": "New", "year": "2020"})
    assert doc.entry_lines() == [doc.entry_line(i) for i in range(len(doc))]
    text = doc.text().splitlines()
    assert [text[n - 1].lstrip().startswith("- ") for n in doc.entry_lines()] == [True] * len(doc)
