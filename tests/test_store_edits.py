"""Edits found by the property tests that once failed, kept as plain tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from homepage_tui.store import YamlDocument  # noqa: E402
from test_store_property import BASE  # noqa: E402


@pytest.mark.parametrize("index, key", [(0, "note"), (0, "venue"), (1, "title"), (2, "text")])
@pytest.mark.parametrize("value", ["0\n0\n\n", "a\n\n\n", "x\ny\n\n\n"])
def test_text_ending_in_blank_lines_round_trips(index, key, value):
    # ruamel ends a document whose last scalar keeps its trailing newlines (|+) with `...`;
    # spliced into an entry, that marker broke the file
    doc = YamlDocument(BASE)
    doc.set_fields(index, {key: value})
    back = YamlDocument(doc.text())
    assert back.plain(index)[key] == value
    assert "..." not in doc.text()
