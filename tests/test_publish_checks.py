"""What `publish` checks before it commits (issue 11 build check, issue 15.1): the same validation
as `check` and `render --check`, then a real Jekyll build. A user's real process, real git, real
Debian jekyll; nothing committed when a check fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from publish_support import add_bare_origin, environ_with, git, identity_env, make_rendered_site
from test_publish_cli import REPO, cli, one_line_error

needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None, reason="needs Debian's jekyll (.ci/run installs it)")


@pytest.fixture
def env(tmp_path):
    return environ_with({**identity_env(tmp_path / "home"), "PYTHONPATH": str(REPO)})


@pytest.fixture
def site(tmp_path, env):
    site = make_rendered_site(tmp_path)
    add_bare_origin(site)
    return site


def unchanged(site, head: str, status: str) -> bool:
    return site.head() == head and site.origin_head() == head and git(site.root, "status", "--porcelain") == status


def test_unreadable_yaml_is_refused_with_file_and_line_and_nothing_committed(site, env):
    site.add_news("2026.11", "Fine so far.")
    site.write("content/news.yml", site.read("content/news.yml").replace("'2026.11'", "'2026.11", 1))
    head, status = site.head(), git(site.root, "status", "--porcelain")

    for argv in (["publish"], ["publish", "-m", "x"], ["publish", "-m", "x", "--no-build"]):
        line = one_line_error(cli(env, *argv, "--site", str(site.root)))
        assert line.startswith("homepage-tui: not published, nothing committed: content/news.yml:"), line
        assert ": error: " in line
        assert unchanged(site, head, status)


def test_a_page_out_of_date_with_its_content_is_refused(site, env):
    site.render_page = False
    site.add_news("2026.11", "Not rendered.")
    head, status = site.head(), git(site.root, "status", "--porcelain")
    line = one_line_error(cli(env, "publish", "--site", str(site.root)))
    assert "_pages/about.md: error: out of date with content/" in line
    assert unchanged(site, head, status)


@needs_jekyll
def test_a_liquid_error_in_the_users_prose_is_refused_with_jekylls_file_and_line(site, env):
    page = site.read("_pages/about.md").replace("# News\n", "# News\nI like {% unknowntag %} a lot.\n")
    site.write("_pages/about.md", page)
    site.add_news("2026.11", "With a broken page.")
    line_no = page.splitlines().index("I like {% unknowntag %} a lot.") + 1
    head, status = site.head(), git(site.root, "status", "--porcelain")

    line = one_line_error(cli(env, "publish", "--site", str(site.root)))

    assert f"Jekyll: _pages/about.md:{line_no}: Liquid syntax error: Unknown tag 'unknowntag'" in line, line
    assert "publish --no-build skips the build check" in line
    assert unchanged(site, head, status)
    assert not (site.root / "_site").exists() and not (site.root / ".jekyll-cache").exists()

    done = cli(env, "publish", "--no-build", "--site", str(site.root))
    assert done.returncode == 0, done.stderr
    assert site.origin_head() == site.head() != head


@needs_jekyll
def test_a_page_that_builds_is_published(site, env):
    site.add_news("2026.11", "Builds fine.")
    done = cli(env, "publish", "--site", str(site.root))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no "skipped" note: the check ran
    assert site.origin_head() == site.head()


@needs_jekyll
def test_a_hanging_build_is_stopped_at_its_timeout(site, env):
    # A real plugin that never returns: Jekyll loads _plugins/ outside safe mode.
    site.write("_plugins/hang.rb", "Jekyll::Hooks.register :site, :after_init do |_site|\n  sleep 600\nend\n")
    git(site.root, "add", "_plugins/hang.rb")
    git(site.root, "commit", "-q", "-m", "a plugin that hangs")
    git(site.root, "push", "-q")
    site.add_news("2026.11", "Hangs.")
    head, status = site.head(), git(site.root, "status", "--porcelain")

    line = one_line_error(cli(env, "publish", "--build-timeout", "3", "--site", str(site.root)))

    assert "did not finish in 3 s and was stopped" in line
    assert unchanged(site, head, status)
    assert not running(f"build --source {site.root}")  # the whole process group went


def running(needle: str) -> list[str]:
    """Command lines of live processes that contain `needle` (read from /proc: no pgrep needed)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if needle in text:
            found.append(text)
    return found


def test_without_jekyll_the_check_is_skipped_and_said_once(site, env, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(shutil.which("git"), bin_dir / "git")
    site.add_news("2026.11", "No Jekyll here.")
    done = cli({**env, "PATH": str(bin_dir)}, "publish", "--site", str(site.root))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["homepage-tui: build check skipped: Jekyll is not installed "
                                        "(https://jekyllrb.com/docs/installation/)"]
    assert site.origin_head() == site.head()


@needs_jekyll
@pytest.mark.parametrize("after_front_matter", ["", "\n", "\n\n\n"])
def test_the_liquid_error_line_counts_from_the_top_of_the_file(tmp_path, after_front_matter):
    from homepage_tui.publish.build import build_site
    from sitebuild import site_from_page

    page = f"---\npermalink: /\n---\n{after_front_matter}# Hi\n\nSome prose.\n\nI wrote {{% if %}} here.\n"
    site = site_from_page(tmp_path / "site", page)
    result = build_site(site)
    line = page.splitlines().index("I wrote {% if %} here.") + 1
    assert not result.ok and result.error.startswith(f"_pages/about.md:{line}: Liquid syntax error"), result.error
