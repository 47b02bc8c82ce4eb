"""The YAML store: byte-for-byte round trips, edits that touch only their lines, safe writes."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest

from homepage_tui.errors import ConflictError, ContentError
from homepage_tui.store import DELETE, ContentFile, YamlDocument, atomic_write

REPO = Path(__file__).resolve().parents[1]

HANDWRITTEN = {
    "comments": """\
# My news, newest first.
# Keep dates quoted.

# --- 2024 ---
- date: '2024.06'   # ICPP
  text: "Paper accepted at ICPP 2024."
# a comment between entries
- date: 2024.10
  emoji: 🎉🎉
  text: Unquoted date that YAML reads as a float
  # a comment inside the entry, between keys
  tags: [a, 'b', "c"]

# --- 2023 ---
- date: "2023.01"
  text: 'single ''quoted'' text'
""",
    "blocks": """\
- title: Folded
  text: >
    folded text that
    goes on

  note: |
    literal
      indented line
    end
- title: Keep
  text: |+
    keep trailing

- title: Strip
  text: |-
    no newline at end
""",
    "unicode": """\
- text: 中文新闻：论文被接收 🎉
  org: 香港浸会大学
- text: "emoji 🧑‍🏫 and accents é ü"
""",
    "four_space": """\
-   title: Four spaces
    authors:
        - A. Author
        - B. Author
    links:
        paper: https://example.org/a.pdf
-   title: Second
    authors:
        - C. Author
""",
    "doc_start": """\
---
# after the document start
- date: '2024.01'
  text: hi
""",
    "no_final_newline": "- date: '2024.01'\n  text: no newline at the end",
    "flow_and_nulls": """\
- title: Flow map
  links: {paper: 'https://a.org', code: "https://b.org"}
  badge: ~
  image: null
  year: 2021
""",
    "indented_root": """\
  - text: a root list indented by two
    children:
      - text: child
  - text: second
""",
}


@pytest.mark.parametrize("name", sorted(HANDWRITTEN))
def test_untouched_handwritten_file_round_trips_byte_for_byte(tmp_path, name):
    path = tmp_path / f"{name}.yml"
    path.write_bytes(HANDWRITTEN[name].encode())
    content = ContentFile.load(path)
    assert content.doc.text() == HANDWRITTEN[name]
    assert content.save() is False  # nothing changed: nothing written
    assert path.read_bytes() == HANDWRITTEN[name].encode()


@pytest.mark.parametrize("path", sorted(p for p in (REPO / "content").glob("*.yml") if p.name != "site.yml"),
                         ids=lambda p: p.name)
def test_bundled_content_round_trips(path):
    text = path.read_text(encoding="utf-8")
    assert YamlDocument(text, str(path)).text() == text


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_editing_one_field_changes_only_that_fields_lines():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.set_fields(1, {"text": "A new text: with a colon # and a hash"})
    diff = changed_lines(HANDWRITTEN["comments"], doc.text())
    assert diff == ["-  text: Unquoted date that YAML reads as a float",
                    "+  text: 'A new text: with a colon # and a hash'"]


def test_editing_keeps_quote_style_and_end_of_line_comment():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.set_fields(0, {"date": "2024.07", "text": "Changed."})
    diff = changed_lines(HANDWRITTEN["comments"], doc.text())
    assert "+- date: '2024.07'  # ICPP" in diff
    assert '+  text: "Changed."' in diff
    assert len(diff) == 4


def test_unquoted_float_date_reads_as_written():
    doc = YamlDocument(HANDWRITTEN["comments"])
    assert doc.plain(1)["date"] == "2024.10"  # not 2024.1
    assert YamlDocument("- year: 2021\n  title: x\n").plain(0)["year"] == "2021"


def test_edit_in_four_space_file_keeps_its_indentation():
    doc = YamlDocument(HANDWRITTEN["four_space"])
    doc.set_fields(0, {"authors": ["A. Author", "New Person", "B. Author"]})
    assert changed_lines(HANDWRITTEN["four_space"], doc.text()) == ["+        - New Person"]
    doc.insert(2, {"title": "Third", "authors": ["D"]})
    assert doc.text().endswith("-   title: Third\n    authors:\n        - D\n")


def test_flow_list_stays_flow():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.set_fields(1, {"tags": ["a", "b", "c", "d"]})
    assert "  tags: [a, 'b', \"c\", d]\n" in doc.text()  # each item keeps its quotes


def test_add_entry_at_top_keeps_header_comment_on_top():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.insert(0, {"date": "2026.11", "text": "New"})
    text = doc.text()
    assert text.startswith("# My news, newest first.\n# Keep dates quoted.\n\n- date: '2026.11'\n  text: New\n")
    # The old first entry keeps its own comment above it.
    assert "\n# --- 2024 ---\n- date: '2024.06'   # ICPP\n" in text
    assert doc.plain(0) == {"date": "2026.11", "text": "New"}


def test_delete_keeps_every_other_entrys_comments():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.delete(0)
    text = doc.text()
    assert "# --- 2024 ---" not in text  # the deleted entry's own comment goes with it
    assert "# a comment between entries\n- date: 2024.10" in text
    assert "  # a comment inside the entry, between keys\n" in text
    assert "# --- 2023 ---\n- date: \"2023.01\"" in text
    assert [e["date"] for e in (doc.plain(i) for i in range(len(doc)))] == ["2024.10", "2023.01"]


def test_move_and_reorder_carry_comments_with_entries():
    doc = YamlDocument(HANDWRITTEN["comments"])
    doc.move(2, 0)
    text = doc.text()
    assert text.index("# --- 2023 ---") < text.index('- date: "2023.01"') < text.index("# --- 2024 ---")
    doc.reorder([1, 2, 0])
    assert [doc.plain(i)["date"] for i in range(3)] == ["2024.06", "2024.10", "2023.01"]
    assert sorted(doc.text().splitlines()) == sorted(HANDWRITTEN["comments"].splitlines())


def test_multiline_and_tricky_text_reads_back():
    doc = YamlDocument(HANDWRITTEN["blocks"])
    for value in ["two\nlines", "  leading spaces", "trailing  \nspaces ", "- looks: like yaml", "# not a comment",
                  "'quotes' and \"doubles\"", "tab\there", "ends with newline\n", ""]:
        doc.set_fields(0, {"text": value})
        assert YamlDocument(doc.text()).plain(0)["text"] == value


def test_delete_a_field_and_add_a_field():
    doc = YamlDocument(HANDWRITTEN["flow_and_nulls"])
    doc.set_fields(0, {"badge": DELETE, "kind": "journal"})
    back = YamlDocument(doc.text()).plain(0)
    assert "badge" not in back and back["kind"] == "journal" and back["image"] is None


def test_crlf_file_is_kept_and_edited_with_crlf(tmp_path):
    text = HANDWRITTEN["comments"].replace("\n", "\r\n")
    path = tmp_path / "news.yml"
    path.write_bytes(text.encode())
    content = ContentFile.load(path)
    assert content.doc.text() == text
    content.doc.set_fields(2, {"text": "edited"})
    content.save()
    data = path.read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert data.replace(b"'edited'", b"'single ''quoted'' text'") == text.encode()


def test_mixed_line_endings_are_refused_and_file_kept(tmp_path):
    text = "- text: a\r\n- text: b\n"
    path = tmp_path / "x.yml"
    path.write_bytes(text.encode())
    content = ContentFile.load(path)
    with pytest.raises(ContentError, match="mixed line endings"):
        content.doc.set_fields(0, {"text": "c"})
    assert path.read_bytes() == text.encode()


def test_malformed_yaml_gives_file_line_col_and_writes_nothing(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text("- date: '2024.01'\n  text: [unclosed\n- date: x\n")
    with pytest.raises(ContentError) as info:
        ContentFile.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}:")
    line, col = message[len(str(path)) + 1:].split(":")[:2]
    assert line.isdigit() and col.isdigit()


def test_root_mapping_is_refused_with_a_message():
    with pytest.raises(ContentError, match="expected a list of entries"):
        YamlDocument("title: not a list\n", "x.yml")


def test_save_refuses_when_file_changed_on_disk(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text(HANDWRITTEN["comments"])
    content = ContentFile.load(path)
    content.doc.set_fields(0, {"text": "mine"})
    other = HANDWRITTEN["comments"].replace("Paper accepted", "Someone else's edit")
    path.write_text(other)
    with pytest.raises(ConflictError, match="changed on disk"):
        content.save()
    assert path.read_text() == other


def test_save_refuses_when_file_was_deleted_on_disk(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text(HANDWRITTEN["comments"])
    content = ContentFile.load(path)
    content.doc.set_fields(0, {"text": "mine"})
    path.unlink()
    with pytest.raises(ConflictError):
        content.save()
    assert not path.exists()


def test_atomic_write_keeps_mode_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text("- text: a\n")
    os.chmod(path, 0o640)
    atomic_write(path, "- text: b\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == "- text: b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.yml"]


def test_atomic_write_new_file_is_readable_and_never_reuses_an_existing_temporary(tmp_path, monkeypatch):
    # The temporary file is created exclusively: a file that happens to have the name drawn is
    # left alone and another name is drawn (the write does not go through tempfile any more).
    draws = iter([b"\x00" * 6, b"\x00" * 6, b"\x01" * 6])
    monkeypatch.setattr(os, "urandom", lambda n: next(draws))
    taken = tmp_path / ".talks.yml.000000000000.tmp"
    taken.write_text("someone else's")
    path = tmp_path / "talks.yml"
    atomic_write(path, "- text: new\n")
    assert path.read_text() == "- text: new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert taken.read_text() == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".talks.yml.000000000000.tmp", "talks.yml"]


def test_save_writes_edit_and_then_detects_nothing_new(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text(HANDWRITTEN["comments"])
    content = ContentFile.load(path)
    content.doc.set_fields(0, {"text": "saved"})
    assert content.save() is True
    assert not content.changed_on_disk()
    assert ContentFile.load(path).doc.plain(0)["text"] == "saved"
    content.doc.set_fields(0, {"text": "saved again"})
    assert content.save() is True


def test_empty_file_gets_entries(tmp_path):
    path = tmp_path / "talks.yml"
    path.write_text("# Talks\n\n")
    content = ContentFile.load(path)
    content.doc.insert(0, {"text": "first"})
    content.doc.insert(1, {"text": "second"})
    content.save()
    assert path.read_text() == "# Talks\n\n- text: first\n- text: second\n"


def test_mixed_indentation_is_kept_exactly_and_edits_stay_in_their_entry():
    text = ("- title: two spaces\n  authors:\n  - A\n"
            "-   title: four spaces\n    authors:\n        - B\n")
    doc = YamlDocument(text)
    assert doc.text() == text
    doc.set_fields(1, {"title": "edited"})
    assert doc.text() == text.replace("four spaces", "edited")
    doc.set_fields(0, {"title": "also edited"})
    assert doc.text().splitlines()[3:] == text.replace("four spaces", "edited").splitlines()[3:]
    assert [YamlDocument(doc.text()).plain(i)["title"] for i in range(2)] == ["also edited", "edited"]


def test_touch_without_an_edit_is_not_a_change(tmp_path):
    path = tmp_path / "news.yml"
    path.write_text(HANDWRITTEN["comments"])
    content = ContentFile.load(path)
    os.utime(path, ns=(1, 1))
    assert content.changed_on_disk() is False
    path.write_text(HANDWRITTEN["comments"] + "# appended\n")
    assert content.changed_on_disk() is True
