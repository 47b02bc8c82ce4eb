"""The import as a pure function: page text in, an ImportPlan out.

    plan = import_page({"_pages/about.md": text, "_pages/modules/news.md": ...}, "_pages/about.md")

The plan holds, per section, its entries (structured or raw), its style for site.yml, and the
page text with each section's items replaced by a generated region; `apply` writes it.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field

from .. import kinds
from ..regions import find_regions, wrap_region
from ..render import SectionStyle, render_entries
from ..site import INCLUDE_RE
from . import authors as au
from . import headings, publications, scan, tree
from .fit import fit, no_template_reason, norm
from .parsers import parser_for

ITEM_KINDS = ("item", "li", "box")


@dataclass
class Group:
    title: str | None  # None: the section's own body, before any subheading
    start: int  # first body line
    end: int
    blocks: list[scan.Block] = field(default_factory=list)
    selector: dict[str, str] = field(default_factory=dict)
    entries: list[dict] = field(default_factory=list)

    @property
    def run(self) -> list[scan.Block]:
        """The blocks from the first item to the last: what the region replaces."""
        idx = [i for i, b in enumerate(self.blocks) if b.kind in ITEM_KINDS]
        return self.blocks[idx[0]:idx[-1] + 1] if idx else []


@dataclass
class SectionPlan:
    name: str
    type: str
    title: str
    file: str  # the page file that holds its regions
    heading_line: int
    groups: list[Group] = field(default_factory=list)
    style: SectionStyle = field(default_factory=SectionStyle)
    entries: list[dict] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)  # per entry: why it is raw (None: typed)

    @property
    def kind(self) -> kinds.SectionKind:
        return kinds.of(self.type)

    @property
    def structured(self) -> int:
        return sum(1 for e in self.entries if "raw" not in e)

    @property
    def raw(self) -> int:
        return sum(1 for e in self.entries if "raw" in e)


@dataclass
class ImportPlan:
    page: str
    pages: dict[str, str]  # file -> new text (only files that change)
    sections: list[SectionPlan]
    names: list[str]
    notes: list[str]

    @property
    def structured(self) -> int:
        return sum(s.structured for s in self.sections)

    @property
    def raw(self) -> int:
        return sum(s.raw for s in self.sections)


class AlreadyImported(ValueError):
    """The page already has homepage-tui regions."""


def included_files(path: str, text: str) -> list[str]:
    """The files `text` (the file at `path`) includes with include_relative, as site paths."""
    base = posixpath.dirname(path)
    return [posixpath.normpath(posixpath.join(base, m.group(1))) for m in INCLUDE_RE.finditer(text)]


def import_page(files: dict[str, str | None], page: str) -> ImportPlan:
    """Plan the import of `page`; `files` maps it and every file it includes (None: missing)."""
    notes: list[str] = []
    sections: list[SectionPlan] = []
    skipped: list[tuple[str, str, str]] = []
    order = [page] + [f for f in files if f != page]
    texts: dict[str, str] = {}
    for path in order:
        text = files.get(path)
        if text is None:
            notes.append(f"{path}: included by the page but not found; its include line is kept as it is")
            continue
        if find_regions(text, path):
            raise AlreadyImported(f"{path}: the page already has homepage-tui regions; it was imported before "
                                  "(use `homepage-tui render` to regenerate them)")
        texts[path] = text
        sections += _find_sections(path, text, skipped)
    _name_sections(sections)
    names = au.own_names([au_pieces for s in sections if s.kind.has_authors
                          for g in s.groups for b in g.run if b.kind in ITEM_KINDS
                          for au_pieces in [publications.author_pieces(_block_text(texts[s.file], b))]])
    for s in sections:
        _structure(s, texts[s.file], names)
    pages = {}
    for path, text in texts.items():
        mine = [s for s in sections if s.file == path]
        if mine:
            pages[path] = _with_regions(text, mine, names)
    notes += [f"{path}: section '{title}' {why}" for path, title, why in skipped]
    return ImportPlan(page=page, pages=pages, sections=sections, names=names, notes=notes)


# ------------------------------------------------------------------ finding sections


def _find_sections(path: str, text: str, skipped: list[tuple[str, str, str]]) -> list[SectionPlan]:
    """The page's sections with list items; `skipped` gets (file, title, why) of each known
    section that has none (written in HTML only)."""
    lines = scan.split_lines(text)
    code = scan.code_lines(lines)
    heads = scan.headings(lines, code)
    found: list[SectionPlan] = []
    current: SectionPlan | None = None
    level = 0
    for i, h in enumerate(heads):
        cls = headings.classify(h.title)
        if current is not None and h.level > level:
            if cls is None or cls[0] == current.name or (cls[1] == current.type and current.kind.merges_subheadings):
                current.groups[-1].end = h.line
                current.groups.append(Group(h.title, h.line + 1, len(lines)))
                continue
        if current is not None:
            current.groups[-1].end = h.line
            current = None
        if headings.is_prose(h.title) and cls is None:
            continue
        name, kind = cls if cls else (headings.slug(h.title), kinds.TREE.name)
        current = SectionPlan(name=name, type=kind, title=headings.plain_title(h.title), file=path,
                              heading_line=h.line, groups=[Group(None, h.line + 1, len(lines))])
        current.known = cls is not None  # type: ignore[attr-defined]
        level = h.level
        found.append(current)
    out = []
    for s in found:
        for g in s.groups:
            g.blocks = scan.blocks(lines, code, g.start, g.end)
        s.groups = [part for g in s.groups for part in _split_lists(g, s.title)]
        has_items = [g for g in s.groups if g.run]
        if not has_items:
            if s.known and any(b.kind == "other" for g in s.groups for b in g.blocks):  # type: ignore[attr-defined]
                skipped.append((path, s.title, "written in HTML only (tables or divs, no list items): "
                                "kept in the page as written, not imported"))
            continue
        if not s.known and not any(b.kind == "item" for g in has_items for b in g.run):  # type: ignore[attr-defined]
            continue
        s.groups = has_items
        out.append(s)
    return out


def _split_lists(g: Group, section_title: str) -> list[Group]:
    """The group, cut where its lists are cut: a comment, a label or any other text set off from
    the items by other blank lines than the items have between them ends one list and starts
    another (kramdown shows two lists there). The text between stays in the page, outside the
    regions; each list after the first becomes a group of its own."""
    blocks = g.blocks
    gaps = [b.start - a.end for a, b in zip(blocks, blocks[1:]) if a.kind in ITEM_KINDS and b.kind in ITEM_KINDS]
    usual = Counter(gaps).most_common(1)[0][0] if gaps else 0
    parts: list[list[scan.Block]] = [[]]
    for i, b in enumerate(blocks):
        if b.kind not in ITEM_KINDS and 0 < i < len(blocks) - 1 and parts[-1]:
            before, after = b.start - blocks[i - 1].end, blocks[i + 1].start - b.end
            if (before != usual or after != usual) and any(x.kind in ITEM_KINDS for x in blocks[i + 1:]):
                parts.append([])
                continue
        parts[-1].append(b)
    if len(parts) == 1:
        return [g]
    out = []
    for k, part in enumerate(parts):
        title = g.title if k == 0 else f"{headings.plain_title(g.title or section_title)} ({k + 1})"
        out.append(Group(title, part[0].start if part else g.start, part[-1].end if part else g.end, part))
    return out


def _name_sections(sections: list[SectionPlan]) -> None:
    taken: set[str] = set()
    for s in sections:
        name, n = s.name, 2
        while name in taken or name == "site":
            name, n = f"{s.name}-{n}", n + 1
        s.name = name
        taken.add(name)
        default = next((g for g in s.groups if g.title is None), None) or next(
            (g for g in s.groups if not headings.is_preprint(g.title or "")), s.groups[0])
        used: set[str] = set()
        for g in s.groups:
            if g is default:
                continue
            value, k = headings.slug(g.title or "group"), 2
            while value in used:
                value, k = f"{headings.slug(g.title or 'group')}-{k}", k + 1
            used.add(value)
            g.selector = {"group": value}


# ------------------------------------------------------------------ structuring


def _block_text(text: str, block: scan.Block) -> str:
    """A block's text, with LF line ends (a CRLF page's regions get CRLF back when written)."""
    lines = scan.split_lines(text)
    return "".join(lines[block.start:block.end]).replace("\r\n", "\n").rstrip("\n")


def _own_form(texts: list[str]) -> str:
    return au.own_form([p for t in texts for p in publications.author_pieces(t)])


def _separator(s: SectionPlan) -> str:
    gaps: Counter[int] = Counter()
    for g in s.groups:
        run = g.run
        for a, b in zip(run, run[1:]):
            gaps[b.start - a.end] += 1
    blank = gaps.most_common(1)[0][0] if gaps else 0
    return "\n" * (min(blank, 2) + 1)


BETWEEN = {"comment": "an HTML comment among the items (kept in place)",
           "other": "text between the items that is no list item"}


def _structure(s: SectionPlan, text: str, names: list[str]) -> None:
    item_texts = [_block_text(text, b) for g in s.groups for b in g.run if b.kind in ITEM_KINDS]
    base = SectionStyle(type=s.type, separator=_separator(s))
    why: list[str | None] = []
    if s.kind.nested:
        tree_texts = [t for g in s.groups for b in g.run if b.kind in ("item", "li") for t in [_block_text(text, b)]]
        tree_why: list[str | None] = []
        style, fitted = tree.fit_tree(tree_texts, base, tree_why)
        fitted_iter, why_iter = iter(fitted), iter(tree_why)
        per_item, why = [], []
        for b in (b for g in s.groups for b in g.run if b.kind in ITEM_KINDS):
            if b.kind in ("item", "li"):
                per_item.append(next(fitted_iter))
                why.append(next(why_iter))
            else:
                per_item.append({"raw": _block_text(text, b)})
                why.append("an HTML item (<li> or a box) in a list section")
    else:
        if s.kind.has_authors:
            base.own_name = _own_form(item_texts)
        style, per_item = fit(s.type, item_texts, parser_for(s.kind, names, base.own_name), base, names, why)
    s.style = style
    items, reasons = iter(per_item), iter(why)
    s.entries, s.reasons = [], []
    for g in s.groups:
        g.entries, group_why = [], []
        for b in g.run:
            if b.kind in ITEM_KINDS:
                entry, reason = dict(next(items)), next(reasons)
            else:
                entry, reason = {"raw": _block_text(text, b)}, BETWEEN.get(b.kind, BETWEEN["other"])
            if g.selector and "raw" not in entry:
                entry.update(g.selector)
            elif g.selector:
                entry = {"raw": entry["raw"], **g.selector}
            g.entries.append(entry)
            group_why.append(reason)
        # The whole region must read as the original: if not, keep the group's items raw.
        original = "".join(scan.split_lines(text)[g.run[0].start:g.run[-1].end]).replace("\r\n", "\n")
        if _lines(render_entries(g.entries, style, names)) != _lines(original):
            group_why = [w or "the list does not read back as written when its entries are joined"
                         for w in group_why]
            g.entries = [{"raw": _block_text(text, b), **g.selector} for b in g.run]
        s.entries += g.entries
        s.reasons += group_why
    if not any("raw" not in e for e in s.entries) and not s.style.no_template:
        s.style.no_template = no_template_reason(s.reasons)
        s.style.template = ""
    _drop_unused_layouts(s)


def _drop_unused_layouts(s: SectionPlan) -> None:
    used = {e.get("layout") for e in s.entries}
    s.style.layouts = {k: v for k, v in s.style.layouts.items() if k in used}


def _lines(text: str) -> list[str]:
    return [ln for ln in norm(text).split("\n") if ln.strip()]


# ------------------------------------------------------------------ the new page


def _with_regions(text: str, sections: list[SectionPlan], names: list[str]) -> str:
    lines = scan.split_lines(text)
    cuts = []
    for s in sections:
        for g in s.groups:
            run = g.run
            body = render_entries(g.entries, s.style, names)
            region = wrap_region(s.name, body, g.selector)
            end_nl = lines[run[-1].end - 1].endswith("\n")
            region += "\n" if end_nl else ""
            if lines[run[0].start].endswith("\r\n"):  # the page's CRLF line ends, inside the region too
                region = region.replace("\n", "\r\n")
            cuts.append((run[0].start, run[-1].end, region))
    for start, end, region in sorted(cuts, reverse=True):
        lines[start:end] = [region]
    return "".join(lines)


def is_comment(entry: dict) -> bool:
    """A raw entry that is nothing but HTML comments: kept in place, no list item."""
    raw = entry.get("raw")
    return isinstance(raw, str) and bool(raw.strip()) and not re.sub(r"<!--.*?-->", "", raw, flags=re.S).strip()


@dataclass
class Row:
    """One section in the import table: its list items, typed and raw, and why the raw are raw."""

    section: str
    type: str
    typed: int
    raw: int
    comments: int
    reasons: Counter

    @property
    def entries(self) -> int:
        return self.typed + self.raw


def table_rows(plan: ImportPlan) -> list[Row]:
    rows = []
    for s in plan.sections:
        reasons: Counter[str] = Counter()
        typed = raw = comments = 0
        for e, why in zip(s.entries, s.reasons or [None] * len(s.entries)):
            if "raw" not in e:
                typed += 1
            elif is_comment(e) or why in BETWEEN.values():
                comments += 1  # kept in place between the items: no list item
            else:
                raw += 1
                reasons[why or "kept as written"] += 1
        rows.append(Row(s.name, s.type, typed, raw, comments, reasons))
    return rows


def format_table(rows: list[Row]) -> list[str]:
    """The import table: section, entries, typed, raw, and one reason per raw entry (counted)."""
    width = max([len(r.section) for r in rows] + [7])
    out = [f"{'section':{width}}  {'type':12}  {'entries':>7}  {'typed':>5}  {'raw':>4}  why raw"]
    for r in rows:
        reasons = [f"{n} x {why}" if n > 1 else why for why, n in r.reasons.most_common()]
        out.append(f"{r.section:{width}}  {r.type:12}  {r.entries:7}  {r.typed:5}  {r.raw:4}  "
                   f"{reasons[0] if reasons else ''}")
        out += [f"{'':{width}}  {'':12}  {'':7}  {'':5}  {'':4}  {why}" for why in reasons[1:]]
    typed, raw = sum(r.typed for r in rows), sum(r.raw for r in rows)
    share = f"{100 * raw / (typed + raw):.0f}% raw" if typed + raw else ""
    out.append(f"{'total':{width}}  {'':12}  {typed + raw:7}  {typed:5}  {raw:4}  {share}")
    comments = sum(r.comments for r in rows)
    if comments:
        out.append(f"(and {comments} HTML comment{'s' if comments > 1 else ''} or other lines between the items, "
                   "kept in place: no list items)")
    return out


def describe(plan: ImportPlan, explain: bool = False) -> str:
    """What the import does: notes, names, each section's lists, then the table (the --dry-run
    report). `explain`: every raw entry too, with why it is raw."""
    out = []
    for note in plan.notes:
        out.append(f"note: {note}")
    if plan.names:
        out.append(f"your names (bolded in author lists): {', '.join(plan.names)}")
    for s in plan.sections:
        groups = ", ".join(g.title and headings.plain_title(g.title) or s.title for g in s.groups)
        out.append(f"{s.name} ({s.type}, '{s.title}' in {s.file}; lists: {groups}): "
                   f"{s.structured} structured, {s.raw} kept raw")
        if s.style.no_template:
            out.append(f"    new entries cannot be added here: {s.style.no_template}")
        if explain:
            for e, why in zip(s.entries, s.reasons or [None] * len(s.entries)):
                if "raw" in e and not is_comment(e) and why not in BETWEEN.values():
                    first = next((ln.strip() for ln in e["raw"].splitlines() if ln.strip()), "")
                    out.append(f"    raw: {first[:90]}")
                    out.append(f"         why: {why or 'kept as written'}")
    out.append("")
    out += format_table(table_rows(plan))
    if not explain and plan.raw:
        out.append("(homepage-tui import --explain lists each raw entry with its reason)")
    return "\n".join(out)
