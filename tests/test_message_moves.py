"""Issue 15 item 5: a commit message after moves says moves, and a long subject is a sentence,
not one cut with a literal `…`."""

from __future__ import annotations

from homepage_tui.publish.message import _fit, summarise_content

NEWS = [("2024.06", "Paper A accepted."), ("2024.03", "Talk at B."), ("2023.11", "Award C."),
        ("2023.05", "Paper D accepted."), ("2022.12", "Joined E."), ("2022.01", "Started F.")]


def news_text(entries) -> str:
    return "# News\n\n" + "".join(f"- date: '{d}'\n  text: {t}\n" for d, t in entries)


def test_moves_with_an_edit_are_moves_and_an_edit():
    # Three entries moved to the top (as `s` does after they were out of order), one edited.
    moved = [NEWS[3], NEWS[4], NEWS[5], NEWS[0], NEWS[1], (NEWS[2][0], "Award C, renamed.")]
    message = summarise_content("content/news.yml", news_text(NEWS), news_text(moved))
    assert "add" not in message and "delete" not in message
    # The longest run that kept its order is D, E, F: A and B moved.
    assert message == "news: edit 2023.11 entry, move 2024.06 entry, move 2024.03 entry"


def test_moves_and_an_addition_are_moves_and_an_addition():
    moved = [("2025.01", "New."), NEWS[1], NEWS[0]] + NEWS[2:]
    message = summarise_content("content/news.yml", news_text(NEWS), news_text(moved))
    assert message == "news: add 2025.01 entry, move 2024.03 entry"  # either of the two swapped


def test_moves_alone_are_a_reorder():
    moved = [NEWS[1], NEWS[0]] + NEWS[2:]
    assert summarise_content("content/news.yml", news_text(NEWS), news_text(moved)) == "news: reorder entries"


def test_a_long_subject_names_the_sections_and_never_ends_in_an_ellipsis():
    parts = ['news: add 2026.11 entry', 'publications: edit "FedImpro, renamed: Measuring…", edit "Second paper"',
             "awards: move 3 entries"]
    subject, blank, *body = _fit(parts).splitlines()
    assert subject == "Update news, publications, awards" and blank == ""
    assert body == [f"- {p}" for p in parts]
