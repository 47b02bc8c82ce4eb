"""The fast first read (libyaml) must give exactly what ruamel's full load gives: the same pieces,
style, plain values and positions; and files it cannot read exactly go to ruamel."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homepage_tui.store import YamlDocument
from homepage_tui.store import document as document_module
from homepage_tui.store.fastload import NotFast, fast_load

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.generate import news_yaml, publications_yaml  # noqa: E402
from test_store import HANDWRITTEN  # noqa: E402
from test_store_property import BASE  # noqa: E402


def _ruamel_doc(text: str, monkeypatch) -> YamlDocument:
    def no_fast(_text):
        raise NotFast("forced by the test")

    with monkeypatch.context() as m:
        m.setattr(document_module, "fast_load", no_fast)
        return YamlDocument(text)


def _same(fast: YamlDocument, slow: YamlDocument) -> None:
    assert fast.text() == slow.text()
    assert fast.readonly_reason == slow.readonly_reason
    assert fast.style == slow.style
    assert fast.header == slow.header and fast.seps == slow.seps and fast.trailer == slow.trailer
    assert [(p.lead, p.body) for p in fast.pieces] == [(p.lead, p.body) for p in slow.pieces]
    for i in range(len(slow)):
        assert fast.plain(i) == slow.plain(i)
        assert [type(v) for v in fast.plain(i).values()] == [type(v) for v in slow.plain(i).values()]
        assert fast.is_mapping(i) == isinstance(slow.pieces[i].data, dict)
        for key in slow.plain(i):
            assert fast.field_line(i, key) == slow.field_line(i, key)


def _texts() -> dict[str, str]:
    texts = dict(HANDWRITTEN)
    texts["property base"] = BASE
    texts["generated publications"] = publications_yaml(60, seed=4)
    texts["generated news"] = news_yaml(40, seed=4)
    for path in sorted((REPO / "content").glob("*.yml")):
        if path.name != "site.yml":
            texts[path.name] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.parametrize("name", sorted(_texts()))
def test_fast_read_equals_the_full_ruamel_load(name, monkeypatch):
    text = _texts()[name]
    fast_load(text.lstrip("\ufeff").replace("\r\n", "\n"))  # these all take the fast path
    _same(YamlDocument(text), _ruamel_doc(text, monkeypatch))


@pytest.mark.parametrize("text", [
    "- a: &x 1\n  b: *x\n",                 # an alias
    "- date: 2024-01-05\n",                 # a timestamp
    "- n: 0x1F\n",                           # hex
    "- n: 1_000\n",                          # underscores
    "- !tag {a: 1}\n",                       # an explicit tag
    "- a: 1\n  a: 2\n",                      # a duplicate key (ruamel refuses it)
    "%YAML 1.1\n---\n- a: yes\n",            # a directive
    "- a:\tb\n",                             # a tab
    "- title: {nested: map}\n",              # a text field that is a mapping
    "- <<: {a: 1}\n  b: 2\n",                # a merge key
    "- 12\n",                                # an entry that is a number
])
def test_what_libyaml_could_read_differently_goes_to_ruamel(text):
    with pytest.raises(NotFast):
        fast_load(text)


def test_entries_are_parsed_by_ruamel_only_when_edited():
    doc = YamlDocument(publications_yaml(30, seed=9))
    assert all(p._data is document_module._UNPARSED for p in doc.pieces)
    doc.set_fields(7, {"title": "Edited"})
    parsed = [i for i, p in enumerate(doc.pieces) if p._data is not document_module._UNPARSED]
    assert parsed == [7]


VALUES = st.text(st.sampled_from(list("ab Z09 :#'\"\n-*&!|>%@`{}[],?~\\.") + ["🎉", "中", "é", "\u00a0"]),
                 max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from([(0, "title"), (0, "venue"), (1, "venue"), (2, "text"), (2, "date"), (0, "note")]), VALUES)
def test_after_any_edit_the_fast_read_equals_ruamel(monkeypatch, where, value):
    index, key = where
    doc = YamlDocument(BASE)
    doc.set_fields(index, {key: value})
    text = doc.text()
    _same(YamlDocument(text), _ruamel_doc(text, monkeypatch))


@pytest.mark.parametrize("text", ["Our paper: is out #1", "yes", "0o17", "2024.10", "🎉 中文 \u00a0é", "'quoted'", "- a dash",
                                  "null", "", " leading space", "[brackets]", "{% raw %}"])
def test_a_new_text_entry_written_by_libyaml_reads_back_the_same_under_ruamel(text, monkeypatch):
    doc = YamlDocument(BASE)
    doc.insert(0, {"date": "2026.11", "text": text})
    assert doc.plain(0) == {"date": "2026.11", "text": text}
    assert doc.pieces[0]._data is document_module._UNPARSED  # libyaml wrote it, ruamel was not needed
    slow = _ruamel_doc(doc.text(), monkeypatch)
    assert slow.plain(0) == {"date": "2026.11", "text": text}
    assert isinstance(slow.pieces[0].data["text"], str)
