"""No edit can break a page. News written in the ways real pages write them (HTML `<li>` items,
`<em>DATE:</em>`, a date inside the emphasis, a date after the text, in a scrolling `<div>`) are
imported, a news entry is added with the command line, and Jekyll must show the same headings
plus the new text, or the add is refused with its reason and nothing is written. A change that
would leave a tag open, lose a heading or a region marker is refused by the site itself, so the
command line and the editor both get it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from homepage_tui.cli import main
from homepage_tui.errors import SiteError
from homepage_tui.site import Site
from importer_support import tree_files
from sitebuild import build, jekyll_available, site_from_page, visible

HEAD = "---\npermalink: /\ntitle: \"\"\n---\n\nI am a researcher.\n\n# 🔥 News\n"
TAIL = ("\n# 📝 Publications\n\n- **A Study of Things in Detail**, Me, Other Person. *ICML*, 2024.\n\n"
        "# 🎖 Honors and Awards\n\n- *2023* Best Paper Award, ICML\n")
NEW = "Our zebra paper is accepted"

NEWS_FORMS = {
    "li-colon-inside": "<ul>\n<li><em>2026.02:</em> One paper accepted.</li>\n<li><em>2025.11:</em> Joined a lab.</li>\n</ul>\n",
    "li-colon-after": "<ul>\n<li><em>2026.02</em>: One paper accepted.</li>\n<li><em>2025.11</em>: Joined a lab.</li>\n</ul>\n",
    "li-in-scrolling-div": ('<div style="height: 200px; overflow-y: auto;">\n<ul>\n'
                            "<li><strong>[2026.02]</strong> One paper accepted.</li>\n"
                            "<li><strong>[2025.11]</strong> Joined a lab.</li>\n</ul>\n</div>\n"),
    "em-colon-inside-markdown": "- *2026.02:* One paper accepted.\n- *2025.11:* Joined a lab.\n",
    "one-digit-month": "- **2026.6** One paper accepted.\n- **2025.11** Joined a lab.\n",
    "date-after": "- One paper accepted (2026.02)\n- Joined a lab (2025.11)\n",
    "range": "- *2024.09 - present*: PhD student at X.\n- *2020.09 - 2024.06*: BSc at Y.\n",
    "undated": "- One paper accepted.\n- Joined a lab.\n",
}
# The date and some of the text inside one emphasis: no template can hold half of it.
UNFIT = "- *2026.02 One paper* accepted.\n- *2025.11 Joined* a lab.\n"


def _site(tmp_path: Path, news: str) -> Path:
    return site_from_page(tmp_path / "site", HEAD + "\n" + news + TAIL)


@pytest.fixture(autouse=True)
def _jekyll():
    if not jekyll_available():
        pytest.fail("jekyll is not installed: these tests need Debian's jekyll (apt-get install jekyll)")


@pytest.mark.parametrize("form", list(NEWS_FORMS), ids=list(NEWS_FORMS))
def test_add_news_on_every_news_form_keeps_the_page(form, tmp_path, capsys):
    site = _site(tmp_path, NEWS_FORMS[form])
    text0, _, heads0 = visible(build(site))
    assert main(["import", "--site", str(site)]) == 0
    news = Site.open(site).section("news")
    assert all("raw" not in e for e in news.entries), news.entries
    assert main(["add-news", "--date", "2026.07", "--site", str(site), NEW]) == 0
    text, links, heads = visible(build(site))
    assert heads == heads0, "a heading was lost or garbled"
    assert NEW in text
    first = "PhD student at X" if form == "range" else "One paper accepted"
    assert text.index(NEW) < text.index(first)  # at the top
    assert text.replace(NEW, "").count(first) == text0.count(first) == 1


def test_add_news_is_refused_with_the_reason_when_no_template_fits(tmp_path, capsys):
    site = _site(tmp_path, UNFIT)
    assert main(["import", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "new entries cannot be added here" in out and "emphasis" in out
    before = tree_files(site)
    assert main(["add-news", "--date", "2026.07", "--site", str(site), NEW]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "news" in err and "no entry template" in err and "emphasis" in err
    assert tree_files(site) == before  # nothing written
    # The page still builds as it was.
    assert "# 🔥 News" not in visible(build(site))[0]


def _imported(tmp_path: Path) -> Site:
    site = _site(tmp_path, NEWS_FORMS["li-colon-inside"])
    assert main(["import", "--site", str(site)]) == 0
    return Site.open(site)


def test_an_edit_that_leaves_a_tag_open_is_refused_and_nothing_written(tmp_path):
    site = _imported(tmp_path)
    before = tree_files(site.root)
    # A hand-edited template that opens <em> and never closes it.
    settings = site.settings_path.read_text(encoding="utf-8")
    template = next(line for line in settings.splitlines() if "template:" in line and "{date}" in line)
    broken = settings.replace(template, template.replace(":</em>", ":"))
    assert broken != settings
    site.settings_path.write_text(broken, encoding="utf-8")
    site = Site.open(site.root)
    news = site.section("news")
    news.update(0, {"text": "Edited."})
    with pytest.raises(SiteError) as caught:
        site.save_and_render(news)
    message = str(caught.value)
    assert "<em>" in message and "never closed" in message and "nothing was written" in message
    assert ":" in message.split(" ")[0]  # FILE:LINE
    after = tree_files(site.root)
    after.pop("content/site.yml")
    before.pop("content/site.yml")
    assert after == before


def test_a_raw_entry_that_would_swallow_a_heading_is_refused(tmp_path):
    site = _imported(tmp_path)
    awards = site.section("awards")
    awards.insert(0, {"raw": "- *2023* Best Paper Award <div class='x'>"})
    page = site.page_path.read_bytes()
    with pytest.raises(SiteError, match="never closed"):
        site.save_and_render(awards)
    assert site.page_path.read_bytes() == page


def test_a_raw_entry_that_adds_a_heading_is_refused(tmp_path):
    site = _imported(tmp_path)
    awards = site.section("awards")
    awards.insert(0, {"raw": "- *2023* Best Paper Award\n\n# Not a heading of the page"})
    with pytest.raises(SiteError, match="would become a heading"):
        site.save_and_render(awards)


def test_render_refuses_to_write_a_page_whose_markers_a_raw_entry_would_break(tmp_path):
    site = _imported(tmp_path)
    awards = site.section("awards")
    awards.insert(0, {"raw": "- *2023* Best Paper Award <!-- unclosed comment"})
    page = site.page_path.read_bytes()
    with pytest.raises(SiteError, match="never ends"):
        site.save_and_render(awards)
    assert site.page_path.read_bytes() == page


SEPARATED = """\
---
permalink: /
---

# 🔥 News

- *2024.05*: One.
- *2024.04*: Two.

<!-- older news -->

- *2023.05*: Three.
-\t*2023.04*: Four.

# 👔 Service

-   Reviewer for ICML
-   Reviewer for NeurIPS  
    and for ICLR

**Journals:**
- Reviewer for TPAMI
- Reviewer for TIP

<h2>Teaching</h2>

- TA for ML
"""


def _shape(html: str) -> list[str]:
    html = html[html.index("<main"):]
    return re.findall(r"</?(?:ul|ol|li|p|h\d|strong|br)\b", html)


def test_lists_cut_by_a_comment_a_label_or_a_heading_stay_cut_and_markers_and_breaks_stay(tmp_path):
    site = site_from_page(tmp_path / "site", SEPARATED)
    before = build(site)
    assert main(["import", "--site", str(site)]) == 0
    after = build(site)
    assert _shape(after) == _shape(before)  # two <ul> where there were two, the label a <p>, the <br> kept
    assert visible(after) == visible(before)
    page = (site / "_pages" / "about.md").read_text(encoding="utf-8")
    assert "-\t*2023.04*: Four." in page  # the item's own marker
    assert "- Reviewer for NeurIPS  \n" in page  # the hard line break (two trailing blanks) kept
    assert main(["add-news", "--date", "2026.07", "--site", str(site), NEW]) == 0
    assert _shape(build(site)).count("<ul") == _shape(before).count("<ul")
