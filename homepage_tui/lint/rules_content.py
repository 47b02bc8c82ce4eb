"""Rules on the content files: validity, dates, order, duplicates, required fields, authors."""

from __future__ import annotations

import re
from functools import lru_cache

from homepage_tui import kinds, model
from homepage_tui.lint.context import LintContext
from homepage_tui.lint.problem import ERROR, WARNING, Problem
from homepage_tui.render import _split_author, normalize_name

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Iterator

DOI_RE = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>()\[\]]+", re.I)


def validation(ctx: LintContext) -> Iterator[Problem]:
    """What `Site.check` finds (unreadable YAML, invalid fields, duplicates): errors."""
    root = str(ctx.site.root)
    for line in ctx.site.check():
        yield Problem.from_located(line, ERROR, "validation", root)


def _earlier(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """News dated `a` before news dated `b`: a year alone is compared by its year (2026 is not
    before 2026.10); a month without a day is before that month's days."""
    if len(a) == 1 or len(b) == 1:
        return a[0] < b[0]
    return a + (0,) * (3 - len(a)) < b + (0,) * (3 - len(b))


def future_dates(ctx: LintContext) -> Iterator[Problem]:
    """An entry dated after today, at the precision its date is written (this month is not later)."""
    today = (ctx.today.year, ctx.today.month, ctx.today.day)
    for kind in kinds.ALL:
        if not kind.dated:
            continue
        for ref in ctx.entries(kind):
            when = kind.when(ref.fields)
            if when and when > today[:len(when)]:
                yield Problem(ctx.rel(ref.path), ref.line(kind.date_field), WARNING,
                              f"{kind.date_field} {ref.fields[kind.date_field]} is in the future", "future-date")


def stale_news(ctx: LintContext) -> Iterator[Problem]:
    """The newest news item older than 12 months: the page looks abandoned."""
    news = kinds.NEWS
    for section in ctx.sections_of(news):
        dated = [(when, ref) for ref in ctx.entries(news) if ref.section is section
                 if (when := news.when(ref.fields))]
        if not dated:
            continue
        when, ref = max(dated, key=lambda t: t[0])
        month = when[1] if len(when) > 1 else 12  # a year alone: its news may be from December
        months = (ctx.today.year - when[0]) * 12 + ctx.today.month - month
        if months > 12:
            yield Problem(ctx.rel(ref.path), ref.line("date"), WARNING,
                          f"the newest news ({ref.fields['date']}) is {months} months old", "stale-news")


def news_order(ctx: LintContext) -> Iterator[Problem]:
    """News is newest first: an entry dated earlier than the one below it is out of place."""
    news = kinds.NEWS
    for section in ctx.sections_of(news):
        refs = [ref for ref in ctx.entries(news) if ref.section is section and "raw" not in ref.fields]
        for above, below in zip(refs, refs[1:]):
            a, b = news.when(above.fields), news.when(below.fields)
            if a and b and _earlier(a, b):
                yield Problem(ctx.rel(above.path), above.line("date"), WARNING,
                              f"dated {above.fields['date']}, earlier than the entry below it "
                              f"({below.fields['date']}); news is newest first (`s` sorts)", "news-order")


def _dois(value) -> list[str]:
    if isinstance(value, dict):
        return [d for v in value.values() for d in _dois(v)]
    if isinstance(value, list):
        return [d for v in value for d in _dois(v)]
    return [m.group(0).rstrip(".,;").lower() for m in DOI_RE.finditer(model.text_of(value))]


def duplicate_dois(ctx: LintContext) -> Iterator[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    for ref in ctx.entries(kinds.PUBLICATIONS):
        for doi in dict.fromkeys(_dois(ref.fields)):
            where = (ctx.rel(ref.path), ref.line())
            if doi in seen:
                yield Problem(where[0], where[1], WARNING,
                              f"DOI {doi} is also on the entry at line {seen[doi][1]}", "duplicate-doi")
            else:
                seen[doi] = where


def empty_recommended_fields(ctx: LintContext) -> Iterator[Problem]:
    """Fields a reader expects (a paper's authors, venue and year; an award's year) left empty."""
    for kind in kinds.ALL:
        for ref in ctx.entries(kind) if kind.recommended else ():
            if "raw" in ref.fields:
                continue
            for key in kind.recommended:
                value = ref.fields.get(key)
                empty = not value if isinstance(value, (list, dict)) else not model.text_of(value).strip()
                if empty:
                    yield Problem(ctx.rel(ref.path), ref.line(key if key in ref.fields else None), WARNING,
                                  f"{key} is empty", "empty-field")


@lru_cache(maxsize=4096)
def _author_name(author: str) -> str:
    """An author as compared with the user's names: markers and emphasis off, case folded
    (cached: the same co-authors come back paper after paper)."""
    return normalize_name(_split_author(author)[1])


def own_name_missing(ctx: LintContext) -> Iterator[Problem]:
    """A paper whose author list lacks the user's own name (site.yml `names`) shows no bold name."""
    own = {normalize_name(n) for n in ctx.site.settings.names if n}
    if not own:
        return
    for ref in ctx.entries(kinds.PUBLICATIONS):
        authors = ref.fields.get("authors")
        if not isinstance(authors, list) or not authors or ref.fields.get("bold"):
            continue
        names = {_author_name(model.text_of(a)) for a in authors}
        if not names & own:
            yield Problem(ctx.rel(ref.path), ref.line("authors"), WARNING,
                          f"the authors do not include your name ({', '.join(ctx.site.settings.names)}; "
                          "site.yml `names`)", "own-name")
