"""`homepage-tui check`: every rule the content and the page are checked against, without Textual.

`lint_site(site)` runs the rules and returns `Problem`s (file, line, severity, message). Errors
are what `check` exits 1 for and what publishing refuses; warnings are reported (and fail only
`check --strict`). Each rule is one small function in rules_*.py taking a `LintContext`.
"""

from __future__ import annotations

from datetime import date

from homepage_tui.lint.context import LintContext
from homepage_tui.lint.problem import ERROR, WARNING, Problem
from homepage_tui.lint import rules_content, rules_links, rules_page

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator

    Rule = Callable[[LintContext], Iterable[Problem]]

RULES: list[Rule] = [
    rules_content.validation,
    rules_page.page_out_of_date,
    rules_page.section_without_region,
    rules_content.future_dates,
    rules_content.stale_news,
    rules_content.news_order,
    rules_content.duplicate_dois,
    rules_content.empty_recommended_fields,
    rules_content.own_name_missing,
    rules_links.empty_links,
    rules_links.missing_files,
    rules_links.insecure_links,
    rules_page.menu_anchors,
    rules_page.emphasis_leaks,
]


def lint_site(site, today: date | None = None, rules: Iterable[Rule] | None = None,
              fresh: bool = False) -> list[Problem]:
    """Every problem the rules find in the files on disk (a fresh Site: never the caller's
    in-memory edits), errors first, each group in file and line order. `fresh`: `site` was just
    opened and holds no edits, so it is checked as it is."""
    ctx = LintContext(site if fresh else type(site).open(site.root), today or date.today())
    found: list[Problem] = []
    for rule in rules if rules is not None else RULES:
        found.extend(rule(ctx))
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda p: (p.severity != ERROR, p.path, p.line))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def summary(problems: list[Problem]) -> str:
    """`2 errors, 1 warning` (or `no problems`)."""
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    parts = []
    if n_err:
        parts.append(f"{n_err} error{'s' if n_err != 1 else ''}")
    if n_warn:
        parts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
    return ", ".join(parts) or "no problems"


def iter_lines(problems: Iterable[Problem]) -> Iterator[str]:
    for problem in problems:
        yield str(problem)


__all__ = ["ERROR", "WARNING", "LintContext", "Problem", "RULES", "errors", "lint_site", "summary"]
