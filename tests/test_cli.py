"""The command line: every command on a real demo site, and one-line errors with exit 1."""

from __future__ import annotations

import subprocess
import sys

import git
import pytest

from homepage_tui.cli import main
from homepage_tui.demo import make_demo


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site").root


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_makes_a_git_site_with_a_pushed_bare_origin(tmp_path, capsys):
    code, out, _ = run(capsys, "demo", str(tmp_path / "d"), "--no-open")
    assert code == 0
    repo = git.Repo(tmp_path / "d")
    assert not repo.is_dirty(untracked_files=True)
    origin = git.Repo(tmp_path / "d-origin.git")
    assert origin.bare and origin.head.commit == repo.head.commit
    assert repo.active_branch.tracking_branch().name == "origin/main"
    for rel in ["_config.yml", "_pages/about.md", "content/news.yml", "content/site.yml", ".gitignore"]:
        assert (tmp_path / "d" / rel).exists(), rel
    # Making it again in the same place is refused, and nothing is touched.
    code, _, err = run(capsys, "demo", str(tmp_path / "d"), "--no-open")
    assert code == 1 and "already exists" in err and err.count("\n") == 1


def test_render_check_passes_on_a_fresh_demo_and_fails_when_out_of_date(site, capsys):
    assert run(capsys, "render", "--check", "--site", str(site))[0] == 0
    news = site / "content" / "news.yml"
    news.write_text(news.read_text().replace("Our paper", "My paper", 1))
    code, _, err = run(capsys, "render", "--check", "--site", str(site))
    assert code == 1 and "_pages/about.md: out of date" in err
    assert "My paper" not in (site / "_pages" / "about.md").read_text()  # --check wrote nothing
    assert run(capsys, "render", "--site", str(site))[0] == 0
    assert "My paper" in (site / "_pages" / "about.md").read_text()
    assert run(capsys, "render", "--check", "--site", str(site))[0] == 0


def test_add_news_writes_yaml_at_the_top_and_the_page(site, capsys):
    code, _, _ = run(capsys, "add-news", "--site", str(site), "--date", "2026.11", "Our", "paper", "is", "out")
    assert code == 0
    news = (site / "content" / "news.yml").read_text()
    assert news.startswith("# News: one entry per item, newest first.")
    first = news.index("- date:")
    assert news[first:].startswith("- date: '2026.11'\n  emoji: 🎉🎉\n  text: Our paper is out\n")
    assert "* [2026.11] &nbsp;🎉🎉 Our paper is out" in (site / "_pages" / "about.md").read_text()
    assert run(capsys, "render", "--check", "--site", str(site))[0] == 0


@pytest.mark.parametrize("date", ["2026.13", "2026-11", "26.11", "2026.02.30", "", "2026.1"])
def test_add_news_refuses_a_bad_date_and_writes_nothing(site, capsys, date):
    before = (site / "content" / "news.yml").read_bytes()
    code, _, err = run(capsys, "add-news", "--site", str(site), "--date", date, "text")
    assert code == 1 and err.startswith("homepage-tui: ") and err.count("\n") == 1
    assert (site / "content" / "news.yml").read_bytes() == before


def test_check_reports_file_and_line(site, capsys):
    assert run(capsys, "check", "--site", str(site))[0] == 0
    news = site / "content" / "news.yml"
    text = news.read_text()
    text = text.replace("- date: '2024.05'", "- date: '2024.15'", 1)
    text += "- date: '2020.10'\n  text: duplicate\n- date: '2020.10'\n  text: duplicate\n"
    news.write_text(text)
    pubs = site / "content" / "publications.yml"
    pubs.write_text(pubs.read_text() + "- title: X\n  links:\n    paper: not a url\n")
    code, out, _ = run(capsys, "check", "--site", str(site))
    assert code == 1
    line_of = lambda path, needle: path.read_text().splitlines().index(needle) + 1  # noqa: E731
    assert f"content/news.yml:{line_of(news, chr(45) + ' date: ' + chr(39) + '2024.15' + chr(39))}: error: date '2024.15' has month 15" in out
    assert "content/news.yml:" in out and "duplicate of the entry at line" in out
    assert f"content/publications.yml:{line_of(pubs, '  links:')}: error: paper: link 'not a url' is not a URL" in out


def test_check_reports_malformed_yaml_with_line_and_column(site, capsys):
    (site / "content" / "awards.yml").write_text("- year: 2020\n  title: [unclosed\n")
    code, out, _ = run(capsys, "check", "--site", str(site))
    assert code == 1 and "awards.yml:" in out


def test_preview_terminal_and_html(site, capsys, tmp_path):
    code, out, _ = run(capsys, "preview", "--site", str(site))
    assert code == 0 and "Pruner-Zero" in out and "{%" not in out and "&nbsp;" not in out
    assert "†" in out and "$\\dagger$" not in out
    html = tmp_path / "page.html"
    assert run(capsys, "preview", "--site", str(site), "--html", str(html))[0] == 0
    text = html.read_text()
    assert text.startswith("<!doctype html>") and ".paper-box" in text and ".badge" in text
    assert '<a href="https://arxiv.org/abs/2406.02924">paper</a>' in text


@pytest.mark.parametrize("command", [["render"], ["check"], ["add-news", "--date", "2026.01", "x"], ["preview"]])
def test_commands_fail_with_one_line_without_a_site(tmp_path, capsys, command):
    code, _, err = run(capsys, *command, "--site", str(tmp_path / "missing"))
    assert code == 1 and err.startswith("homepage-tui: ") and err.count("\n") == 1
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, *command, "--site", str(tmp_path / "empty"))
    assert code == 1 and "no content/ folder" in err and err.count("\n") == 1


def test_render_fails_on_a_page_without_regions(site, capsys):
    page = site / "_pages" / "about.md"
    page.write_text("# Just a page\n\nNo regions here.\n")
    code, _, err = run(capsys, "render", "--site", str(site))
    assert code == 1 and "no homepage-tui regions" in err


def test_every_command_has_help():
    for command in ["render", "check", "add-news", "preview", "demo"]:
        proc = subprocess.run([sys.executable, "-m", "homepage_tui", command, "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "--site" in proc.stdout, command


def test_preview_html_shows_html_lists_as_lists_not_code(tmp_path, capsys):
    """A news list written as indented <li> lines inside <ul> (kramdown reads it as HTML up to
    </ul>; CommonMark would end the block at the region's blank line and show code)."""
    from pathlib import Path

    from sitebuild import site_from_page

    page = (Path(__file__).parent / "fixtures" / "pages" / "HaoTang11__HaoTang11.github.io.md").read_text()
    site = site_from_page(tmp_path / "site", page)
    assert main(["import", "--site", str(site)]) == 0
    out = tmp_path / "page.html"
    assert main(["preview", "--site", str(site), "--html", str(out)]) == 0
    html = out.read_text()
    assert "<pre>" not in html and "&lt;li&gt;" not in html
    assert "<li><strong>[2026.02]</strong> Our paper (Percept-WAM)" in html


def test_each_command_name_maps_to_its_module():
    import importlib

    from homepage_tui.cli import COMMANDS, MODULE_OF

    names = {importlib.import_module(f"homepage_tui.commands.{m}").NAME: m for m in COMMANDS}
    assert names == MODULE_OF


@pytest.mark.parametrize("argv, expected", [
    (["check"], "check"),
    (["--site", "x", "add-news", "--date", "2026.01", "t"], "add-news"),
    (["--site=x", "render", "--check"], "render"),
    (["--help"], None),
    (["--site", "check"], None),  # `check` is --site's value: no command
    (["chekc"], None),  # a typo: the full parser names the choices
    ([], None),
])
def test_the_named_command_is_found_after_the_global_options(argv, expected):
    from homepage_tui.cli import named_command

    assert named_command(argv) == expected


def test_a_typo_and_a_bad_option_still_get_argparse_messages(site, capsys):
    with pytest.raises(SystemExit) as done:
        main(["chekc"])
    assert done.value.code == 2 and "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["--site", str(site), "check", "--bogus"])
    assert done.value.code == 2 and "unrecognized arguments: --bogus" in capsys.readouterr().err
