"""Pull with rebase that merges the content by entry instead of stopping at a text conflict.

When `git rebase` stops, each conflicted file is merged here: a content YAML file by entry
(content_merge), the page by its prose alone (the generated regions are emptied on all three
sides, git merges the user's text, then the regions are rendered again from the merged content).
Anything else, an entry edited on one side and deleted on the other, or the same field edited
differently on both sides (without a resolution), aborts the rebase: the repository is back as
it was before publishing, the local commit intact. Nothing here pushes, let alone forces.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping

from git import Repo
from git.exc import GitCommandError

from homepage_tui import model
from homepage_tui.errors import HomepageError, PublishError
from homepage_tui.publish.content_merge import EntryConflict, FieldConflict, merge_entries
from homepage_tui.publish.errors import GitCommandFailedError, RebaseConflictError
from homepage_tui.publish.gitrun import command_text, first_error_line
from homepage_tui.publish.status import repo_state
from homepage_tui.regions import find_regions, replace_regions

MAX_STEPS = 200  # a rebase replays one commit per step; more local commits than this is not a homepage


class MergeConflictError(RebaseConflictError):
    """The same field was edited on both sides: the user picks one (the app shows both)."""

    def __init__(self, conflicts: list[FieldConflict]):
        self.conflicts = list(conflicts)
        self.files = sorted({c.path for c in conflicts})
        first = self.conflicts[0]
        more = f" (and {len(self.conflicts) - 1} more)" if len(self.conflicts) > 1 else ""
        PublishError.__init__(
            self, f"pull with rebase stopped: {first.describe()}{more}; the rebase was undone and your "
            "commit kept, nothing pushed. Pick a side in the editor (P shows both), or merge by hand "
            "(`git pull --rebase`), then publish again")


class EntryMergeError(RebaseConflictError):
    def __init__(self, conflicts: list[EntryConflict]):
        self.conflicts = list(conflicts)
        self.files = sorted({c.path for c in conflicts})
        PublishError.__init__(
            self, f"pull with rebase stopped: {conflicts[0].describe()}; the rebase was undone and your "
            "commit kept, nothing pushed. Merge by hand (`git pull --rebase`), then publish again")


def _stage(repo: Repo, stage: int, path: str) -> str | None:
    try:
        return repo.git.show(f":{stage}:{path}", strip_newline_in_stdout=False)
    except GitCommandError:
        return None  # the file does not exist on that side


class _Unmergeable(Exception):
    pass


def _site(site_root: Path):
    from homepage_tui.site import Site

    return Site.open(site_root, need_content=False)


def _section_type(site, abs_path: Path) -> str | None:
    """The section type of a content file, None when the path is not one."""
    if abs_path.parent != site.content_dir or abs_path.suffix not in (".yml", ".yaml"):
        return None
    if abs_path.name == "site.yml":
        return None
    for name in site.section_names():
        if site.section_path(name) == abs_path:
            return site.section_type(name)
    return model.section_type_for(abs_path.stem)


def _without_regions(text: str, source: str) -> str:
    """The page with every region's body emptied: what the user wrote, and only that."""
    regions = find_regions(text, source)
    return replace_regions(text, {r.key: "" for r in regions}, source, regions)


def _merge_page(repo: Repo, path: str, base: str | None, ours: str, theirs: str) -> str:
    """The user's prose merged by git (regions emptied on all sides: they are rendered again)."""
    texts = [_without_regions(t, path) for t in (ours, base or "", theirs)]
    with tempfile.TemporaryDirectory(prefix="homepage-tui-merge-") as tmp:
        files = []
        for name, text in zip(("remote", "base", "mine"), texts):
            file = Path(tmp) / name
            file.write_text(text, encoding="utf-8", newline="")
            files.append(str(file))
        status, out, _ = repo.git.merge_file("-p", *files, with_extended_output=True, with_exceptions=False,
                                             strip_newline_in_stdout=False)
    if status != 0:
        raise _Unmergeable(path)
    return out


def _resolve_step(repo: Repo, site_root: Path, resolutions: Mapping) -> None:
    """Merge every conflicted file of the current rebase step, render the page, stage them."""
    top = Path(repo.working_tree_dir or ".")
    conflicted = [p for p in repo.git.diff("--name-only", "--diff-filter=U").splitlines() if p]
    site = _site(site_root)
    try:
        pages = {p.resolve() for p in site.page_files()}
    except HomepageError:
        pages = set()
    field_conflicts: list[FieldConflict] = []
    entry_conflicts: list[EntryConflict] = []
    merged: dict[str, str] = {}
    for path in conflicted:
        abs_path = (top / path).resolve()
        base, ours, theirs = (_stage(repo, n, path) for n in (1, 2, 3))
        if ours is None or theirs is None:
            raise _Unmergeable(path)  # deleted on one side: not a merge of entries
        kind = _section_type(site, abs_path)
        if kind is not None:
            try:
                result = merge_entries(base, ours, theirs, kind, path, resolutions)
            except HomepageError:
                raise _Unmergeable(path) from None
            field_conflicts += result.conflicts
            entry_conflicts += result.entry_conflicts
            if result.text is not None:
                merged[path] = result.text
        elif abs_path in pages:
            merged[path] = _merge_page(repo, path, base, ours, theirs)
        else:
            raise _Unmergeable(path)
    if entry_conflicts:
        raise EntryMergeError(entry_conflicts)
    if field_conflicts:
        raise MergeConflictError(field_conflicts)
    for path, text in merged.items():
        with open(top / path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    rendered = [str(p) for p in _site(site_root).render(write=True)]
    repo.git.add("--", *conflicted, *rendered)


def rebase_merging_content(repo: Repo, onto: str, site_root: str | os.PathLike[str] | None,
                           resolutions: Mapping | None = None) -> bool:
    """`git rebase --autostash onto`, merging content conflicts by entry. True when a conflict was
    merged here. On anything it cannot merge, the rebase is aborted and a PublishError raised."""
    resolutions = dict(resolutions or {})
    try:
        repo.git.rebase("--autostash", onto)
        return False
    except GitCommandError as error:
        if repo_state(repo) != "rebase":
            raise GitCommandFailedError("rebase", first_error_line(command_text(error))) from None
    if site_root is None:
        _abort_with(repo)
    try:
        for _ in range(MAX_STEPS):
            _resolve_step(repo, Path(site_root), resolutions)
            try:
                with repo.git.custom_environment(GIT_EDITOR="true"):
                    repo.git.rebase("--continue")
                return True
            except GitCommandError as error:
                if repo_state(repo) != "rebase":
                    raise GitCommandFailedError("rebase", first_error_line(command_text(error))) from None
                # the next local commit conflicts too: merge it the same way
        raise _Unmergeable("too many local commits")
    except _Unmergeable:
        _abort_with(repo)
    except BaseException:
        if repo_state(repo) == "rebase":
            repo.git.rebase("--abort")  # whatever went wrong, the repository goes back as it was
        raise
    return True


def _abort_with(repo: Repo) -> None:
    conflicted = repo.git.diff("--name-only", "--diff-filter=U").split()
    repo.git.rebase("--abort")  # back to the local commit, exactly as it was
    raise RebaseConflictError(conflicted)


class MergedContentInvalidError(PublishError):
    """The rebase went through but the merged content does not pass `check` (the same paper
    added on both sides, a broken file on the remote): undone, nothing pushed."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"after pulling the remote's commits the content has a problem: {problems[0]}{more}; the pull "
            "was undone and your commit kept, nothing pushed. Fix it on the remote or merge by hand "
            "(`git pull --rebase`), then publish again")


def merged_content_problems(site_root: str | os.PathLike[str] | None) -> list[str]:
    """What `check` reports as errors in the content after a merge (none without a site)."""
    if site_root is None:
        return []
    try:
        site = _site(Path(site_root))
        if not site.content_dir.is_dir():
            return []
        return site.check()
    except HomepageError as error:
        return [str(error)]


def page_up_to_date(site_root: str | os.PathLike[str] | None) -> bool:
    """Whether the page's regions match the content (then a merge must keep them matching)."""
    if site_root is None:
        return False
    try:
        site = _site(Path(site_root))
        return site.content_dir.is_dir() and not site.render(write=False)
    except HomepageError:
        return False


def render_after_merge(repo: Repo, site_root: str | os.PathLike[str] | None) -> str | None:
    """Regenerate the page from the merged content (an edit made on GitHub to a content file left
    the remote's regions stale); commit it when it changed. Returns the new commit's SHA."""
    if site_root is None:
        return None
    try:
        site = _site(Path(site_root))
        if not site.content_dir.is_dir():
            return None
        changed = site.render(write=True)
    except HomepageError:
        return None  # a page that cannot render was refused before the commit; nothing to add
    if not changed:
        return None
    paths = [os.path.relpath(p, repo.working_tree_dir or ".") for p in changed]
    repo.git.commit("--only", "--message=page: render the regions after merging the remote's content", "--", *paths)
    return repo.head.commit.hexsha
