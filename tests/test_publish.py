"""The git layer against real repositories: every way a publish can fail, and the happy paths."""

from __future__ import annotations

import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from homepage_tui.errors import PublishError
from homepage_tui.publish import (
    AuthRequiredError,
    DetachedHeadError,
    IdentityMissingError,
    NoRemoteError,
    NotARepositoryError,
    NothingToCommitError,
    NoUpstreamError,
    PushRejectedError,
    RebaseConflictError,
    RemoteRefusedError,
    RemoteUnreachableError,
    RepoBusyError,
    commit,
    commit_message,
    fetch,
    publish,
    pull_rebase,
    repo_status,
    review,
)
from publish_support import (
    GitDaemon,
    SilentServer,
    UnauthorizedServer,
    add_bare_origin,
    clone,
    environ_with,
    free_port,
    git,
    make_site,
)


pytestmark = pytest.mark.usefixtures("git_identity")


@pytest.fixture
def site(tmp_path):
    site = make_site(tmp_path)
    add_bare_origin(site)
    return site


def staged(root: Path) -> str:
    return git(root, "diff", "--cached", "--name-only")


# --- the happy path -------------------------------------------------------------------------------


def test_publish_commits_managed_files_and_pushes_to_origin(site):
    site.add_news("2026.11", "A new paper.")
    site.write("README.md", "changed by hand\n")  # not managed: must stay out
    site.write("notes.txt", "scratch\n")  # untracked, not managed: must stay out

    result = publish(site.root, site.managed)

    assert result.pushed and result.committed
    assert (result.remote, result.branch) == ("origin", "main")
    assert site.origin_head() == site.head() == result.sha
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"
    assert git(site.root, "show", "--name-only", "--format=", "HEAD") == "content/news.yml"
    assert result.describe() == f"published {result.sha[:7]} to origin/main"
    # the other changes are still there, unstaged
    assert git(site.root, "status", "--porcelain") == " M README.md\n?? notes.txt"


def test_files_staged_by_hand_stay_out_of_the_commit_and_stay_staged(site):
    site.write("README.md", "staged by the user\n")
    git(site.root, "add", "README.md")
    site.add_news("2026.11", "A new paper.")

    publish(site.root, site.managed, push=False)

    assert git(site.root, "show", "--name-only", "--format=", "HEAD") == "content/news.yml"
    assert staged(site.root) == "README.md"


def test_new_and_deleted_managed_files_are_committed(site):
    site.write("content/awards.yml", "- year: 2025\n  title: Best Paper\n")
    (site.root / "content/publications.yml").unlink()
    managed = site.managed + [site.root / "content/awards.yml"]

    sha = commit(site.root, managed)

    changed = git(site.root, "show", "--name-status", "--format=", sha).splitlines()
    assert sorted(changed) == ["A\tcontent/awards.yml", "D\tcontent/publications.yml"]
    message = git(site.root, "log", "-1", "--format=%s")
    assert message == "awards: add section (1 entry); publications: remove section"


def test_given_message_is_used_and_an_empty_one_falls_back_to_the_generated(site):
    site.add_news("2026.11", "A new paper.")
    publish(site.root, site.managed, message="My own words", push=False)
    assert git(site.root, "log", "-1", "--format=%s") == "My own words"
    site.add_news("2026.12", "Another.")
    publish(site.root, site.managed, message="   ", push=False)
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.12 entry"


def test_push_over_the_network_to_git_daemon(tmp_path):
    site = make_site(tmp_path)
    served = tmp_path / "served"
    served.mkdir()
    git(served, "init", "-q", "--bare", "-b", "main", "site.git")
    with GitDaemon(served) as daemon:
        git(site.root, "remote", "add", "origin", daemon.url("site.git"))
        site.add_news("2026.11", "Pushed over git://.")
        stages: list[str] = []

        result = publish(
            site.root, site.managed, set_upstream=True, progress=lambda stage, _f: stages.append(stage)
        )

    assert result.pushed
    assert git(served / "site.git", "rev-parse", "main") == site.head()
    assert git(site.root, "rev-parse", "--abbrev-ref", "main@{upstream}") == "origin/main"
    assert stages, "RemoteProgress reported nothing"


def test_a_failed_push_is_finished_by_publishing_again(site):
    site.add_news("2026.11", "Committed, not pushed.")
    local = publish(site.root, site.managed, push=False)
    assert not local.pushed and site.origin_head() != local.sha

    again = publish(site.root, site.managed)

    assert again.pushed and not again.committed
    assert site.origin_head() == local.sha


def test_nothing_to_commit_and_nothing_to_push(site):
    with pytest.raises(NothingToCommitError, match="nothing to publish"):
        publish(site.root, site.managed)
    with pytest.raises(NothingToCommitError):
        publish(site.root, site.managed, push=False)
    with pytest.raises(NothingToCommitError):
        commit(site.root, site.managed)


# --- no remote, no upstream -----------------------------------------------------------------------


def test_no_remote_keeps_the_local_commit_and_says_how_to_add_one(tmp_path):
    site = make_site(tmp_path)
    site.add_news("2026.11", "Nowhere to go.")
    before = site.read("content/news.yml")

    with pytest.raises(NoRemoteError) as caught:
        publish(site.root, site.managed)

    message = str(caught.value)
    assert "git remote add origin" in message
    assert message.startswith(f"committed {site.head()[:7]} locally, not pushed:")
    assert caught.value.local_commit == site.head()
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"
    assert site.read("content/news.yml") == before


def test_no_upstream_offers_origin_branch_and_set_upstream_pushes(tmp_path):
    site = make_site(tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(site.root, "remote", "add", "origin", str(origin))
    site.add_news("2026.11", "First push.")

    with pytest.raises(NoUpstreamError) as caught:
        publish(site.root, site.managed)
    assert (caught.value.remote, caught.value.branch) == ("origin", "main")
    assert "origin/main" in str(caught.value) and "set it as upstream" in str(caught.value)
    committed = site.head()

    result = publish(site.root, site.managed, set_upstream=True)

    assert result.pushed and not result.committed
    assert git(origin, "rev-parse", "main") == committed
    assert git(site.root, "config", "branch.main.remote") == "origin"
    assert repo_status(site.root, site.managed).upstream == "origin/main"


# --- the remote moved -----------------------------------------------------------------------------


def test_rejected_push_is_never_forced_then_rebase_and_push_succeeds(site, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/publications.yml", site.read("content/publications.yml") + "- title: Third\n")
    git(other.root, "commit", "-q", "-am", "publications: add Third")
    git(other.root, "push", "-q")
    theirs = other.head()

    site.add_news("2026.11", "Mine.")
    site.write("README.md", "dirty, not managed\n")
    with pytest.raises(PushRejectedError) as caught:
        publish(site.root, site.managed)
    mine = site.head()
    assert "pull with rebase" in str(caught.value) and "committed" in str(caught.value)
    assert site.origin_head() == theirs  # nothing forced
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"

    result = publish(site.root, site.managed, rebase=True)

    assert result.pushed
    assert site.origin_head() == site.head() != mine  # rebased on theirs
    assert git(site.root, "rev-parse", "HEAD~1") == theirs
    assert "- title: Third" in site.read("content/publications.yml")
    assert site.read("README.md") == "dirty, not managed\n"  # autostash gave it back
    assert git(site.root, "stash", "list") == ""


def test_rebase_conflict_is_aborted_and_the_local_commit_kept(site, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/news.yml", other.read("content/news.yml").replace("I joined the lab.", "Theirs."))
    git(other.root, "commit", "-q", "-am", "news: edit")
    git(other.root, "push", "-q")
    theirs = other.head()

    site.write("content/news.yml", site.read("content/news.yml").replace("I joined the lab.", "Mine."))
    site.write("README.md", "dirty, not managed\n")
    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()

    with pytest.raises(RebaseConflictError) as caught:
        publish(site.root, site.managed, rebase=True)

    assert caught.value.files == ["content/news.yml"]
    assert "content/news.yml" in str(caught.value) and "your commit kept" in str(caught.value)
    assert site.head() == mine
    assert repo_status(site.root, site.managed).state is None  # not left mid-rebase
    assert "Mine." in site.read("content/news.yml")
    assert site.read("README.md") == "dirty, not managed\n"
    assert site.origin_head() == theirs


def test_pull_rebase_alone_brings_in_remote_commits(site, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/publications.yml", other.read("content/publications.yml") + "- title: Third\n")
    git(other.root, "commit", "-q", "-am", "publications: add Third")
    git(other.root, "push", "-q")

    pull_rebase(site.root)

    assert site.head() == other.head()


def test_remote_refusing_the_push_is_reported_with_its_reason(site):
    hook = site.origin / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n")
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    site.add_news("2026.11", "Refused.")

    with pytest.raises(RemoteRefusedError, match="refused the push"):
        publish(site.root, site.managed)
    assert site.origin_head() != site.head()


# --- remotes that cannot be reached or want credentials ------------------------------------------


@pytest.mark.parametrize("kind", ["closed port", "missing path"])
def test_unreachable_remote_keeps_the_commit(site, tmp_path, kind):
    url = f"http://127.0.0.1:{free_port()}/x.git" if kind == "closed port" else str(tmp_path / "gone.git")
    git(site.root, "remote", "set-url", "origin", url)
    site.add_news("2026.11", "Offline.")

    with pytest.raises(RemoteUnreachableError) as caught:
        publish(site.root, site.managed)

    assert "cannot reach" in str(caught.value)
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"


def test_a_remote_that_never_answers_is_killed_after_the_timeout(site):
    with SilentServer() as server:
        git(site.root, "remote", "set-url", "origin", server.url)
        site.add_news("2026.11", "Hangs.")
        with pytest.raises(RemoteUnreachableError, match="no answer in time"):
            publish(site.root, site.managed, timeout=1)


def test_credentials_wanted_fails_without_prompting(site, tmp_path):
    # An askpass program and a core.askPass that would answer, and leave a trace if ever run:
    # the publish must not call either, and must send the server no credentials.
    trace = tmp_path / "askpass-was-called"
    askpass = tmp_path / "askpass.sh"
    askpass.write_text(f"#!/bin/sh\ntouch {trace}\necho secret\n")
    askpass.chmod(0o755)
    git(site.root, "config", "core.askPass", str(askpass))
    with UnauthorizedServer() as server:
        git(site.root, "remote", "set-url", "origin", server.url)
        site.add_news("2026.11", "Private.")
        script = textwrap.dedent(
            f"""
            import sys
            from homepage_tui.publish import publish
            from publish_support import managed_paths
            from pathlib import Path
            root = Path({str(site.root)!r})
            try:
                publish(root, managed_paths(root))
            except Exception as error:
                print(type(error).__name__ + ": " + str(error))
                sys.exit(1)
            """
        )
        # stdin closed and a new session: no terminal at all that git could prompt on
        done = subprocess.run(
            [sys.executable, "-c", script],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, start_new_session=True,
            env=environ_with({"GIT_ASKPASS": str(askpass), "SSH_ASKPASS": str(askpass),
                              "PYTHONPATH": f"{Path.cwd()}:{Path(__file__).parent}"}),
            timeout=60,
        )
        requests = list(server.requests)

    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("AuthRequiredError:"), done.stdout + done.stderr
    assert "wants credentials" in done.stdout and "credential" in done.stdout
    assert requests, "git never reached the 401 server"
    assert all(not r["authorization"] for r in requests)
    assert not trace.exists()
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2026.11 entry"


def test_credentials_wanted_in_process_raises_auth_error(site):
    with UnauthorizedServer() as server:
        git(site.root, "remote", "set-url", "origin", server.url)
        with pytest.raises(AuthRequiredError) as caught:
            fetch(site.root, timeout=10)
    assert "127.0.0.1" in str(caught.value)


def test_token_in_the_remote_url_never_reaches_the_message(site):
    git(site.root, "remote", "set-url", "origin", f"http://me:s3cret@127.0.0.1:{free_port()}/x.git")
    with pytest.raises(RemoteUnreachableError) as caught:
        fetch(site.root, timeout=10)
    assert "s3cret" not in str(caught.value)


# --- states git can be left in --------------------------------------------------------------------


def test_detached_head_refuses_before_committing(site):
    git(site.root, "checkout", "-q", "--detach")
    site.add_news("2026.11", "Detached.")
    head = site.head()

    with pytest.raises(DetachedHeadError, match="git switch"):
        publish(site.root, site.managed)

    assert site.head() == head
    status = repo_status(site.root, site.managed)
    assert status.detached and status.branch is None
    assert status.changed_managed == ["content/news.yml"]


def _conflict_on_branch(site) -> None:
    git(site.root, "checkout", "-q", "-b", "side")
    site.write("_config.yml", "title: Side\n")
    git(site.root, "commit", "-q", "-am", "side")
    git(site.root, "checkout", "-q", "main")
    site.write("_config.yml", "title: Main\n")
    git(site.root, "commit", "-q", "-am", "main")


def test_mid_merge_is_reported_and_nothing_committed(site):
    _conflict_on_branch(site)
    git(site.root, "merge", "side", check=False)
    head = site.head()

    with pytest.raises(RepoBusyError, match="middle of a merge") as caught:
        publish(site.root, site.managed)

    assert caught.value.state == "merge"
    assert site.head() == head
    assert "<<<<<<<" in site.read("_config.yml")  # the user's merge is left as it was


def test_mid_rebase_is_reported_and_nothing_committed(site):
    _conflict_on_branch(site)
    git(site.root, "rebase", "side", check=False)
    assert repo_status(site.root, site.managed).state == "rebase"

    with pytest.raises(RepoBusyError, match="git rebase --abort"):
        publish(site.root, site.managed)
    assert repo_status(site.root, site.managed).state == "rebase"


def test_missing_identity_says_how_to_set_it(site, monkeypatch):
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key)
    git(site.root, "config", "user.useConfigOnly", "true")  # no guessing from the host name
    site.add_news("2026.11", "Who am I?")

    with pytest.raises(IdentityMissingError, match="user.email"):
        publish(site.root, site.managed)
    assert "2026.11" in site.read("content/news.yml")


def test_not_a_repository(tmp_path):
    with pytest.raises(NotARepositoryError, match="git init"):
        repo_status(tmp_path, [])


def test_every_error_is_one_line():
    errors = [
        NoRemoteError(), NoUpstreamError("main", "origin"), PushRejectedError("origin", "main"),
        RebaseConflictError(["content/news.yml"]), AuthRequiredError("https://github.com/x"),
        RemoteUnreachableError("x", "connection refused"), DetachedHeadError(),
        RepoBusyError("merge"), NothingToCommitError(), IdentityMissingError(),
    ]
    for error in errors:
        assert isinstance(error, PublishError)
        assert "\n" not in str(error) and len(str(error)) < 240


# --- status, fetch, review ------------------------------------------------------------------------


def test_status_counts_ahead_behind_and_changed_files(site, tmp_path):
    other = clone(site.origin, tmp_path / "laptop")
    other.write("content/publications.yml", other.read("content/publications.yml") + "- title: X\n")
    git(other.root, "commit", "-q", "-am", "theirs")
    git(other.root, "push", "-q")
    site.add_news("2026.11", "Mine.")
    publish(site.root, site.managed, push=False)
    site.write("_config.yml", "title: changed\n")
    site.write("README.md", "not managed\n")

    before = repo_status(site.root, site.managed)
    assert (before.branch, before.upstream, before.ahead, before.behind) == ("main", "origin/main", 1, 0)
    assert before.changed_managed == ["_config.yml"]

    assert fetch(site.root, timeout=30) is True
    after = repo_status(site.root, site.managed)
    assert (after.ahead, after.behind) == (1, 1)


def test_fetch_without_a_remote_does_nothing(tmp_path):
    site = make_site(tmp_path)
    assert fetch(site.root) is False
    status = repo_status(site.root, site.managed)
    assert status.upstream is None and status.ahead == 1  # no remote has the first commit


def test_fetch_from_an_unreachable_remote_raises(site):
    git(site.root, "remote", "set-url", "origin", f"http://127.0.0.1:{free_port()}/x.git")
    with pytest.raises(RemoteUnreachableError):
        fetch(site.root, timeout=10)


def test_review_shows_the_managed_diff_and_lists_other_files_without_staging(site):
    site.add_news("2026.11", "Reviewed.")
    site.write("content/awards.yml", "- year: 2025\n  title: Best Paper\n")
    site.write("README.md", "changed\n")
    site.write("draft.md", "untracked\n")
    managed = site.managed + [site.root / "content/awards.yml"]

    result = review(site.root, managed)

    assert "+  text: Reviewed." in result.diff_text
    assert "+- year: 2025" in result.diff_text  # a new file is shown in full
    assert "README" not in result.diff_text
    assert sorted(result.managed_changed) == ["content/awards.yml", "content/news.yml"]
    assert sorted(result.other_changed) == ["README.md", "draft.md"]
    assert result.message == "awards: add section (1 entry); news: add 2026.11 entry"
    assert result.status.branch == "main"
    assert staged(site.root) == ""


def test_managed_paths_may_be_relative_to_the_site(site):
    site.add_news("2026.11", "Relative.")
    status = repo_status(site.root, ["content/news.yml"])
    assert status.changed_managed == ["content/news.yml"]


# --- the generated message ------------------------------------------------------------------------


def test_message_names_added_edited_and_deleted_entries(site):
    site.add_news("2026.11", "New.")
    pubs = site.read("content/publications.yml").replace("venue: ICLR 2024", "venue: ICLR 2024 (oral)")
    site.write("content/publications.yml", pubs)

    message = commit_message(site.root, site.managed)

    assert message == 'news: add 2026.11 entry; publications: edit "FedImpro: Measuring and…"'


def test_message_keeps_unquoted_dates_as_written(site):
    site.write("content/news.yml", site.read("content/news.yml") + "- date: 2023.10\n  text: Old.\n")
    assert commit_message(site.root, site.managed) == "news: add 2023.10 entry"


def test_message_counts_many_changes_and_names_reorders(site):
    entries = "".join(f"- date: '2025.0{i}'\n  text: Item {i}.\n" for i in range(1, 6))
    site.write("content/news.yml", site.read("content/news.yml") + entries)
    assert commit_message(site.root, site.managed) == "news: add 5 entries"
    publish(site.root, site.managed)

    pubs = site.read("content/publications.yml").split("- title: ")
    site.write("content/publications.yml", "- title: ".join([pubs[0], pubs[2], pubs[1]]).replace("\n\n", "\n"))
    swapped = site.read("content/publications.yml")
    assert swapped.index("Second paper") < swapped.index("FedImpro")
    assert commit_message(site.root, site.managed) == "publications: reorder entries"


def test_message_falls_back_to_the_file_for_broken_yaml_and_plain_files(site):
    site.write("content/news.yml", "- date: [unclosed\n")
    assert commit_message(site.root, site.managed) == "news: edit content/news.yml"
    site.write("content/news.yml", site.read("content/news.yml"))
    git(site.root, "checkout", "content/news.yml")
    site.write("_pages/about.md", "hand edit\n")
    assert commit_message(site.root, site.managed) == "update _pages/about.md"


def test_message_mentions_config_but_not_the_regenerated_page(site):
    site.add_news("2026.11", "New.")
    site.write("_pages/about.md", site.read("_pages/about.md") + "- [2026.11] New.\n")
    site.write("_config.yml", "title: x\nexclude: [content, vendor]\n")
    assert commit_message(site.root, site.managed) == "news: add 2026.11 entry; update _config.yml"


def test_message_comment_only_change_and_long_subjects(site):
    site.write("content/news.yml", "# a new comment\n" + site.read("content/news.yml"))
    assert commit_message(site.root, site.managed) == "news: edit comments or layout"
    git(site.root, "checkout", "content/news.yml")

    site.add_news("2026.11", "One.")
    pubs = site.read("content/publications.yml")
    pubs = pubs.replace("FedImpro: Measuring", "FedImpro, renamed: Measuring").replace("Second paper", "Second paper, renamed")
    site.write("content/publications.yml", pubs)
    message = commit_message(site.root, site.managed)
    subject, blank, *body = message.splitlines()
    assert subject == "Update news, publications" and blank == ""
    assert body == [
        "- news: add 2026.11 entry",
        '- publications: edit "FedImpro, renamed: Measuring…", edit "Second paper, renamed"',
    ]


def test_message_for_indented_lists_comments_between_entries_and_settings(site):
    site.write("content/awards.yml", "  - year: 2024\n    title: Best Paper\n  - year: 2023\n    title: Travel Grant\n")
    site.write("content/site.yml", "names: [Z. Tang]\npage: _pages/about.md\n")
    git(site.root, "add", "content")
    git(site.root, "commit", "-q", "-m", "more content")
    managed = site.managed + [site.root / "content/awards.yml", site.root / "content/site.yml"]

    site.write("content/awards.yml", site.read("content/awards.yml").replace("Travel Grant", "Travel Award"))
    site.write("content/site.yml", "names: [Z. Tang, Zhenheng Tang]\npage: _pages/about.md\n")
    news = site.read("content/news.yml").replace("- date: '2024.06'", "# older news\n- date: '2024.06'")
    site.write("content/news.yml", news)

    subject, _, *body = commit_message(site.root, managed).splitlines()
    assert subject == "Update awards, news, site"
    assert body == ['- awards: edit "Travel Award"', "- news: edit comments or layout", "- site: edit names"]


def test_message_for_entries_that_only_parse_with_the_whole_file(site):
    site.write("content/awards.yml", "- &best {year: 2024, title: Best Paper}\n")
    git(site.root, "add", "content/awards.yml")
    git(site.root, "commit", "-q", "-m", "awards")
    managed = site.managed + [site.root / "content/awards.yml"]
    # the alias alone does not parse: the whole file is read instead
    site.write("content/awards.yml", "- &best {year: 2024, title: Best Paper}\n- *best\n")

    assert commit_message(site.root, managed) == 'awards: add "Best Paper"'


def test_a_repository_without_commits_gets_its_first_commit_and_an_upstream_offer(tmp_path):
    root = tmp_path / "fresh"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "content").mkdir()
    (root / "content/news.yml").write_text("- date: '2026.11'\n  text: Hello.\n")
    (root / "notes.txt").write_text("not managed\n")
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(root, "remote", "add", "origin", str(origin))
    managed = [root / "content/news.yml"]

    status = repo_status(root, managed)
    assert (status.branch, status.upstream, status.ahead, status.changed_managed) == (
        "main", None, 0, ["content/news.yml"]
    )
    assert "+- date: '2026.11'" in review(root, managed).diff_text

    with pytest.raises(NoUpstreamError):
        publish(root, managed)
    assert git(root, "log", "--format=%s") == "news: add section (1 entry)"
    assert git(root, "status", "--porcelain") == "?? notes.txt"

    result = publish(root, managed, set_upstream=True)
    assert git(origin, "rev-parse", "main") == result.sha
