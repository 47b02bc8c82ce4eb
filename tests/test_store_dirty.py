"""`ContentFile.dirty` (the sidebar's unsaved mark, asked at every keystroke) is exactly whether
the document's bytes differ from the bytes last read or written, whatever edits, undos and saves
came before; it looks only at the parts changed since the save (store.files.SavedParts)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homepage_tui.store import ContentFile

TEXT = ("# header\n- title: A\n  year: '2024'\n\n# between\n- title: Bé 🎉\n  year: '2023'\n"
        "\n- title: C\n  year: '2022'\n")

TITLES = st.sampled_from(["A", "Bé 🎉", "C", "A2", "new: title", ""])
STEP = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 5), TITLES),
    st.tuples(st.just("insert"), st.integers(0, 5), TITLES),
    st.tuples(st.just("delete"), st.integers(0, 5), st.just("")),
    st.tuples(st.just("move"), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("undo"), st.integers(0, 5), st.just("")),
    st.tuples(st.just("save"), st.just(0), st.just("")),
)


def _apply(file: ContentFile, states: list, step) -> None:
    doc = file.doc
    what, index, value = step
    n = len(doc)
    if what == "set" and n and value:
        states.append(doc.snapshot())
        doc.set_fields(index % n, {"title": value})
    elif what == "insert" and value:
        states.append(doc.snapshot())
        doc.insert(index % (n + 1), {"title": value, "year": "2020"})
    elif what == "delete" and n > 1:
        states.append(doc.snapshot())
        doc.delete(index % n)
    elif what == "move" and n:
        states.append(doc.snapshot())
        doc.move(index % n, value % n)
    elif what == "undo" and states:
        doc.restore(states.pop(index % len(states)))
    elif what == "save":
        file.save()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=12))
def test_dirty_is_whether_the_bytes_differ_from_the_saved_ones(tmp_path, steps):
    path = tmp_path / "publications.yml"
    path.write_bytes(TEXT.encode("utf-8"))
    file = ContentFile.load(path)
    states: list = []
    assert not file.dirty
    for step in steps:
        _apply(file, states, step)
        assert file.dirty == (file.doc.encoded() != path.read_bytes())


def test_typing_a_character_and_deleting_it_is_clean_again(tmp_path):
    path = tmp_path / "publications.yml"
    path.write_bytes(TEXT.encode("utf-8"))
    file = ContentFile.load(path)
    file.doc.set_fields(1, {"title": "Bé 🎉x"})
    assert file.dirty
    file.doc.set_fields(1, {"title": "Bé 🎉"})  # a new entry object with the saved entry's bytes
    assert not file.dirty
    file.doc.set_fields(0, {"title": "A2"})
    file.doc.set_fields(2, {"title": "C2"})
    file.doc.set_fields(0, {"title": "A"})  # two entries are new objects, one of them changed
    assert file.dirty
    file.doc.set_fields(2, {"title": "C"})
    assert not file.dirty


def test_saved_bytes_set_by_other_code_are_what_dirty_compares_with(tmp_path):
    path = tmp_path / "publications.yml"
    path.write_bytes(TEXT.encode("utf-8"))
    file = ContentFile.load(path)
    file.doc.set_fields(0, {"title": "A2"})
    file.saved_data = file.doc.encoded()  # as a save that bypassed save() would leave it
    assert not file.dirty
    file.doc.set_fields(0, {"title": "A"})
    assert file.dirty
