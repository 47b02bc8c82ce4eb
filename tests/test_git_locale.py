"""Git's messages are matched in English (publish/gitrun.py, flow.py); a user whose git speaks
another language must get the same explanations, so every git command runs with LC_ALL=C and
LANGUAGE=C (gitrun.GIT_LOCALE).

These tests passed before GIT_LOCALE was added: GitPython's execute() sets both variables itself.
They pin the behaviour for any git command run another way. Debian's git ships its German
translation; LANGUAGE=de makes git speak German under any locale but C (C.UTF-8 included)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from homepage_tui.publish import AuthRequiredError, IdentityMissingError, publish
from publish_support import UnauthorizedServer, add_bare_origin, git, identity_env, make_site

GERMAN = Path("/usr/share/locale/de/LC_MESSAGES/git.mo")


@pytest.fixture
def german_site(tmp_path, monkeypatch):
    # Debian's git package ships its translations; without this file the premise cannot be shown.
    assert GERMAN.exists(), f"{GERMAN} missing: git's German translation (Debian's git package) is needed"
    for key, value in identity_env(tmp_path / "home").items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    site = make_site(tmp_path)
    add_bare_origin(site)
    return site


def test_git_speaks_german_here_without_our_setting(german_site):
    # the premise: without LC_ALL=C this machine's git answers in German
    done = subprocess.run(["git", "rev-parse", "--verify", "no-such-ref"], cwd=german_site.root,
                          capture_output=True, text=True)
    assert done.stderr.startswith("Schwerwiegend")


def test_a_missing_identity_is_explained_when_git_speaks_german(german_site, monkeypatch):
    # git says "Please tell me who you are" in German ("Bitte geben Sie an, wer Sie sind")
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key)
    git(german_site.root, "config", "user.useConfigOnly", "true")
    german_site.add_news("2026.11", "Who am I?")
    with pytest.raises(IdentityMissingError, match="user.email"):
        publish(german_site.root, german_site.managed)


def test_a_remote_that_wants_a_password_is_explained_when_git_speaks_german(german_site):
    with UnauthorizedServer() as server:
        git(german_site.root, "remote", "set-url", "origin", server.url)
        german_site.add_news("2026.11", "Wants a password.")
        with pytest.raises(AuthRequiredError):
            publish(german_site.root, german_site.managed)
