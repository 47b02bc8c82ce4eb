"""publish with pull --rebase merges the content by entry (issue 11): real clones of a bare
origin, the other side either another machine running homepage-tui or GitHub's web editor."""

from __future__ import annotations

import pytest

from homepage_tui.publish import RebaseConflictError, publish, repo_status
from homepage_tui.publish.rebase import EntryMergeError, MergeConflictError
from publish_support import add_bare_origin, clone, git, identity_env, make_rendered_site

SETTINGS = "names: [Zhenheng Tang]\nsections:\n  news:\n    type: news\n  publications:\n    type: publications\n"
NEWS = """\
# News, newest first
- date: '2024.10'
  text: Our paper is accepted at ICLR 2024.

# --- 2024 spring ---
- date: '2024.06'
  text: I joined the lab.   # a comment on a field
- date: '2024.03'
  text: A talk at MLSys.
"""
ABOUT = """\
---
permalink: /
---
Hello, I am a researcher.

# News
<!-- homepage-tui:begin news -->
<!-- homepage-tui:end news -->

# Publications
<!-- homepage-tui:begin publications -->
<!-- homepage-tui:end publications -->

Contact me by email.
"""


pytestmark = pytest.mark.usefixtures("git_identity")


@pytest.fixture
def sites(tmp_path):
    """(mine, the other machine), both clones of one origin, the page rendered and pushed."""
    site = make_rendered_site(tmp_path)
    site.write("content/site.yml", SETTINGS)
    site.write("content/news.yml", NEWS)
    site.write("_pages/about.md", ABOUT)
    site.render()
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "a site with comments and two regions")
    add_bare_origin(site)
    site.managed = sorted((site.root / "content").glob("*.yml")) + [site.root / "_pages/about.md",
                                                                   site.root / "_config.yml"]
    other = clone(site.origin, tmp_path / "laptop")
    other.render_page = True
    return site, other


def edit(repo, rel: str, old: str, new: str, render: bool = True) -> None:
    text = repo.read(rel)
    assert old in text, (old, text)
    repo.write(rel, text.replace(old, new, 1))
    if render:
        repo.render()


def push_from(other, message: str) -> str:
    git(other.root, "add", "-A")
    git(other.root, "commit", "-q", "-m", message)
    git(other.root, "push", "-q")
    return other.head()


def rejected_then_rebased(site, **kwargs):
    """Publish (rejected: the remote moved), then publish with rebase; returns my commit's SHA
    from before the rebase and the result."""
    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()
    return mine, publish(site.root, site.managed, rebase=True, **kwargs)


def page_region(site, name: str) -> str:
    text = site.read("_pages/about.md")
    return text[text.index(f"begin {name} -->"):text.index(f"<!-- homepage-tui:end {name}")]


def test_both_sides_add_news_both_kept_in_date_order_comments_untouched(sites):
    site, other = sites
    edit(other, "content/news.yml", "# News, newest first\n", "# News, newest first\n- date: '2024.11'\n  text: From the laptop.\n")
    theirs = push_from(other, "news: add 2024.11 entry")
    edit(site, "content/news.yml", "# News, newest first\n", "# News, newest first\n- date: '2024.12'\n  text: From my desk.\n")

    mine, result = rejected_then_rebased(site)

    assert result.pushed and site.origin_head() == site.head()
    assert git(site.root, "merge-base", "--is-ancestor", theirs, "HEAD", check=False) == ""
    assert site.read("content/news.yml") == NEWS.replace(
        "# News, newest first\n",
        "# News, newest first\n- date: '2024.12'\n  text: From my desk.\n- date: '2024.11'\n  text: From the laptop.\n")
    region = page_region(site, "news")
    assert region.index("From my desk.") < region.index("From the laptop.") < region.index("Our paper")
    assert git(site.root, "log", "-1", "--format=%s") == "news: add 2024.12 entry"  # my commit, replayed
    assert git(site.root, "status", "--porcelain") == ""


def test_edits_to_different_entries_and_fields_both_taken(sites):
    site, other = sites
    # GitHub's web editor: the YAML only, the remote's page not re-rendered.
    edit(other, "content/news.yml", "text: A talk at MLSys.", "text: A talk at MLSys 2024.", render=False)
    edit(other, "content/news.yml", "- date: '2024.10'\n  text: Our paper", "- date: '2024.10'\n  emoji: 🎉\n  text: Our paper", render=False)
    push_from(other, "Update news.yml")
    edit(site, "content/news.yml", "text: Our paper is accepted at ICLR 2024.", "text: Our paper FedImpro is accepted at ICLR 2024.")
    edit(site, "content/news.yml", "text: I joined the lab.", "text: I joined the HKBU lab.")

    _, result = rejected_then_rebased(site)

    assert result.pushed and site.origin_head() == site.head()
    news = site.read("content/news.yml")
    assert "  emoji: 🎉\n  text: Our paper FedImpro is accepted at ICLR 2024.\n" in news
    assert "text: A talk at MLSys 2024." in news
    # my edit, spliced in by the store: the field's comment stays on its line
    assert "  text: I joined the HKBU lab.  # a comment on a field\n" in news
    assert "# --- 2024 spring ---\n" in news
    region = page_region(site, "news")  # the regions show both sides' edits
    assert "🎉 Our paper FedImpro" in region and "A talk at MLSys 2024." in region


def test_the_same_field_edited_on_both_sides_stops_and_leaves_the_repository_as_it_was(sites):
    site, other = sites
    edit(other, "content/news.yml", "text: I joined the lab.", "text: I joined the lab (laptop).")
    theirs = push_from(other, "news: edit")
    edit(site, "content/news.yml", "text: I joined the lab.", "text: I joined the lab (desk).")
    site.write("README.md", "dirty, not managed\n")

    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()
    with pytest.raises(MergeConflictError) as caught:
        publish(site.root, site.managed, rebase=True)

    [conflict] = caught.value.conflicts
    assert (conflict.path, conflict.label, conflict.field) == ("content/news.yml", "2024.06 entry", "text")
    assert (conflict.mine, conflict.theirs) == ("I joined the lab (desk).", "I joined the lab (laptop).")
    assert "content/news.yml: 2024.06 entry, field 'text', was edited on both sides" in str(caught.value)
    assert site.head() == mine and site.origin_head() == theirs
    assert repo_status(site.root, site.managed).state is None
    assert git(site.root, "status", "--porcelain") == " M README.md"
    assert "(desk)" in site.read("content/news.yml")

    # Picking a side finishes the merge: theirs here, mine for the same conflict elsewhere.
    result = publish(site.root, site.managed, rebase=True, resolutions={conflict.key: "theirs"})
    assert result.pushed and "(laptop)" in site.read("content/news.yml") and "(laptop)" in page_region(site, "news")
    assert site.read("README.md") == "dirty, not managed\n"


def test_picking_mine_keeps_my_value(sites):
    site, other = sites
    edit(other, "content/news.yml", "text: I joined the lab.", "text: Theirs.")
    push_from(other, "news: edit")
    edit(site, "content/news.yml", "text: I joined the lab.", "text: Mine.")
    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    with pytest.raises(MergeConflictError) as caught:
        publish(site.root, site.managed, rebase=True)
    result = publish(site.root, site.managed, rebase=True, resolutions={caught.value.conflicts[0].key: "mine"})
    assert result.pushed
    assert "text: Mine.  # a comment on a field" in site.read("content/news.yml")


def test_a_remote_edit_of_the_prose_outside_the_regions_is_kept(sites):
    site, other = sites
    edit(other, "_pages/about.md", "Hello, I am a researcher.", "Hello, I am a researcher at HKBU.", render=False)
    edit(other, "content/news.yml", "text: A talk at MLSys.", "text: A talk at MLSys (remote).")
    push_from(other, "about: prose; news: edit")
    edit(site, "content/news.yml", "text: Our paper is accepted", "text: Our first paper is accepted")

    _, result = rejected_then_rebased(site)

    assert result.pushed
    page = site.read("_pages/about.md")
    assert "Hello, I am a researcher at HKBU." in page and page.endswith("Contact me by email.\n")
    region = page_region(site, "news")
    assert "Our first paper" in region and "A talk at MLSys (remote)." in region


def test_prose_edited_on_both_sides_cannot_be_merged_and_is_undone(sites):
    site, other = sites
    edit(other, "_pages/about.md", "Contact me by email.", "Contact me on the laptop.", render=False)
    theirs = push_from(other, "about: contact")
    edit(site, "_pages/about.md", "Contact me by email.", "Contact me at my desk.", render=False)
    edit(site, "content/news.yml", "text: A talk at MLSys.", "text: A talk.")
    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()
    with pytest.raises(RebaseConflictError) as caught:
        publish(site.root, site.managed, rebase=True)
    assert "_pages/about.md" in caught.value.files and "your commit kept" in str(caught.value)
    assert site.head() == mine and site.origin_head() == theirs
    assert repo_status(site.root, site.managed).state is None and git(site.root, "status", "--porcelain") == ""


def test_an_entry_edited_here_and_deleted_there_stops(sites):
    site, other = sites
    edit(other, "content/news.yml", "- date: '2024.03'\n  text: A talk at MLSys.\n", "")
    push_from(other, "news: delete")
    edit(site, "content/news.yml", "text: A talk at MLSys.", "text: A talk at MLSys, with slides.")
    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()
    with pytest.raises(EntryMergeError) as caught:
        publish(site.root, site.managed, rebase=True)
    assert "2024.03 entry was edited here but deleted on the remote" in str(caught.value)
    assert site.head() == mine and repo_status(site.root, site.managed).state is None


def test_a_github_edit_without_a_text_conflict_still_gets_the_page_rendered(sites):
    site, other = sites
    edit(other, "content/publications.yml", "venue: NeurIPS 2023", "venue: NeurIPS 2023 (spotlight)", render=False)
    push_from(other, "Update publications.yml")
    edit(site, "content/news.yml", "text: A talk at MLSys.", "text: A talk at MLSys 2024.")

    _, result = rejected_then_rebased(site)

    assert result.pushed and site.origin_head() == site.head()
    assert "NeurIPS 2023 (spotlight)" in page_region(site, "publications")
    assert git(site.root, "log", "-1", "--format=%s") == "page: render the regions after merging the remote's content"
    assert git(site.root, "status", "--porcelain") == ""


def test_the_command_line_stops_naming_the_entry_and_field(sites, tmp_path):
    from publish_support import environ_with
    from test_publish_cli import REPO, cli, one_line_error

    site, other = sites
    edit(other, "content/news.yml", "text: I joined the lab.", "text: Theirs.")
    theirs = push_from(other, "news: edit")
    edit(site, "content/news.yml", "text: I joined the lab.", "text: Mine.")
    env = environ_with({**identity_env(tmp_path / "home"), "PYTHONPATH": str(REPO)})

    line = one_line_error(cli(env, "publish", "--rebase", "--no-build", "--site", str(site.root)))

    assert "content/news.yml: 2024.06 entry, field 'text', was edited on both sides" in line
    assert "the rebase was undone and your commit kept" in line and "committed" in line
    assert site.origin_head() == theirs and git(site.root, "log", "-1", "--format=%s") == "news: edit 2024.06 entry"
    assert repo_status(site.root, site.managed).state is None


async def test_the_app_shows_both_values_and_publishes_the_pick(sites):
    from textual.widgets import Static

    from homepage_tui.app.merge_screen import MergeChoiceScreen
    from homepage_tui.app.publish_screen import ConfirmPublishStep
    from test_publish_app import Host, settle

    site, other = sites
    edit(other, "content/news.yml", "text: I joined the lab.", "text: I joined the lab (laptop).")
    push_from(other, "news: edit")
    edit(site, "content/news.yml", "text: I joined the lab.", "text: I joined the lab (desk).")
    app = Host(site.root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmPublishStep)
        await pilot.press("y")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MergeChoiceScreen)
        assert str(screen.query_one("#merge-where", Static).render()) == "content/news.yml: 2024.06 entry, field “text”"
        assert str(screen.query_one("#merge-mine-value", Static).render()) == "I joined the lab (desk)."
        assert str(screen.query_one("#merge-theirs-value", Static).render()) == "I joined the lab (laptop)."
        await pilot.press("t")
        await settle(app, pilot)
        assert app.finished and app.finished[-1].result.pushed
    assert site.origin_head() == site.head()
    assert "(laptop)" in site.read("content/news.yml") and "(laptop)" in page_region(site, "news")


def test_a_merge_whose_result_fails_check_is_undone(sites):
    from homepage_tui.publish.rebase import MergedContentInvalidError

    site, other = sites
    # The same paper entered on both machines, one with a link: two entries with one title,
    # venue and year, which check calls a duplicate.
    paper = "- title: A New Paper\n  authors: [Zhenheng Tang]\n  venue: ICML 2025\n  year: '2025'\n{extra}"
    other.write("content/publications.yml", paper.format(extra="  links:\n    paper: https://arxiv.org/abs/1\n")
                + other.read("content/publications.yml"))
    other.render()
    theirs = push_from(other, "publications: add A New Paper")
    site.write("content/publications.yml", paper.format(extra="") + site.read("content/publications.yml"))
    site.render()
    site.write("README.md", "dirty, not managed\n")
    from homepage_tui.publish import PushRejectedError

    with pytest.raises(PushRejectedError):
        publish(site.root, site.managed)
    mine = site.head()
    with pytest.raises(MergedContentInvalidError) as caught:
        publish(site.root, site.managed, rebase=True)
    assert "content/publications.yml:" in str(caught.value) and "duplicate of the entry at line" in str(caught.value)
    assert site.head() == mine and site.origin_head() == theirs
    assert repo_status(site.root, site.managed).state is None
    assert git(site.root, "status", "--porcelain") == " M README.md"
    assert "arxiv.org/abs/1" not in site.read("content/publications.yml")  # my version, as it was


async def test_after_a_merge_the_editor_shows_the_remotes_edit_without_asking(tmp_path):
    import datetime as dt

    from homepage_tui.app.editor_screen import EditorScreen
    from homepage_tui.app.main import HomepageApp
    from homepage_tui.app.publish_screen import ConfirmPublishStep
    from homepage_tui.demo import make_demo
    from homepage_tui.site import Site
    from publish_support import SiteRepo
    from test_publish_app import settle

    root = make_demo(tmp_path / "demo").root
    laptop = clone(tmp_path / "demo-origin.git", tmp_path / "laptop")
    edit(laptop, "content/news.yml", "VMRNN is available.", "VMRNN is available (from GitHub).", render=False)
    push_from(laptop, "Update news.yml")
    mine = SiteRepo(root)
    edit(mine, "content/news.yml", "Our paper \"Bandwidth-Aware", "My paper \"Bandwidth-Aware")
    app = HomepageApp(root, today=dt.date(2024, 8, 1))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("P")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmPublishStep)
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.pause(1.5)  # the once-a-second disk check would prompt if the files were stale
        await settle(app, pilot)
        assert isinstance(app.screen, EditorScreen)
        texts = [e.get("text", "") for e in app.editor.sections["news"].entries]
        assert any("(from GitHub)" in t for t in texts) and any(t.startswith("My paper") for t in texts)
    assert git(root, "status", "--porcelain") == ""
    assert "(from GitHub)" in Site.open(root).page_path.read_text()
