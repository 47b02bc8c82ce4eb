"""A save writes the document's bytes joined from each entry's kept bytes (store.Piece.encoded):
they must be exactly text() in UTF-8 for every layout the store keeps (BOM, CRLF, no final
newline, comments), before and after edits."""

from __future__ import annotations

import pytest

from homepage_tui.store import ContentFile, YamlDocument

TEXTS = [
    "# header\n- title: A\n  year: '2024'\n\n# between\n- title: Bé 🎉\n  year: '2023'\n",
    "\ufeff- title: A\r\n  year: '2024'\r\n- title: B\r\n  year: '2023'\r\n",
    "- title: A\n  year: '2024'\n- title: Ünïcode\n  year: '2023'",  # no final newline
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_encoded_is_the_text_in_utf8_before_and_after_edits(text):
    doc = YamlDocument(text)
    assert doc.encoded() == doc.text().encode("utf-8") == text.encode("utf-8")
    if len(doc):
        doc.set_fields(0, {"title": "Ä new title"})
        assert doc.encoded() == doc.text().encode("utf-8")
        doc.insert(0, {"title": "Inserted 🎉", "year": "2025"})
        assert doc.encoded() == doc.text().encode("utf-8")
        doc.move(0, len(doc) - 1)
        doc.delete(1)
        assert doc.encoded() == doc.text().encode("utf-8")


def test_a_save_writes_exactly_the_text_and_a_touch_is_no_change(tmp_path):
    path = tmp_path / "publications.yml"
    path.write_bytes(TEXTS[1].encode("utf-8"))
    file = ContentFile.load(path)
    assert not file.dirty
    file.doc.set_fields(1, {"title": "Zweite Überschrift"})
    assert file.dirty and file.save()
    assert path.read_bytes() == file.doc.text().encode("utf-8")
    assert not file.dirty and not file.changed_on_disk()
    path.write_bytes(path.read_bytes())  # same bytes, new time: not a change
    assert not file.changed_on_disk()
    path.write_bytes(path.read_bytes().replace(b"2023", b"2022"))
    assert file.changed_on_disk()
