"""Across every real page in tests/fixtures/pages, at most 5% of the list items the import finds
stay raw (the rest are typed entries the user edits in forms). Prints the table: page, entries,
typed, raw (fidelity with Jekyll is test_importer_fidelity's job)."""

from __future__ import annotations

from homepage_tui.importer.plan import import_page, table_rows
from importer_support import PAGES, modules

MAX_RAW_SHARE = 0.05


def test_at_most_five_percent_of_list_items_stay_raw(request):
    lines = [f"{'page':45} {'entries':>7} {'typed':>5} {'raw':>4}"]
    typed = raw = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        files = {"_pages/about.md": text, **(modules() if "include_relative" in text else {})}
        rows = table_rows(import_page(files, "_pages/about.md"))
        t, r = sum(x.typed for x in rows), sum(x.raw for x in rows)
        typed, raw = typed + t, raw + r
        lines.append(f"{page.stem:45} {t + r:7} {t:5} {r:4}")
    share = raw / (typed + raw)
    lines.append(f"{'total (' + str(len(PAGES)) + ' pages)':45} {typed + raw:7} {typed:5} {raw:4}  {100 * share:.1f}% raw")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)
    assert len(PAGES) >= 20
    assert share <= MAX_RAW_SHARE, f"{100 * share:.1f}% of the list items stay raw"
