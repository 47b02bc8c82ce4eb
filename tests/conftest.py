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
