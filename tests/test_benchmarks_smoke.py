"""The benchmark site generator at a small size: deterministic, valid, rendered. No timing here."""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ is not part of the package: import it from the checkout also under plain `pytest`
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.__main__ import format_table, judge, rows, run_module  # noqa: E402
from benchmarks.generate import main as generate_main  # noqa: E402
from benchmarks.generate import make_large_site, news_yaml, publications_yaml  # noqa: E402
from homepage_tui.site import Site  # noqa: E402
from homepage_tui.store import YamlDocument  # noqa: E402

MANAGED = ("content/publications.yml", "content/news.yml", "_pages/about.md")


def _files(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in MANAGED}


def test_generator_is_deterministic(tmp_path):
    a = make_large_site(tmp_path / "a", publications=40, news=12, seed=7)
    b = make_large_site(tmp_path / "b", publications=40, news=12, seed=7)
    assert _files(a) == _files(b)
    assert publications_yaml(40, seed=8) != publications_yaml(40, seed=7)


def test_generated_site_is_valid_and_rendered(tmp_path):
    root = make_large_site(tmp_path / "site", publications=40, news=12, seed=7)
    site = Site.open(root)
    assert site.check() == []
    assert site.render(write=False) == []  # the page is up to date with the content
    assert len(site.section("publications")) == 40
    assert len(site.section("news")) == 12
    page = site.page_path.read_text(encoding="utf-8")
    first = site.section("publications").entry(0)
    assert first["title"] in page
    # the commit leaves a clean tree, as a user's site would be before an edit
    import git
    assert not git.Repo(root).is_dirty(untracked_files=True)


def test_generated_files_have_comments_between_entries():
    text = publications_yaml(60, seed=3)
    doc = YamlDocument(text)
    assert len(doc) == 60
    year_headers = [ln for ln in text.splitlines() if ln.startswith("# 20")]
    assert len(year_headers) > 1
    # the comments sit between entries and travel with the entry below them
    assert any(p.lead and p.lead[0].startswith("# 20") for p in doc.pieces[1:])
    assert doc.text() == text
    news = YamlDocument(news_yaml(30, seed=3))
    assert all(len(news.plain(i)["date"]) == 7 for i in range(len(news)))  # quoted 'YYYY.MM', not floats


def test_generate_command(tmp_path, capsys):
    assert generate_main([str(tmp_path / "cli"), "--publications", "5", "--news", "3"]) == 0
    assert "5 publications" in capsys.readouterr().out
    assert generate_main([str(tmp_path / "cli"), "--publications", "5"]) == 1  # not empty any more


def test_one_field_edit_changes_one_line(tmp_path):
    root = make_large_site(tmp_path / "site", publications=30, news=5, seed=1, commit=False)
    path = root / "content" / "publications.yml"
    before = path.read_text(encoding="utf-8").splitlines()
    section = Site.open(root).section("publications")
    line = section.file.doc.field_line(17, "title")
    section.update(17, {"title": "A new title: with a colon"})
    section.save()
    after = path.read_text(encoding="utf-8").splitlines()
    assert [i + 1 for i, (x, y) in enumerate(zip(before, after)) if x != y] == [line]
    assert len(after) == len(before)
    assert section.entry(17)["title"] == "A new title: with a colon"  # the cached entry was refreshed


def test_runner_reports_missing_or_failing_modules_as_rows(monkeypatch):
    missing = run_module("nonexistent")
    assert missing[0]["passed"] is False and missing[0]["reason"] == "module missing"
    table = format_table(rows(missing))
    assert "FAIL: module missing" in table


def test_runner_judges_figures_without_a_verdict():
    assert judge({"value": 0.4, "unit": "s", "floor": 0.3, "target": "<= 0.5 s and <= 1.5x floor"})
    assert not judge({"value": 0.6, "unit": "s", "floor": 0.5, "target": "<= 0.5 s and <= 1.5x floor"})
    assert not judge({"value": 0.4, "unit": "s", "floor": 0.2, "target": "<= 0.5 s and <= 1.5x floor"})
    assert judge({"value": 40, "unit": "ms", "floor": None, "target": "<= 50 ms"})
    assert not judge({"value": 1.3, "unit": "s", "floor": 1.0, "target": "<= 1.2x floor"})


def test_large_file_parses_in_a_thread_while_another_thread_parses_edits():
    """The app loads content in a worker while the UI thread parses the snippets of an edit."""
    import threading

    from homepage_tui.store import parse_yaml

    text = publications_yaml(400, seed=5)
    result: dict = {}

    def load() -> None:
        try:
            result["doc"] = YamlDocument(text)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            result["error"] = exc

    worker = threading.Thread(target=load)
    worker.start()
    small = 0
    while worker.is_alive() or small < 3:
        assert parse_yaml("title: 'a snippet'\n") == {"title": "a snippet"}
        small += 1
    worker.join()
    assert "error" not in result
    assert len(result["doc"]) == 400


def test_runner_finds_every_bench_module_by_its_file_name():
    from benchmarks.__main__ import modules

    found = modules()
    assert found[:5] == ["core", "app", "publish", "cli", "growth"]
    bench_dir = Path(__file__).resolve().parents[1] / "benchmarks"
    assert sorted(found) == sorted(p.stem[len("bench_"):] for p in bench_dir.glob("bench_*.py"))


def test_a_row_without_a_target_it_could_fail_is_a_fail(monkeypatch):
    import types

    fake = types.ModuleType("benchmarks.bench_fake")
    fake.measure = lambda: [{"name": "always fine", "value": 1.0, "unit": "s", "target": "(info)", "passed": True},
                            {"name": "judged", "value": 0.01, "unit": "s", "target": "<= 16 ms"}]
    monkeypatch.setitem(sys.modules, "benchmarks.bench_fake", fake)
    info, judged = run_module("fake")
    assert info["passed"] is False and info["reason"] == "no target"
    assert judged["passed"] is True


def test_timed_pauses_the_gc_for_figure_and_floor_alike():
    import gc

    from benchmarks.common import timed

    states = []
    assert gc.isenabled()
    timed(lambda: states.append(gc.isenabled()))
    assert states == [False] and gc.isenabled()
