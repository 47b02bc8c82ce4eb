"""add-pub and export on the command line, on the demo site (real files, real page render)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from homepage_tui.cli import main
from homepage_tui.demo import make_demo
from resolver_server import FaultyHandler, base_url, serving
from sitebuild import build, visible
from test_bib_core import SCHOLAR


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pubs(site):
    return (site.root / "content" / "publications.yml").read_text(encoding="utf-8")


def page(site):
    return (site.root / "_pages" / "about.md").read_text(encoding="utf-8")


def test_export_then_add_pub_adds_nothing_on_the_seed(site, capsys, tmp_path):
    before, page_before = pubs(site), page(site)
    out_file = tmp_path / "all.bib"
    code, _, err = run(capsys, "export", "--bib", str(out_file), "--site", str(site.root))
    assert code == 0 and "wrote 24 publication(s)" in err
    assert out_file.read_text(encoding="utf-8").count("\n@") + 1 == 24
    code, out, err = run(capsys, "add-pub", str(out_file), "--yes", "--site", str(site.root))
    assert code == 0, err
    assert "nothing added: 24 publication(s) already in content/publications.yml" in out
    assert err.count("skipped duplicate:") == 24
    assert pubs(site) == before and page(site) == page_before


def test_export_to_stdout(site, capsys):
    code, out, _ = run(capsys, "export", "--bib", "--site", str(site.root))
    assert code == 0 and out.startswith("@inproceedings{tang2024bandwidthaware,")


def test_add_pub_from_a_bib_file_is_one_block_and_in_the_page(site, capsys, tmp_path):
    bib = tmp_path / "scholar.bib"
    bib.write_text(SCHOLAR.split("@article{tang2023fusionai")[0], encoding="utf-8")
    before = pubs(site)
    code, out, err = run(capsys, "add-pub", str(bib), "--site", str(site.root))
    assert code == 0, err
    assert "added 1 publication(s) to content/publications.yml" in out
    cut = before.index("- title: Bandwidth")
    assert pubs(site) == before[:cut] + (
        "- title: \"Robust GAN training for Müller's data: Étude\"\n"
        "  authors:\n    - J. Müller\n    - Z. Tang\n    - J. van der Berg\n    - J.-Y. Zhu\n"
        "  venue: In Proceedings of the 41st International Conference on Machine Learning\n"
        "  year: '2024'\n  kind: conference\n\n") + before[cut:]  # one added block, the rest byte for byte
    assert "J. Müller, **Z. Tang**, J. van der Berg, J.-Y. Zhu. Robust GAN training for Müller's data: Étude." in page(site)


def test_dry_run_prints_the_yaml_and_writes_nothing(site, capsys, tmp_path):
    bib = tmp_path / "scholar.bib"
    bib.write_text(SCHOLAR, encoding="utf-8")
    before = pubs(site)
    code, out, err = run(capsys, "add-pub", str(bib), "--dry-run", "--site", str(site.root))
    assert code == 0
    assert "- title: A Journal Paper\n  authors:\n    - A. Smith\n" in out
    assert "skipped duplicate: 'FusionAI" in err  # the seed has FusionAI already
    assert "# dry run: 2 publication(s) would be added" in err
    assert pubs(site) == before


def test_add_pub_from_stdin(site, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(SCHOLAR))
    code, out, err = run(capsys, "add-pub", "-", "--site", str(site.root))
    assert code == 0 and "added 2 publication(s)" in out and "skipped duplicate: 'FusionAI" in err


@pytest.mark.parametrize("text, message", [
    ("@article{bad,\n  title = {Oops},\n  year = 2020\n\n",
     "<stdin>:{line}:1: @article is never closed (a missing }} or \")"),
    ("@misc{k, author={A B}, year=2020}",
     "<stdin>:{line}:1: @misc{{k}} has no title field; a publication needs its title"),
])
def test_bad_bibtex_writes_nothing(site, capsys, monkeypatch, text, message):
    before, page_before = pubs(site), page(site)
    monkeypatch.setattr(sys, "stdin", io.StringIO(SCHOLAR + "\n" + text))
    code, _, err = run(capsys, "add-pub", "-", "--site", str(site.root))
    assert code == 1
    assert err == "homepage-tui: " + message.format(line=SCHOLAR.count("\n") + 2) + "\n"
    assert pubs(site) == before and page(site) == page_before


def test_dois_and_arxiv_ids_against_the_recorded_server(site, capsys, monkeypatch):
    with serving() as server:
        monkeypatch.setenv("HOMEPAGE_TUI_RESOLVER_URL", base_url(server))
        code, out, err = run(capsys, "add-pub", "10.1371/journal.pone.0033693", "arXiv:1605.08386",
                             "--site", str(site.root))
    assert code == 0, err
    text = pubs(site)
    assert text.index("Methylphenidate Exposure") < text.index("Heat-bath random walks") < text.index("Bandwidth-Aware")
    assert "  links:\n    paper: https://doi.org/10.1371/journal.pone.0033693\n" in text
    assert "    arXiv: https://arxiv.org/abs/1605.08386\n" in text
    assert "S. Sadasivan, B. B. Pond" in page(site)


@pytest.mark.parametrize("fault, reason", [
    ("404", "not found at Crossref"),
    ("500", "Crossref answered 500 Internal Server Error; try again later"),
    ("malformed", "Crossref sent an answer that is not JSON"),
    ("hang", "Crossref (127.0.0.1:{port}) did not answer within 0.5 s; offline? (pasted BibTeX works without network)"),
])
def test_a_failing_lookup_adds_nothing_even_with_good_sources(site, capsys, monkeypatch, tmp_path, fault, reason):
    bib = tmp_path / "ok.bib"
    bib.write_text(SCHOLAR, encoding="utf-8")
    before, page_before = pubs(site), page(site)
    monkeypatch.setenv("HOMEPAGE_TUI_RESOLVER_TIMEOUT", "0.5")
    with serving(FaultyHandler, fault=fault) as server:
        monkeypatch.setenv("HOMEPAGE_TUI_RESOLVER_URL", base_url(server))
        code, out, err = run(capsys, "add-pub", str(bib), "10.1371/journal.pone.0033693", "--site", str(site.root))
        port = server.server_address[1]
    assert code == 1 and out == ""
    assert err == f"homepage-tui: DOI 10.1371/journal.pone.0033693: {reason.format(port=port)}\n"
    assert pubs(site) == before and page(site) == page_before


def test_the_added_paper_is_on_the_page_jekyll_builds(site, capsys, tmp_path):
    bib = tmp_path / "one.bib"
    bib.write_text(SCHOLAR.split("@article{tang2023fusionai")[0], encoding="utf-8")
    assert run(capsys, "add-pub", str(bib), "--site", str(site.root))[0] == 0
    html = build(site.root)  # what a visitor sees, built by the real Jekyll
    text, _, _ = visible(html)
    assert "J. Müller, Z. Tang, J. van der Berg, J.-Y. Zhu. Robust GAN training for Müller’s data: Étude." in text
    assert "J. Müller, <strong>Z. Tang</strong>, J. van der Berg" in html


def test_help_is_fast_and_does_not_import_the_bib_libraries():
    proc = subprocess.run([sys.executable, "-c",
                           "import sys; from homepage_tui.cli import build_parser; build_parser();"
                           "print(sorted(m for m in ('bibtexparser','rapidfuzz','pylatexenc') if m in sys.modules))"],
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_on_a_terminal_add_pub_asks_about_each_duplicate(site, tmp_path):
    """A real pseudo-terminal: the prompt is shown, "y" adds the duplicate anyway."""
    import os
    import pty

    bib = tmp_path / "dup.bib"
    bib.write_text(SCHOLAR, encoding="utf-8")  # FusionAI is already on the demo site
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "homepage_tui", "add-pub", str(bib), "--site", str(site.root)],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    while b"add it anyway? [y/N]" not in seen:
        chunk = os.read(master, 1024)
        assert chunk, seen
        seen += chunk
    os.write(master, b"y\n")
    rest = b""
    try:
        while chunk := os.read(master, 1024):
            rest += chunk
    except OSError:  # the terminal closes when the command ends
        pass
    assert proc.wait(timeout=60) == 0
    assert b"(same title, content/publications.yml:94); add it anyway? [y/N]" in seen
    assert b"added 3 publication(s)" in rest
    assert pubs(site).count("FusionAI: Decentralized Training") == 2


def test_an_empty_source_is_a_one_line_error(site, capsys, tmp_path):
    empty = tmp_path / "empty.bib"
    empty.write_text("\n", encoding="utf-8")
    code, _, err = run(capsys, "add-pub", str(empty), "--site", str(site.root))
    assert code == 1 and err == f"homepage-tui: {empty}: no BibTeX entry, DOI or arXiv id to add\n"
