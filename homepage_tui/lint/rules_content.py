"""Rules on the content files: validity, dates, order, duplicates, required fields, authors."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from homepage_tui import model
from homepage_tui.lint.context import LintContext
from homepage_tui.lint.problem import ERROR, WARNING, Problem
from homepage_tui.render import _split_author, normalize_name

DOI_RE = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>()\[\]]+", re.I)


def validation(ctx: LintContext) -> Iterator[Problem]:
    """What `Site.check` finds (unreadable YAML, invalid fields, duplicates): errors."""
    root = str(ctx.site.root)
    for line in ctx.site.check():
        yield Problem.from_located(line, ERROR, "validation", root)


def _month_key(text: str) -> tuple[int, int, int] | None:
    m = model.DATE_RE.match(text.strip())
    if not m or model.validate_date(text):
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def _year_of(text: str) -> int | None:
    m = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", text)
    return int(m.group(1)) if m else None


def future_dates(ctx: LintContext) -> Iterator[Problem]:
    today = (ctx.today.year, ctx.today.month, ctx.today.day)
    for ref in ctx.entries(model.NEWS):
        key = _month_key(model.text_of(ref.fields.get("date")))
        if key and (key[:2] > today[:2] or (key[2] and key > today)):
            yield Problem(ctx.rel(ref.path), ref.line("date"), WARNING,
                          f"date {ref.fields['date']} is in the future", "future-date")
    for section_type in (model.PUBLICATIONS, model.AWARDS):
        for ref in ctx.entries(section_type):
            year = _year_of(model.text_of(ref.fields.get("year")))
            if year and year > ctx.today.year:
                yield Problem(ctx.rel(ref.path), ref.line("year"), WARNING,
                              f"year {ref.fields['year']} is in the future", "future-date")


def stale_news(ctx: LintContext) -> Iterator[Problem]:
    """The newest news item older than 12 months: the page looks abandoned."""
    for section in ctx.sections_of(model.NEWS):
        dated = [(k, ref) for ref in ctx.entries(model.NEWS) if ref.section is section
                 if (k := _month_key(model.text_of(ref.fields.get("date"))))]
        if not dated:
            continue
        key, ref = max(dated, key=lambda t: t[0])
        months = (ctx.today.year - key[0]) * 12 + ctx.today.month - key[1]
        if months > 12:
            yield Problem(ctx.rel(ref.path), ref.line("date"), WARNING,
                          f"the newest news ({ref.fields['date']}) is {months} months old", "stale-news")


def news_order(ctx: LintContext) -> Iterator[Problem]:
    """News is newest first: an entry dated earlier than the one below it is out of place."""
    for section in ctx.sections_of(model.NEWS):
        refs = [ref for ref in ctx.entries(model.NEWS) if ref.section is section and "raw" not in ref.fields]
        for above, below in zip(refs, refs[1:]):
            a = _month_key(model.text_of(above.fields.get("date")))
            b = _month_key(model.text_of(below.fields.get("date")))
            if a and b and a < b:
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
    for ref in ctx.entries(model.PUBLICATIONS):
        for doi in dict.fromkeys(_dois(ref.fields)):
            where = (ctx.rel(ref.path), ref.line())
            if doi in seen:
                yield Problem(where[0], where[1], WARNING,
                              f"DOI {doi} is also on the entry at line {seen[doi][1]}", "duplicate-doi")
            else:
                seen[doi] = where


RECOMMENDED = {
    model.PUBLICATIONS: ("authors", "venue", "year"),
    model.AWARDS: ("year",),
}


def empty_recommended_fields(ctx: LintContext) -> Iterator[Problem]:
    """Fields a reader expects (a paper's authors, venue and year; an award's year) left empty."""
    for section_type, keys in RECOMMENDED.items():
        for ref in ctx.entries(section_type):
            if "raw" in ref.fields:
                continue
            for key in keys:
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
    for ref in ctx.entries(model.PUBLICATIONS):
        authors = ref.fields.get("authors")
        if not isinstance(authors, list) or not authors or ref.fields.get("bold"):
            continue
        names = {_author_name(model.text_of(a)) for a in authors}
        if not names & own:
            yield Problem(ctx.rel(ref.path), ref.line("authors"), WARNING,
                          f"the authors do not include your name ({', '.join(ctx.site.settings.names)}; "
                          "site.yml `names`)", "own-name")
