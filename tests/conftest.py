import sys
from pathlib import Path

# tests import their helpers (sitebuild) by name.
sys.path.insert(0, str(Path(__file__).parent))

import pytest


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory, monkeypatch):
    """No test reads the real home folder's settings: HOMEPAGE_TUI_CONFIG points at a file that
    does not exist unless the test writes it (tests that need settings set it themselves)."""
    monkeypatch.setenv("HOMEPAGE_TUI_CONFIG", str(tmp_path_factory.mktemp("settings") / "config.toml"))


@pytest.fixture
def git_identity(tmp_path, monkeypatch) -> dict[str, str]:
    """A git identity and an empty global git config, as CI machines have neither; returns the
    variables set. Modules that run git use it with `pytestmark = usefixtures("git_identity")`."""
    from publish_support import identity_env, set_env

    env = identity_env(tmp_path / "home")
    set_env(monkeypatch, env)
    return env


@pytest.fixture
def site_with_origin(tmp_path, git_identity):
    """The rendered test site, committed, with a bare origin beside it."""
    from publish_support import add_bare_origin, make_rendered_site

    site = make_rendered_site(tmp_path)
    add_bare_origin(site)
    return site
