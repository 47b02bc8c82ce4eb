"""`homepage-tui publish` as a user runs it: a real process, stdin closed, real repositories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from publish_support import (
    UnauthorizedServer,
    add_bare_origin,
    clone,
    environ_with,
    git,
    identity_env,
    make_rendered_site,
)

REPO = Path(__file__).resolve().parents[1]

@pytest.fixture
def env(tmp_path):
    return environ_with({**identity_env(tmp_path / "home"), "PYTHONPATH": str(REPO)})


def cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "homepage_tui", *argv],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        start_new_session=True, timeout=120,
    )


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("homepage-tui: "), done.stderr
    return lines[0]


@pytest.fixture
def site(tmp_path, env):
    site = make_rendered_site(tmp_path)
    add_bare_origin(site)
    return site


def test_publish_commits_and_pushes(site, env):
    site.add_news("2026.11", "From the command line.")

    done = cli(env, "publish", "--site", str(site.root))

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"published {site.head()[:7]} to origin/main",
        "  news: add 2026.11 entry",
    ]
    assert site.origin_head() == site.head()


def test_message_and_no_push(site, env):
    site.add_news("2026.11", "Local only.")

    done = cli(env, "publish", "--site", str(site.root), "-m", "Add the November news", "--no-push")

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"committed {site.head()[:7]} on main (not pushed)"
    assert git(site.root, "log", "-1", "--format=%s") == "Add the November news"
    assert site.origin_head() != site.head()


def test_nothing_to_publish_is_one_line_and_exit_1(site, env):
    line = one_line_error(cli(env, "publish", "--site", str(site.root)))
    assert "nothing to publish" in line


def test_no_upstream_then_set_upstream(tmp_path, env):
    site = make_rendered_site(tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(site.root, "remote", "add", "origin", str(origin))
    site.add_news("2026.11", "First.")

    line = one_line_error(cli(env, "publish", "--site", str(site.root)))
    assert "origin/main" in line and "--set-upstream" in line and "committed" in line

    done = cli(env, "publish", "--site", str(site.root), "--set-upstream")
    assert done.returncode == 0, done.stderr
    assert git(origin, "rev-parse", "main") == site.head()


def test_rejected_then_rebase(site, env, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/publications.yml", other.read("content/publications.yml") + "- title: Third\n")
    git(other.root, "commit", "-q", "-am", "theirs")
    git(other.root, "push", "-q")
    site.add_news("2026.11", "Mine.")

    line = one_line_error(cli(env, "publish", "--site", str(site.root)))
    assert "rejected" in line and "--rebase" in line
    assert site.origin_head() == other.head()

    done = cli(env, "publish", "--site", str(site.root), "--rebase")
    assert done.returncode == 0, done.stderr
    assert git(site.root, "rev-parse", "HEAD~1") == other.head()
    assert site.origin_head() == site.head()


def test_credentials_wanted_fails_with_a_hint_and_no_prompt(site, env):
    with UnauthorizedServer() as server:
        git(site.root, "remote", "set-url", "origin", server.url)
        site.add_news("2026.11", "Private.")
        line = one_line_error(cli(env, "publish", "--site", str(site.root)))
        assert server.requests
    assert "wants credentials" in line and "credential helper" in line


def test_the_demo_site_publishes_offline_out_of_the_box(tmp_path, env):
    demo = tmp_path / "demo"
    made = cli(env, "demo", str(demo), "--no-open")
    assert made.returncode == 0, made.stderr
    added = cli(env, "add-news", "--site", str(demo), "--date", "2026.11", "A demo entry.")
    assert added.returncode == 0, added.stderr

    done = cli(env, "publish", "--site", str(demo))

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith("to origin/main")
    assert "2026.11" in done.stdout
    origin = tmp_path / "demo-origin.git"
    assert git(origin, "rev-parse", "main") == git(demo, "rev-parse", "HEAD")
    assert git(demo, "status", "--porcelain") == ""


def test_folder_without_content_is_one_line(tmp_path, env):
    (tmp_path / "empty").mkdir()
    line = one_line_error(cli(env, "publish", "--site", str(tmp_path / "empty")))
    assert "content/" in line


def test_site_outside_git_is_one_line(tmp_path, env):
    (tmp_path / "plain" / "content").mkdir(parents=True)
    (tmp_path / "plain" / "content" / "news.yml").write_text("- date: '2026.11'\n  text: x\n")
    line = one_line_error(cli(env, "publish", "--site", str(tmp_path / "plain")))
    assert "not inside a git repository" in line
