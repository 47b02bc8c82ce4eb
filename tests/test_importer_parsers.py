"""The importer's parsers, one form at a time: each item must come back exactly as written."""

from __future__ import annotations

import pytest

from homepage_tui import model
from homepage_tui.importer import authors, awards, headings, news, publications, scan, tree
from homepage_tui.importer.config import add_exclude  # noqa: F401 - importable without Textual
from homepage_tui.importer.fit import fit, norm
from homepage_tui.importer.plan import import_page
from homepage_tui.render import SectionStyle


def fitted(kind, texts, parse, names=(), own_name="**{name}**"):
    style, entries = fit(kind, texts, parse, SectionStyle(type=kind, own_name=own_name), list(names))
    return style, entries


@pytest.mark.parametrize("item, date, text", [
    ("- *2024.05*: &nbsp;🎉🎉 Paper accepted.", "2024.05", "Paper accepted."),
    ("* [2024.10] &nbsp;🎉🎉 Our paper is accepted.", "2024.10", "Our paper is accepted."),
    ("- 2024.05.26: New preprint released.", "2024.05.26", "New preprint released."),
    ("- <em>2024.05 </em>:  🎤 Speaker at <em>a workshop</em>\n<br/>", "2024.05", "Speaker at <em>a workshop</em>"),
    ("- `2026.03` 🎉 We launch [Colon-X](https://github.com/x).", "2026.03", "We launch [Colon-X](https://github.com/x)."),
    ("    <li><strong>[2024.05]</strong> Joined a lab</li>", "2024.05", "Joined a lab"),
    ("- [2026.05] One paper accepted by **ICML 2026**.", "2026.05", "One paper accepted by **ICML 2026**."),
    ("<li><em>2026.02:</em> One paper accepted.</li>", "2026.02", "One paper accepted."),
    ("<li><em>2026.02</em>: One paper accepted.</li>", "2026.02", "One paper accepted."),
    ("- **2026.6**: one-digit month", "2026.6", "one-digit month"),
    ("- *2024.09 - 至今* 在某大学攻读博士学位", "2024.09 - 至今", "在某大学攻读博士学位"),
    ("- [2024.09 - present] PhD student at X", "2024.09 - present", "PhD student at X"),
    ("- *2025*: &nbsp;Joined the team", "2025", "Joined the team"),
    ("- Gave a talk at X (2024.05)", "2024.05", "Gave a talk at X"),
    ("<li class=\"news\"><span class=\"date\">2024.05</span> Joined a lab</li>", "2024.05", "Joined a lab"),
])
def test_news_dates_in_every_form(item, date, text):
    style, [entry] = fitted(model.NEWS, [item], news.parse)
    assert "raw" not in entry, style.template
    assert entry["date"] == date and entry["text"] == text


def test_news_date_kept_as_written_bad_dates_raw_and_undated_items_typed():
    _, entries = fitted(model.NEWS, ["- *2024.10*: a", "- *2024.13*: b", "- [Ongoing] c"], news.parse)
    assert entries[0]["date"] == "2024.10"
    assert "raw" in entries[1]
    assert entries[2] == {"text": "[Ongoing] c", "layout": "alt"}  # undated: news without a date


def test_a_news_template_never_splits_an_html_tag():
    # "<em>" opens before the date and "</em>" closes inside what would be the text: no template
    # may hold half of it (the add-news that broke a page wrote such a line).
    reasons: list = []
    style, entries = fit(model.NEWS, ["<li><em>2026.02 and more:</em> text</li>"], news.parse,
                         SectionStyle(type=model.NEWS), [], reasons)
    assert "raw" in entries[0] and style.template == "" and "</em>" not in style.template
    assert "balanced" in reasons[0] and style.no_template


def test_news_items_with_and_without_emoji_share_a_template():
    items = ["- *2025.07*: &nbsp;🎉🎉 One paper.", "- *2025.06*: &nbsp;I joined Huawei.", "- *2025.05*: &nbsp;🎉🎉 Two."]
    style, entries = fitted(model.NEWS, items, news.parse)
    assert not style.layouts and all("raw" not in e for e in entries)
    assert "emoji" not in entries[1]


@pytest.mark.parametrize("item, year, title, org", [
    ("* 2023/24, Research Performance Award, HKBU CS Department ([Link](https://x.y/?pid=48)).",
     "2023/24", "Research Performance Award", "HKBU CS Department"),
    ("- *2021* **Outstanding Graduates**, Chengdu University", "2021", "**Outstanding Graduates**", "Chengdu University"),
    ("- Duan Yong Ping Travel Award, 2024", "2024", "Duan Yong Ping Travel Award", None),
    ("- `2025` CVPR 2025 Outstanding Reviewer Award (Top 5.6%, [Link](https://cvpr.thecvf.com/))", "2025",
     "CVPR 2025 Outstanding Reviewer Award (Top 5.6%, [Link](https://cvpr.thecvf.com/))", None),
    ("- 2024.05\tMerit Student Award (top 3%), University of Chinese Academy of Science, China", "2024.05",
     "Merit Student Award (top 3%)", "University of Chinese Academy of Science, China"),
    ("- *2019&amp;2020&amp;2021*, Rongchang Scholarship, SJTU", "2019&amp;2020&amp;2021", "Rongchang Scholarship", "SJTU"),
])
def test_awards(item, year, title, org):
    _, [entry] = fitted(model.AWARDS, [item], awards.parse)
    assert "raw" not in entry
    assert (entry["year"], entry["title"], entry.get("org")) == (year, title, org)


def test_award_link():
    _, [entry] = fitted(model.AWARDS, ["* 2020, Scholarship, HKBU ([Link](https://a.b/c))."], awards.parse)
    assert entry["link"] == "https://a.b/c"


@pytest.mark.parametrize("item, names, title, authors_, extra", [
    ("* Z. Tang, **Z. Tang**$\\dagger$, X. Chu. A Title About Learning. In ICPP 2024.", ["Z. Tang"],
     "A Title About Learning", ["Z. Tang", "Z. Tang$\\dagger$", "X. Chu"], {"venue": "In ICPP 2024", "bold": [2]}),
    ("- Tan, H., <strong>Guo, Z.</strong>*, ... & Yan, J. (2026). Synthesizing Images for PV. Renewable Energy, 12.\n<br/>",
     ["Guo, Z."], "Synthesizing Images for PV", ["Tan, H.", "Guo, Z.*", "... & Yan, J."], {"year": "2026"}),
    ("- **Stochastic Actor-Executor-Critic for Translation**  \n<u>Ziwei Luo</u>\\*, Jing Hu\\*, Xi Wu  \n"
     "***<font color = \"#224B8D\">IJCAI 2021</font>*** \\| [[Paper](https://arxiv.org/pdf/2112.07403)]", ["Ziwei Luo"],
     "Stochastic Actor-Executor-Critic for Translation", ["Ziwei Luo\\*", "Jing Hu\\*", "Xi Wu"],
     {"venue": "IJCAI 2021", "links": {"Paper": "https://arxiv.org/pdf/2112.07403"}}),
    ("1. [CCF-A] **Yucen Gao**, Zhemeng Yu, Xiaofeng Gao, GKD-Recruiter: Jointly Modeling Social Tasks, "
     "International Conference on Machine Learning (ICML), 2026.", ["Yucen Gao"],
     "GKD-Recruiter: Jointly Modeling Social Tasks", ["Yucen Gao", "Zhemeng Yu", "Xiaofeng Gao"], {"badge": "CCF-A"}),
    ("- ``AAAI 2026`` [\"Debiased Cognitive Diagnosis\"](https://ojs.aaai.org/x). **Shangshang Yang**\\#, Xuewen Duan, "
     "*AAAI* (**CCF A**), 2026.", ["Shangshang Yang"], "Debiased Cognitive Diagnosis",
     ["Shangshang Yang\\#", "Xuewen Duan"], {"url": "https://ojs.aaai.org/x", "badge": "AAAI 2026"}),
    ("- [The SIFo Benchmark for Instructions](https://arxiv.org/abs/2406.19999) <br> Xinyi Chen, **Jirui Qi**†, "
     "Arianna Bisazza <br> **Findings of EMNLP 2024**", ["Jirui Qi"], "The SIFo Benchmark for Instructions",
     ["Xinyi Chen", "Jirui Qi†", "Arianna Bisazza"], {"venue": "Findings of EMNLP 2024"}),
    ("* Ruoqi Zhang$^\\dagger$, **Z. Tang**<sup>*</sup>, Per Mattsson. Entropy Regularized Policies. In NeurIPS 2024. "
     "[**Code**](https://github.com/x) [**Paper**](https://arxiv.org/abs/1)", ["Z. Tang"], "Entropy Regularized Policies",
     ["Ruoqi Zhang$^\\dagger$", "Z. Tang<sup>*</sup>", "Per Mattsson"],
     {"venue": "In NeurIPS 2024", "links": {"Code": "https://github.com/x", "Paper": "https://arxiv.org/abs/1"}}),
    ("* **Z. Tang**\\*, A. Chu. A Quantitative Survey of Communication. In IEEE Network \\[[code](https://g.h/x), "
     "[paper](https://arxiv.org/abs/2)\\]", ["Z. Tang"], "A Quantitative Survey of Communication", ["Z. Tang\\*", "A. Chu"],
     {"venue": "In IEEE Network \\[[code](https://g.h/x), [paper](https://arxiv.org/abs/2)\\]"}),
])
def test_bullet_publications(item, names, title, authors_, extra):
    style, entries = fitted(model.PUBLICATIONS, [item], _with_names(names, item), names, _own(item))
    entry = entries[0]
    assert "raw" not in entry, (publications.parse(item), style.template)
    assert entry["title"] == title
    assert entry["authors"] == authors_
    for key, value in extra.items():
        assert entry[key] == value


def _own(item):
    return authors.analyze(next(p for p in publications.author_pieces(item) if authors.analyze(p).form)).form


def _with_names(names, item):
    own = _own(item)

    def parse(text):
        out = []
        for c in publications.parse(text):
            stored, bold = authors.store(c.fields["authors"], names, own)
            c.fields["authors"] = stored
            if bold:
                c.fields["bold"] = bold
            out.append(c)
        return out
    return parse


PAPER_BOX = """<div class='paper-box'><div class='paper-box-image'><div><div class="badge">NeurIPS 2024</div><img src='images/diffusion-policy.png' alt="sym" width="100%"></div></div>
<div class='paper-box-text' markdown="1">

**Entropy-regularized Diffusion Policy with Q-Ensembles**  
Ruoqi Zhang$^\\dagger$, <u>Ziwei Luo</u>$^\\dagger$, Jens Sjölund

**<font color = "#224B8D">NeurIPS 2024</font>** \\| [Paper](https://arxiv.org/abs/2402.04080) \\| [Code](https://github.com/r/e) <strong><span class='show_paper_citations' data='3WQTKocAAAAJ:WF5omc3nYNoC'></span></strong>
- This work presents a diffusion-based policy.
- A diffusion entropy is introduced.
</div>
</div>"""


def test_paper_box():
    [c] = publications.parse(PAPER_BOX)
    f = c.fields
    assert f["title"] == "Entropy-regularized Diffusion Policy with Q-Ensembles"
    assert f["badge"] == "NeurIPS 2024" and f["image"] == "images/diffusion-policy.png"
    assert f["authors"] == ["Ruoqi Zhang$^\\dagger$", "<u>Ziwei Luo</u>$^\\dagger$", "Jens Sjölund"]
    assert f["highlights"] == ["This work presents a diffusion-based policy.", "A diffusion entropy is introduced."]
    assert f["venue"] == "NeurIPS 2024" and f["citation"] == "3WQTKocAAAAJ:WF5omc3nYNoC"
    assert f["links"] == {"Paper": "https://arxiv.org/abs/2402.04080", "Code": "https://github.com/r/e"}
    style, [entry] = fitted(model.PUBLICATIONS, [PAPER_BOX], _with_names(["Ziwei Luo"], PAPER_BOX), ["Ziwei Luo"],
                            "<u>{name}</u>")
    assert "raw" not in entry
    assert entry["authors"][1] == "Ziwei Luo$^\\dagger$"


def test_trees_nested_and_two_space():
    service = ("* Invited Reviewer\n    * Machine Learning:\n        * TPAMI\n        * TMLR\n    * Systems:\n        * TPDS")
    style, [entry] = tree.fit_tree([service], SectionStyle(type=model.TREE))
    assert entry["text"] == "Invited Reviewer"
    assert [c["text"] for c in entry["children"]] == ["Machine Learning:", "Systems:"]
    assert entry["children"][0]["children"][1]["text"] == "TMLR"
    assert style.indent == 4 and style.bullet == "*"
    hobbies = ["- **Fitness**  \n  Regular training.", "- **Badminton**\n  - 2021 champion\n  - 2022 runner-up"]
    style, entries = tree.fit_tree(hobbies, SectionStyle(type=model.TREE))
    assert entries[0]["text"] == "**Fitness**  \nRegular training."
    assert entries[1]["children"][1]["text"] == "2022 runner-up" and style.indent == 2


def test_tree_item_that_does_not_fit_is_raw():
    numbered = ["1. First\n  - a", "2. Second"]
    _, entries = tree.fit_tree(numbered, SectionStyle(type=model.TREE))
    assert any("raw" in e for e in entries)


@pytest.mark.parametrize("title, name", [
    ("🔥 News", "news"), ("<i class=\"fas fa-fire\"></i> News", "news"), ("📢 News and updates", "news"),
    ("Recent News {#news}", "news"), ("📝 Selected Publications", "publications"), ("Preprints", "publications"),
    ("🎖 Honors and Awards", "awards"), ("Awards", "awards"), ("👔 Professional Activities", "service"),
    ("📫 Academic Services", "service"), ("Service", "service"), ("📖 Educations", "education"),
    ("Education", "education"), ("💻 Experience", "experience"), ("💻 Internships", "internships"),
    ("📕 Teaching", "teaching"), ("💬 Invited Talks", "talks"), ("新闻", "news"), ("📝 论文", "publications"),
    ("🏅 荣誉与奖项", "awards"), ("教学", "teaching"), ("学术服务", "service"), ("🎓 教育经历", "education"),
    ("📝 在投/审稿中工作", "publications"), ("审稿服务", "service"), ("工作经历", "experience"),
    ("Teaching Experiences", "teaching"), ("Under Review", "publications"), ("实习经历", "internships"),
])
def test_heading_classification(title, name):
    assert headings.classify(title)[0] == name


def test_sections_groups_and_comments():
    page = ("---\ntitle: x\n---\n# 🔥 News\n- *2024.01*: a\n<!-- - *2023.01*: old -->\n- *2023.12*: b\n\n"
            "## 📖 Educations\n- *2020.09 - now*, PhD\n\n<!-- # 🎤 Talks\n- x -->\n\n"
            "# Publications {#pubs}\nText kept outside.\n\n## Preprints\n\n* A. Bee, **C. Dee**. A title about things. arXiv.\n\n"
            "## Published\n\n* A. Bee, **C. Dee**. Another title of a paper. In ICML 2024.\n\n<script>x()</script>\n")
    plan = import_page({"p.md": page}, "p.md")
    assert [s.name for s in plan.sections] == ["news", "education", "publications"]
    news_ = plan.sections[0]
    assert news_.entries[1] == {"raw": "<!-- - *2023.01*: old -->"}
    pubs = plan.sections[2]
    assert [e.get("group") for e in pubs.entries] == ["preprints", None]
    new = plan.pages["p.md"]
    assert "<!-- homepage-tui:begin publications group=preprints -->" in new
    assert "Text kept outside." in new and "<script>x()</script>" in new and "<!-- # 🎤 Talks\n- x -->" in new
    assert "# Publications {#pubs}" in new
    assert plan.names == ["C. Dee"]


def test_scan_blocks():
    lines = scan.split_lines("- a\n  cont\n\n- b\n<!-- c\n\nd -->\ntext\n")
    kinds = [(b.kind, b.start, b.end) for b in scan.blocks(lines, scan.code_lines(lines), 0, len(lines))]
    assert kinds == [("item", 0, 2), ("item", 3, 4), ("comment", 4, 7), ("other", 7, 8)]


HTML_BOX = """<div class='paper-box floating-card'>
  <div class='paper-box-image'>
    <div class="badge pulse-accent">TRO</div>
    <img src='images/{img}.gif' alt="{alt} Demo" width="100%">
  </div>
  <div class='paper-box-text'>
    <h3><a href="https://{img}.io/" style="color: inherit;">{title}</a></h3>
    <div class="authors"><span class="accent-text">Yinan Deng</span>, Yufeng Yue*, Jianyu Dou,Jingyu Zhao</div>
    <div class="venue">IEEE Transactions on Robotics (TRO) 2025</div>
    <div class="links">
      <a href="https://{img}.io/" class="btn-accent"><i class="fas fa-home"></i> Project</a>
      <a href="https://github.com/x/{img}" class="btn-accent"><i class="fab fa-github"></i> Code</a>
    </div>
  </div>
</div>"""


def test_html_paper_box_with_classed_divs():
    box = HTML_BOX.format(img="omnimap", alt="Omnimap", title="OmniMap: A General Mapping Framework")
    cands = publications.parse(box)
    f = cands[0].fields
    assert f["title"] == "OmniMap: A General Mapping Framework" and f["url"] == "https://omnimap.io/"
    assert f["badge"] == "TRO" and f["image"] == "images/omnimap.gif"
    # the authors div says what it holds: a missing space does not stop the list
    assert f["authors"] == ['<span class="accent-text">Yinan Deng</span>', "Yufeng Yue*", "Jianyu Dou,Jingyu Zhao"]
    assert f["venue"] == "IEEE Transactions on Robotics (TRO) 2025"
    assert list(f["links"].values()) == ["https://omnimap.io/", "https://github.com/x/omnimap"]
    assert cands[0].style == {"link": '<a href="{url}" class="btn-accent">{name}</a>', "links_separator": "\n      "}
    assert cands[1].fields["alt"] == "Omnimap Demo"


def test_html_paper_boxes_with_their_own_alt_text_share_one_template():
    boxes = [HTML_BOX.format(img=i, alt=i.title(), title=f"{i.title()}: a long enough title") for i in ("a", "b", "c")]
    style, entries = fitted(model.PUBLICATIONS, boxes, _with_names(["Yinan Deng"], boxes[0]), ["Yinan Deng"],
                            '<span class="accent-text">{name}</span>')
    assert all("raw" not in e and "layout" not in e for e in entries), style.template
    assert [e["alt"] for e in entries] == ["A Demo", "B Demo", "C Demo"]
    assert entries[0]["authors"][0] == "Yinan Deng"
    assert '{?url}<a href="{url}" style="color: inherit;">{title}</a>{/url}{!url}{title}{/url}' in style.template


HTML_BOX_BR = """<div class='paper-box'>
    <div class='paper-box-image'>
        <img src='images/DSEN.png' alt="sym" style="max-width:80%">
    </div>
    <div class='paper-box-text'>
        <a href="https://www.sciencedirect.com/science/article/pii/S0951832024007142">
            <papertitle> Distance similarity entropy: a feature extraction method </papertitle>
        </a>
        <br>
        <strong>Tao Wang</strong>, Shin Yee Khoo, Zhi Chao Ong, <strong>Teng Wang</strong>.
        <br>
        <em> Engineering Applications of Artificial Intelligence</em>, 2024 (TOP) <a href="https://github.com/x">[code]</a>
        <p></p>
        <p>A sentence about the paper.</p>
    </div>
</div>"""


def test_html_paper_box_with_line_breaks():
    [c, _] = publications.parse(HTML_BOX_BR)
    f = c.fields
    assert f["title"] == "Distance similarity entropy: a feature extraction method"
    assert f["authors"] == ["<strong>Tao Wang</strong>", "Shin Yee Khoo", "Zhi Chao Ong", "<strong>Teng Wang</strong>"]
    assert f["venue"] == "Engineering Applications of Artificial Intelligence" and f["year"] == "2024"
    assert f["note"] == "A sentence about the paper." and f["note2"] == "(TOP)"
    assert f["links"] == {"code": "https://github.com/x"} and c.style == {"link": '<a href="{url}">[{name}]</a>'}
    names = ["Tao Wang", "Teng Wang"]
    _, [entry] = fitted(model.PUBLICATIONS, [HTML_BOX_BR], _with_names(names, HTML_BOX_BR), names,
                        "<strong>{name}</strong>")
    assert "raw" not in entry and entry["authors"][0] == "Tao Wang"


def test_html_paper_box_that_does_not_fit_the_form_is_not_structured():
    more_notes_than_kept = HTML_BOX_BR.replace("<p></p>", "<p>Accepted at</p><div><p>x</p><p>y</p><p>z</p></div>")
    assert publications.parse(more_notes_than_kept) == []
    words_of_its_own = HTML_BOX_BR.replace("<img ", "Figure 1 <img ")
    assert publications.parse(words_of_its_own) == []
    assert publications.parse(HTML_BOX_BR.replace("<br>\n        <strong>Tao", "<!-- c --><br>\n        <strong>Tao")) == []


def test_norm_ignores_runs_of_blanks_inside_a_line_but_not_in_code():
    assert norm("- [a](x)  \\| [b](y)") == norm("- [a](x) \\| [b](y)")
    assert norm("- `a  b`") != norm("- `a b`")
    assert norm("```\na  b\n```") != norm("```\na b\n```")
    assert norm("- a  \n  b") == "- a  \nb"  # a hard break stays a hard break


BULLET = ("- **{title} for Image Translation**  \nJing Hu, <u>Ziwei Luo</u>  \n***<font color = \"#224B8D\">IJCAI 2021</font>*** "
          "\\| {links}")


def test_links_whose_separators_differ_in_blanks_and_a_bracketed_single_link():
    items = [BULLET.format(title="Stochastic Actor", links="[Paper](https://a.b/1) \\| [Code](https://c.d/1)"),
             BULLET.format(title="Spatiotemporal Agent", links="[Paper](https://a.b/2)  \\| [Code](https://c.d/2)"),
             BULLET.format(title="Multimodal Registration", links="[[Paper](https://a.b/3)]")]
    style, entries = fitted(model.PUBLICATIONS, items, _with_names(["Ziwei Luo"], items[0]), ["Ziwei Luo"],
                            "<u>{name}</u>")
    assert all("raw" not in e for e in entries), style.template
    assert style.link == "[{name}]({url})" and style.links_separator == " \\| "
    assert entries[1]["links"] == {"Paper": "https://a.b/2", "Code": "https://c.d/2"}
    assert entries[2]["links"] == {"Paper": "https://a.b/3"}
    assert style.layouts[entries[2]["layout"]].endswith("\\| [{links}]")


def test_paper_box_with_a_highlight_commented_out():
    box = PAPER_BOX.replace("- A diffusion entropy is introduced.", "<!-- - A diffusion entropy is introduced. -->")
    [c] = publications.parse(box)
    assert c.fields["highlights"] == ["This work presents a diffusion-based policy."]
    assert c.fields["comment"] == "<!-- - A diffusion entropy is introduced. -->"
    style, [entry] = fitted(model.PUBLICATIONS, [box], _with_names(["Ziwei Luo"], box), ["Ziwei Luo"], "<u>{name}</u>")
    assert "raw" not in entry
    assert "{highlights}{?comment}\n{comment}{/comment}" in style.template


def test_li_items_in_a_list_section_are_typed_like_bullets():
    items = ["      <li>IEEE TPAMI <em>(PAMI)</em></li>", "      <li>Neural Networks</li>"]
    style, entries = tree.fit_tree(items, SectionStyle(type=model.TREE))
    assert entries == [{"text": "IEEE TPAMI <em>(PAMI)</em>"}, {"text": "Neural Networks"}]
    assert style.bullet == "      <li>"


def test_award_without_a_year_is_typed_and_a_trailing_emphasised_year_is_read():
    _, entries = fitted(model.AWARDS, ["- Received the Best Student Paper Award at ICCSS 2017.",
                                       "- Song Qingling Scholarship (宋庆龄奖学金), *2023.12*,"], awards.parse)
    assert entries[0] == {"title": "Received the Best Student Paper Award at ICCSS 2017."}
    assert entries[1]["year"] == "2023.12" and "raw" not in entries[1]


def test_publication_with_hard_breaks_sup_markers_and_a_middle_dot_before_the_links():
    item = ("- [Why is Repeated Padding Effective for Sequential Recommendation](https://x.org/1)  \n"
            "  **Yizhou Dang**, Enneng Yang, Guibing Guo<sup>&dagger;</sup>, Xingwei Wang<sup>&dagger;</sup>  \n"
            "  *IEEE Transactions on Knowledge and Data Engineering (**TKDE**), 2026* · [Code](https://github.com/x/y)")
    _, [entry] = fitted(model.PUBLICATIONS, [item], publications.parse, names=["Yizhou Dang"])
    assert "raw" not in entry
    assert entry["authors"] == ["**Yizhou Dang**", "Enneng Yang", "Guibing Guo<sup>&dagger;</sup>", "Xingwei Wang<sup>&dagger;</sup>"]
    assert entry["links"] == {"Code": "https://github.com/x/y"}
    assert entry["venue"].startswith("IEEE Transactions")


def test_apa_year_and_month():
    item = ("- Shi, X., <strong>Guo, Z.</strong>, & Shibasaki, R. (2021, May). Social-DPF: Socially Acceptable "
            "Distribution Prediction of Futures. In AAAI (Vol. 35, No. 3, pp. 2550-2557).")
    _, [entry] = fitted(model.PUBLICATIONS, [item], publications.parse, names=["Guo, Z."], own_name="<strong>{name}</strong>")
    assert "raw" not in entry and entry["year"] == "2021" and entry["month"] == "May"


def test_markdown_paper_box_written_line_by_line():
    box = ("<div class='paper-box-text' markdown=\"1\">\n"
           "<font color=\"CornFlowerBlue\">SAFER: Advancing Safety Alignment via Efficient Ex-Ante Reasoning\n"
           "</font>\n"
           "**Kehua Feng**, Keyan Ding, Yuhao Wang\\\\\n"
           "**ACL 2026, Findings** |  [PDF](https://arxiv.org/pdf/2504.02725)\n"
           "</div>")
    _, [entry] = fitted(model.PUBLICATIONS, [box], publications.parse, names=["Kehua Feng"])
    assert "raw" not in entry
    assert entry["title"].startswith("SAFER") and entry["venue"] == "ACL 2026, Findings"
    assert entry["authors"] == ["**Kehua Feng**", "Keyan Ding", "Yuhao Wang"]  # bold kept: no names given to fit
    assert entry["links"] == {"PDF": "https://arxiv.org/pdf/2504.02725"}


@pytest.mark.parametrize("piece, form, name, markers", [
    ("**Name Surname***", "**{name}**", "Name Surname", "*"),
    ("**Yizhou Dang<sup>&#8902;</sup>**", "**{name}{markers}**", "Yizhou Dang", "<sup>&#8902;</sup>"),
    ("<b>Kehua Feng\\*</b>", "<b>{name}{markers}</b>", "Kehua Feng", "\\*"),
    ("__<u>Dong-Dong Wu</u>__", "__<u>{name}</u>__", "Dong-Dong Wu", ""),
    ("**Bo Li**", "**{name}**", "Bo Li", ""),
])
def test_own_name_forms_with_markers_inside_or_after_the_emphasis(piece, form, name, markers):
    a = authors.analyze(piece)
    assert (a.form, a.name, a.markers) == (form, name, markers)


def test_own_name_with_markers_inside_the_emphasis_round_trips_with_plain_names():
    items = ["- **A Study of Widgets in Detail**. **Kehua Feng\\***, Ann Lee. *ICML*, 2024.",
             "- **A Study of Gadgets in Detail**. Ann Lee, **Kehua Feng**. *ICLR*, 2023."]
    pieces = [p for t in items for p in publications.author_pieces(t)]
    own = authors.own_form(pieces)
    assert own == "**{name}{markers}**"
    stored = [authors.store(publications.author_pieces(t), ["Kehua Feng"], own)[0] for t in items]
    assert stored == [["Kehua Feng\\*", "Ann Lee"], ["Ann Lee", "Kehua Feng"]]
    from homepage_tui.render import format_authors
    style = SectionStyle(type=model.PUBLICATIONS, own_name=own)
    assert format_authors(stored[0], ["Kehua Feng"], style) == "**Kehua Feng\\***, Ann Lee"
    assert format_authors(stored[1], ["Kehua Feng"], style) == "Ann Lee, **Kehua Feng**"


@pytest.mark.parametrize("item, expect", [
    ("- **A Study of Widgets in Great Detail**. Ann Lee and Bob Stone. *ICML 2024*.",
     {"authors": ["Ann Lee", "and Bob Stone"], "venue": "ICML 2024"}),
    ("- **A Study of Widgets in Great Detail**<br>Ann Lee, Bob Stone<br>*ICML 2024*<br>[Paper](https://a.org/p) [Code](https://a.org/c)",
     {"venue": "ICML 2024", "links": {"Paper": "https://a.org/p", "Code": "https://a.org/c"}}),
    ("- [A Study of Widgets in Great Detail](https://a.org/x) [[Code](https://a.org/c)]\n  Ann Lee, Bob Stone\n  *ICML 2024*",
     {"url": "https://a.org/x", "links": {"Code": "https://a.org/c"}, "venue": "ICML 2024"}),
    ("- **A Study of Widgets in Great Detail**\n  Ann Lee, Bob Stone\n  [ICML 2024](https://icml.cc)",
     {"links": {"ICML 2024": "https://icml.cc"}}),  # a venue that is only a link is no venue
    ("- **A Study of Widgets in Great Detail**. Ann Lee, Bob Stone (*Equal Contribution). *ICML 2024*.",
     {"authors": ["Ann Lee", "Bob Stone"], "authors_note": "*Equal Contribution", "venue": "ICML 2024"}),
])
def test_publication_links_and_author_forms(item, expect):
    style, [entry] = fitted(model.PUBLICATIONS, [item], publications.parse)
    assert "raw" not in entry, entry
    assert {k: entry.get(k) for k in expect} == expect
    assert "venue" in expect or "venue" not in entry


@pytest.mark.parametrize("items, bullet", [
    (["-\tReviewer for ICML", "-\tReviewer for NeurIPS"], "-\t"),
    (["-   Reviewer for ICML", "-   Reviewer for NeurIPS\n    -   a sub-item"], "-   "),
])
def test_list_markers_with_a_tab_or_several_blanks_are_kept(items, bullet):
    style, entries = tree.fit_tree(items, SectionStyle(type=model.TREE))
    assert style.bullet == bullet and all("raw" not in e for e in entries)
    from homepage_tui.render import render_tree_item
    assert [render_tree_item(e, style) for e in entries] == items


def test_award_with_two_years_joined_by_an_ampersand():
    _, [entry] = fitted(model.AWARDS, ["- *2024.07 & 2021.07*: Excellent Graduate of Beijing"], awards.parse)
    assert entry["year"] == "2024.07 & 2021.07" and entry["title"] == "Excellent Graduate of Beijing"


def test_markdown_paper_box_closed_by_two_divs_on_one_line():
    box = ("<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">NC 2025</div>"
           "<img src='images/x.png' alt=\"sym\" width=\"100%\"></div></div>\n"
           "<div class='paper-box-text' markdown=\"1\">\n\n"
           "[PhenoProfiler: Advancing Morphology Representations](https://x.org/a)\n\n"
           "[Code](https://github.com/x/y), [WebServer](https://x.org/)\n\n"
           "**Bo Li**, Bob Zhang, ..., Qianqian Song\n\n"
           "Nature Communications 2025\n\n"
           "**Abstract**: Cell image encoding, end to end.\n\n\n\n</div></div>")
    _, [entry] = fitted(model.PUBLICATIONS, [box], publications.parse)
    assert "raw" not in entry and entry["badge"] == "NC 2025" and entry["venue"] == "Nature Communications 2025"
    assert entry["links"] == {"Code": "https://github.com/x/y", "WebServer": "https://x.org/"}


@pytest.mark.parametrize("item, expect", [
    ("- [Durability assessment of bio-based thermal insulation](https://x.org/a),  **Resour. Conserv. Recy. 2025**",
     {"title": "Durability assessment of bio-based thermal insulation", "venue": "Resour. Conserv. Recy. 2025"}),
    ("- *2023* Chengxuan Qin, Rui Yang, and Zidong Wang. Spatial Variation Generation for Motor Imagery. "
     "IEEE Transactions on Neural Systems and Rehabilitation Engineering, 2023.",
     {"year": "2023", "authors": ["Chengxuan Qin", "Rui Yang", "and Zidong Wang"]}),
])
def test_publication_without_authors_or_with_a_year_first(item, expect):
    _, [entry] = fitted(model.PUBLICATIONS, [item], publications.parse)
    assert "raw" not in entry, entry
    assert {k: entry.get(k) for k in expect} == expect


def test_markdown_paper_box_with_a_label_highlights_and_a_wrapped_citation():
    box = ("<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">IJCAI 2025</div>"
           "<img src='paper_images/fbquant.png' alt=\"sym\" width=\"100%\"></div></div>\n"
           "<div class='paper-box-text' markdown=\"1\">\n\n"
           "**IJCAI 2025** [FBQuant: FeedBack Quantization for Large Language Models](https://arxiv.org/abs/2501.16385)\n\n"
           "**Yijiang Liu**, Hengyu Fang, Liulu He\n\n"
           "- LLM quantization. \n- Sub-branch approach.\n\n"
           "[**GitHub**](https://github.com/x/y) <strong><span class='show_paper_citations' data='D:AL'></span></strong>\n"
           "</div>\n</div>")
    _, [entry] = fitted(model.PUBLICATIONS, [box], publications.parse)
    assert "raw" not in entry, entry
    assert entry["label"] == "IJCAI 2025" and entry["title"].startswith("FBQuant")
    assert entry["highlights"] == ["LLM quantization. ", "Sub-branch approach."]
    assert entry["citation"] == "D:AL" and entry["links"] == {"GitHub": "https://github.com/x/y"}
