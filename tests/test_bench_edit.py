"""The undo benchmark runs on a small site and checks what it times (times are not asserted)."""

from benchmarks import bench_edit


def test_undo_benchmark_rows_restore_the_file(monkeypatch):
    monkeypatch.setattr(bench_edit, "REPEAT", 2)
    rows = bench_edit.measure(publications=1100)  # entry 1000 + 37k must exist
    assert [r["name"].split(",")[0] for r in rows] == ["undo a one-field edit", "redo a one-field edit",
                                                       "undo a sort of 1100 entries"]
    assert all("reason" not in r and r["value"] is not None and r["floor"] for r in rows)
