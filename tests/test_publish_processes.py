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
