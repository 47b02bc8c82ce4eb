"""Import each real page (tests/fixtures/pages: the corpus, the seed and more, see SOURCES.txt), build it with Debian's jekyll
before and after, and compare what a visitor sees. Then `render --check` must pass, and an edit
of one entry must change only that entry's lines of the page."""

from __future__ import annotations

import difflib
import re
from collections import Counter

import pytest

from homepage_tui import model
from homepage_tui.cli import main
from homepage_tui.importer.apply import plan_site
from homepage_tui.importer.plan import table_rows
from homepage_tui.render import render_entry, render_tree_item
from homepage_tui.site import Site
from importer_support import PAGES, make_site
from sitebuild import build, jekyll_available, visible

EDIT_FIELD = {model.NEWS: "text", model.PUBLICATIONS: "title", model.AWARDS: "title", model.TREE: "text"}


@pytest.fixture(scope="module")
def table(request):
    rows: list[tuple[str, int, int, int, int, Counter]] = []
    yield rows
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else _nothing():
        lines = format_rows(rows)
        if reporter is not None:
            reporter.write_line("")
            reporter.write_sep("-", "import: list items typed and kept raw per page")
            for line in lines:
                reporter.write_line(line)
        else:
            print("\n".join(lines))


def format_rows(rows) -> list[str]:
    """page, sections, entries (list items), typed, raw, raw %, HTML comments and other lines kept
    between the items (no list items), and the most common reason for the raw ones."""
    lines = [f"{'page':45} {'sections':>8} {'entries':>7} {'typed':>5} {'raw':>4} {'raw %':>6} {'comments':>8}  why raw (most common)"]
    for name, sections, typed, raw, comments, reasons in sorted(rows):
        share = 100 * raw / (typed + raw) if typed + raw else 0
        top = reasons.most_common(1)[0][0] if reasons else ""
        lines.append(f"{name:45} {sections:8} {typed + raw:7} {typed:5} {raw:4} {share:5.0f}% {comments:8}  {top[:70]}")
    typed, raw = sum(r[2] for r in rows), sum(r[3] for r in rows)
    lines.append(f"{'total':45} {sum(r[1] for r in rows):8} {typed + raw:7} {typed:5} {raw:4} "
                 f"{100 * raw / max(1, typed + raw):5.1f}% {sum(r[4] for r in rows):8}")
    return lines


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _only_comments(text: str) -> bool:
    """Whether a raw entry is nothing but HTML comments."""
    return bool(text.strip()) and not re.sub(r"<!--.*?-->", "", text, flags=re.S).strip()


def _rendered(section, entry, names) -> str:
    if section.type == model.TREE:
        return render_tree_item(entry, section.style)
    return render_entry(entry, section.style, names)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_import_keeps_what_the_site_shows(page, tmp_path, table):
    if not jekyll_available():
        pytest.fail("jekyll is not installed: the fidelity tests need Debian's jekyll (apt-get install jekyll)")
    site = make_site(tmp_path / "site", page)
    before = visible(build(site))

    rows = table_rows(plan_site(site, "_pages/about.md"))
    assert main(["import", "--site", str(site)]) == 0
    after = visible(build(site))
    assert after[0] == before[0], "visible text changed"
    assert after[1] == before[1], "links changed"
    assert after[2] == before[2], "headings changed"

    opened = Site.open(site)
    assert opened.render(write=False) == [], "render --check fails right after the import"
    assert main(["render", "--check", "--site", str(site)]) == 0

    structured = raw = comments = 0
    for name in opened.section_names():
        entries = opened.section(name).entries
        structured += sum(1 for e in entries if "raw" not in e)
        comments += sum(1 for e in entries if "raw" in e and _only_comments(model.text_of(e["raw"])))
        raw += sum(1 for e in entries if "raw" in e and not _only_comments(model.text_of(e["raw"])))
    # The import's own table says what the content files hold (its raw entries are list items;
    # comments and other lines kept between the items are counted apart).
    assert sum(r.typed for r in rows) == structured
    assert sum(r.raw + r.comments for r in rows) == raw + comments
    raw, comments = sum(r.raw for r in rows), sum(r.comments for r in rows)
    table.append((page.stem, len(opened.section_names()), structured, raw, comments,
                  sum((r.reasons for r in rows), Counter())))
    assert structured > 0

    # Edit one structured entry: only its lines of the page may change.
    name, index = next((n, i) for n in opened.section_names()
                       for i, e in enumerate(opened.section(n).entries) if "raw" not in e)
    section = opened.section(name)
    entry = section.entry(index)
    key = EDIT_FIELD[section.type]
    pages_before = {p: p.read_text(encoding="utf-8") for p in opened.page_files()}
    old_lines = _rendered(section, entry, opened.settings.names).splitlines()
    section.update(index, {key: model.text_of(entry[key]) + " (edited)"})
    opened.save_and_render(section)
    new_lines = _rendered(section, section.entry(index), opened.settings.names).splitlines()
    changed_files = [p for p in pages_before if p.read_text(encoding="utf-8") != pages_before[p]]
    assert len(changed_files) == 1
    diff = list(difflib.ndiff(pages_before[changed_files[0]].splitlines(),
                              changed_files[0].read_text(encoding="utf-8").splitlines()))
    removed = [d[2:] for d in diff if d.startswith("- ")]
    added = [d[2:] for d in diff if d.startswith("+ ")]
    assert removed and added
    assert all(line in old_lines for line in removed), removed
    assert all(line in new_lines for line in added), added
    assert Site.open(site).render(write=False) == []
