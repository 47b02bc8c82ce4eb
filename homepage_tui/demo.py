"""Make a working demo site: the bundled content, the demo page and a git repository whose
`origin` is a bare repository beside it, so that publishing works offline."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import git

from .errors import SiteError
from .site import Site

DEMO_AUTHOR = ("homepage-tui demo", "demo@homepage-tui.invalid")


def bundled(name: str) -> Path:
    """A folder shipped inside the package (demo_data)."""
    return Path(__file__).resolve().parent / name


def bundled_content() -> Path:
    """The bundled content: the repository's content/, installed as homepage_tui.demo_content
    (a data-only package, so it is found through its import spec, not importlib.resources)."""
    spec = importlib.util.find_spec("homepage_tui.demo_content")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "news.yml").exists():
            return Path(location)
    return Path(__file__).resolve().parents[1] / "content"  # a source tree that was not installed


def make_demo(target: Path) -> Site:
    """Create the demo site in `target` (which must not exist or be empty); returns the site."""
    target = Path(target).expanduser().resolve()
    if target.exists() and any(target.iterdir()):
        raise SiteError(f"{target}: already exists and is not empty; choose another folder")
    origin = target.parent / f"{target.name}-origin.git"
    if origin.exists():
        raise SiteError(f"{origin}: already exists; remove it or choose another folder for the demo")
    shutil.copytree(bundled("demo_data"), target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (target / "gitignore").rename(target / ".gitignore")
    shutil.copytree(bundled_content(), target / "content",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "__init__.py"))
    site = Site.open(target)
    site.render()

    repo = git.Repo.init(target, initial_branch="main")
    with repo.config_writer() as cfg:
        if not _has_identity(repo):
            cfg.set_value("user", "name", DEMO_AUTHOR[0])
            cfg.set_value("user", "email", DEMO_AUTHOR[1])
    repo.git.add(A=True)
    repo.index.commit("Demo site made by homepage-tui")
    git.Repo.init(origin, bare=True, initial_branch="main")
    repo.create_remote("origin", str(origin))
    repo.git.push("--set-upstream", "origin", "main")
    return site


def _has_identity(repo: git.Repo) -> bool:
    try:
        return bool(repo.git.config("user.email")) and bool(repo.git.config("user.name"))
    except git.GitCommandError:
        return False
