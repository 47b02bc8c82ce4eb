"""A new page in a folder that has none: the AcadHomepage layout's page with its usual sections
(News, Publications, Honors and Awards, Educations, Invited Talks, Internships), a few example
entries to replace, then the importer's own work on it: content/*.yml, content/site.yml and the
page's generated regions. Nothing here writes YAML or regions itself: the importer does, as it
does for a hand-written page, so a new site and an imported one are the same. A folder that is not
in a git repository gets one (no commit, no remote), as publishing needs it."""

from __future__ import annotations

import shutil
from pathlib import Path

from .demo import bundled
from .errors import SiteError
from .layout import CONTENT_DIR, DEFAULT_PAGE

# (bundled file, where it goes in the site); a file the folder already has is left as it is.
STARTER_FILES = [
    ("starter_data/_pages/about.md", DEFAULT_PAGE),
    ("starter_data/_config.yml", "_config.yml"),
    ("demo_data/_layouts/default.html", "_layouts/default.html"),
    ("demo_data/gitignore", ".gitignore"),
]


def cannot_start(root: Path) -> str | None:
    """Why a new page cannot be made in `root` (None when it can)."""
    root = Path(root)
    if (root / DEFAULT_PAGE).exists():
        return f"{root / DEFAULT_PAGE}: the page is already there; import it instead (homepage-tui import)"
    if (root / CONTENT_DIR).exists():
        return f"{root / CONTENT_DIR}: already exists; remove it or open the editor there"
    return None


def make_starter(root: Path) -> list[Path]:
    """Write the new page and its content in `root` (made when missing); returns what was written."""
    from .importer.apply import apply, plan_site

    root = Path(root).expanduser().resolve()
    reason = cannot_start(root)
    if reason:
        raise SiteError(reason)
    if root.exists() and not root.is_dir():
        raise SiteError(f"{root}: not a folder")
    written: list[Path] = []
    for source, rel in STARTER_FILES:
        target = root / rel
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bundled(source), target)
        written.append(target)
    written += apply(root, plan_site(root, DEFAULT_PAGE))
    if _init_git(root):
        written.append(root / ".git")
    return sorted(set(written))


def _init_git(root: Path) -> bool:
    """A site is a git repository (publishing commits and pushes): make one unless `root` is in one
    already. No commit and no remote: the first publish commits; the remote is the user's to add."""
    import git

    try:
        git.Repo(root, search_parent_directories=True)
        return False
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        git.Repo.init(root, initial_branch="main")
        return True
