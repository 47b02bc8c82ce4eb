"""Commands that do not open the editor start without importing what they do not use: Textual
never, nor git, markdown-it or ruamel.yaml (issue 13: start-up
within 1.3x `import ruamel.yaml`; the time itself is measured in benchmarks/bench_cli.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from homepage_tui.demo import make_demo

PROBE = """
import json, sys
from homepage_tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def imported(*argv: str, full: bool = False) -> set[str]:
    """The packages (or with `full`, the modules) a command line imports."""
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)
    modules = set(json.loads(done.stdout.strip().splitlines()[-1]))
    return modules if full else {m.split(".")[0] for m in modules}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("startup") / "site").root


def test_help_imports_no_library_it_does_not_use():
    modules = imported("--help")
    assert not modules & {"textual", "git", "markdown_it", "ruamel", "yaml", "rich"}


# What the core's modules used to import at their top and the command line cannot afford:
# dataclasses (with inspect, ast, dis, tokenize) and typing were a fifth of check's start-up.
COSTLY_STDLIB = {"dataclasses", "inspect", "typing"}


def test_check_reads_content_without_textual_git_or_ruamel(site):
    modules = imported("--site", str(site), "check")
    assert "yaml" in modules  # libyaml reads the content
    assert not modules & {"textual", "git", "markdown_it", "ruamel"}
    assert not modules & COSTLY_STDLIB
    assert "shutil" not in modules  # argparse's formatter would import it (cli.help_formatter)


def test_check_imports_no_page_writing_check(site):
    # pagecheck and htmlcheck guard a page that is written; `check` writes none
    modules = imported("--site", str(site), "check", full=True)
    assert "homepage_tui.lint.rules_page" in modules
    assert not modules & {"homepage_tui.pagecheck", "homepage_tui.htmlcheck"}


def test_add_news_edits_without_textual_git_or_ruamel(site):
    # a news item of one-line text fields is written by libyaml's emitter and read back by it
    modules = imported("--site", str(site), "add-news", "--date", "2026.01", "Started.")
    assert not modules & {"textual", "git", "markdown_it", "ruamel"}
    assert not modules & COSTLY_STDLIB
    assert not modules & {"tempfile", "shutil"}  # store.atomic_write makes its own temporary file
    assert "Started." in (site / "content" / "news.yml").read_text(encoding="utf-8")
