"""Publishing spawns only the git processes it needs: `git version` is asked once per process,
not once per publish (GitPython asks it before every push with progress, per Repo object)."""

from __future__ import annotations

import logging

import git.cmd
import pytest

from homepage_tui.publish import publish
from publish_support import add_bare_origin, identity_env, make_site


@pytest.fixture
def site(tmp_path, monkeypatch):
    for key, value in identity_env(tmp_path / "home").items():
        monkeypatch.setenv(key, value)
    site = make_site(tmp_path)
    add_bare_origin(site)
    return site


def test_a_second_publish_asks_no_git_version(site, monkeypatch, caplog):
    monkeypatch.setattr(git.cmd.Git, "GIT_PYTHON_TRACE", True)  # GitPython logs every command it runs
    site.add_news("2026.10", "First.")
    publish(site.root, site.managed)
    site.add_news("2026.11", "Second.")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="git.cmd"):
        publish(site.root, site.managed)
    commands = [r.getMessage() for r in caplog.records if r.name == "git.cmd"]
    assert any(c.startswith("git push") for c in commands)
    assert not [c for c in commands if c.startswith("git version")], commands


def test_a_publish_reads_head_in_process_no_cat_file(site, monkeypatch, caplog):
    # The message compares the content files at HEAD with the working tree: HEAD's blobs are read
    # from the object files (loose or packed) in this process, so a publish runs git status,
    # commit and push, as many processes as `git add; git commit; git push`.
    monkeypatch.setattr(git.cmd.Git, "GIT_PYTHON_TRACE", True)
    site.add_news("2026.10", "First.")
    publish(site.root, site.managed)
    site.add_news("2026.11", "Second.")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="git.cmd"):
        result = publish(site.root, site.managed)
    commands = [r.getMessage() for r in caplog.records if r.name == "git.cmd"]
    assert not [c for c in commands if "cat-file" in c], commands
    assert [c.split()[1] for c in commands] == ["status", "commit", "push"], commands
    assert result.message == "news: add 2026.11 entry"


@pytest.mark.parametrize("packed", [False, True])
def test_head_blobs_read_what_git_shows(site, packed):
    from git import Repo

    from homepage_tui.publish.gitrun import resolve
    from homepage_tui.publish.headblobs import head_blobs
    from publish_support import git as run_git

    site.add_news("2026.10", "Committed.")
    run_git(site.root, "commit", "-q", "-am", "news")
    site.add_news("2026.11", "Only in the working tree.")
    if packed:
        run_git(site.root, "gc", "-q")  # every object into a pack file
        assert not list((site.root / ".git" / "objects").glob("??/*"))
    repo = Repo(site.root)
    paths = ["content/news.yml", "content/publications.yml", "_pages/about.md", "content/new.yml",
             "README.md/inside", "content"]
    blobs = head_blobs(repo, resolve(repo), paths)
    assert blobs is not None
    assert set(blobs) == {"content/news.yml", "content/publications.yml", "_pages/about.md"}
    for path, data in blobs.items():
        assert data.decode() == run_git(site.root, "show", f"HEAD:{path}") + "\n"
    assert "Committed." in blobs["content/news.yml"].decode()
    assert "Only in the working tree." not in blobs["content/news.yml"].decode()


def test_when_gitdb_cannot_read_head_git_cat_file_does(site, monkeypatch, caplog):
    import homepage_tui.publish.message as message

    monkeypatch.setattr(message, "head_blobs", lambda repo, head, paths: None)  # e.g. a SHA-256 repository
    monkeypatch.setattr(git.cmd.Git, "GIT_PYTHON_TRACE", True)
    site.add_news("2026.10", "First.")
    with caplog.at_level(logging.INFO, logger="git.cmd"):
        result = publish(site.root, site.managed)
    assert any("cat-file --batch" in r.getMessage() for r in caplog.records if r.name == "git.cmd")
    assert result.message == "news: add 2026.10 entry"
