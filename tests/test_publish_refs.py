"""publish.gitrun.resolve reads refs from git's files in this process (loose refs, packed-refs,
symbolic refs, per-worktree HEAD); it must name the same commit `git rev-parse` does, and None
where git has none (an unborn branch)."""

from __future__ import annotations

from git import Repo

from homepage_tui.publish.gitrun import resolve
from publish_support import add_bare_origin, git, identity_env, make_site


def _site(tmp_path, monkeypatch):
    for key, value in identity_env(tmp_path / "home").items():
        monkeypatch.setenv(key, value)
    site = make_site(tmp_path)
    add_bare_origin(site)
    return site


def _agrees(root, ref: str) -> None:
    assert resolve(Repo(root), ref) == git(root, "rev-parse", "--verify", ref)


def test_loose_and_packed_refs_read_as_git_reads_them(tmp_path, monkeypatch):
    site = _site(tmp_path, monkeypatch)
    for ref in ("HEAD", "refs/heads/main", "refs/remotes/origin/main"):
        _agrees(site.root, ref)
    git(site.root, "pack-refs", "--all")  # every ref into packed-refs, no loose files left
    assert not (site.root / ".git" / "refs" / "heads" / "main").exists()
    for ref in ("HEAD", "refs/heads/main", "refs/remotes/origin/main"):
        _agrees(site.root, ref)
    site.add_news("2026.11", "After packing.")
    git(site.root, "commit", "-q", "-am", "news")  # a loose ref again, newer than the packed one
    _agrees(site.root, "HEAD")


def test_detached_head_a_worktree_and_an_unborn_branch(tmp_path, monkeypatch):
    site = _site(tmp_path, monkeypatch)
    first = git(site.root, "rev-parse", "HEAD")
    site.add_news("2026.11", "Second commit.")
    git(site.root, "commit", "-q", "-am", "news")
    git(site.root, "checkout", "-q", "--detach", first)
    _agrees(site.root, "HEAD")
    git(site.root, "checkout", "-q", "main")
    other = tmp_path / "other"
    git(site.root, "worktree", "add", "-q", str(other), first)  # its HEAD in .git/worktrees/other
    _agrees(other, "HEAD")
    assert resolve(Repo(other)) == first != resolve(Repo(site.root))
    git(site.root, "checkout", "-q", "--orphan", "fresh")
    assert resolve(Repo(site.root)) is None
    assert resolve(Repo(site.root), "refs/heads/no-such-branch") is None
