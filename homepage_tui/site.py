"""The site: where its page, settings and content files are, and the jobs that span them
(render the page, check the content, add a news entry). The one module that knows the layout:

    SITE/_config.yml   SITE/_pages/about.md (regions)   SITE/content/*.yml   SITE/content/site.yml
"""

from __future__ import annotations

import re
from pathlib import Path

from . import kinds, model
from .errors import ContentError, HomepageError, SiteError, ValidationError
from .regions import find_regions, replace_regions
from .render import SectionStyle, render_entries, render_parts, select_entries
from .section import Section
from .layout import CONTENT_DIR, DEFAULT_PAGE, SETTINGS_FILE  # noqa: F401 - imported from here by others
from .settings import Settings
from .store import ContentFile, atomic_write, read_text

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any, Iterable

INCLUDE_RE = re.compile(r"\{%-?\s*include_relative\s+([^\s%]+)\s*-?%\}")


class Site:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.content_dir = self.root / CONTENT_DIR
        self.settings = Settings.load(self.content_dir / SETTINGS_FILE)
        self._sections: dict[str, Section] = {}
        self._rendered: dict[str, dict] = {}  # per section: render_entries' cache of entry texts

    @classmethod
    def open(cls, path: str | Path | None = None, need_content: bool = True) -> "Site":
        root = Path(path or ".").expanduser()
        if not root.is_dir():
            raise SiteError(f"{root}: no such folder (pass the site with --site DIR)")
        site = cls(root)
        if need_content and not site.content_dir.is_dir():
            raise SiteError(f"{site.root}: no content/ folder; run `homepage-tui import` to make it from "
                            f"{site.settings.page}, or `homepage-tui demo` for an example site")
        return site

    # ------------------------------------------------------------ paths

    @property
    def page_path(self) -> Path:
        return self.root / self.settings.page

    @property
    def settings_path(self) -> Path:
        return self.content_dir / SETTINGS_FILE

    def page_files(self) -> list[Path]:
        """The page and the files it includes with include_relative (recursively), in order."""
        if not self.page_path.exists():
            raise SiteError(f"{self.page_path}: page not found (set `page:` in content/site.yml)")
        seen: list[Path] = []

        def walk(path: Path) -> None:
            if path in seen or not path.exists():
                return
            seen.append(path)
            text, _ = read_text(path)
            for m in INCLUDE_RE.finditer(text):
                walk((path.parent / m.group(1)).resolve())

        walk(self.page_path.resolve())
        return seen

    def managed_paths(self) -> list[Path]:
        """What publish commits: content files, the page and its includes, _config.yml."""
        paths = sorted(self.content_dir.glob("*.yml")) if self.content_dir.is_dir() else []
        try:
            paths += self.page_files()
        except SiteError:
            pass
        config = self.root / "_config.yml"
        if config.exists():
            paths.append(config)
        return paths

    # ------------------------------------------------------------ sections

    def section_names(self) -> list[str]:
        """Sections in site.yml's order, then any other content file."""
        names = list(self.settings.sections)
        if self.content_dir.is_dir():
            for path in sorted(self.content_dir.glob("*.yml")):
                if path.name != SETTINGS_FILE and path.stem not in names and not any(
                        s.get("file") == path.name for s in self.settings.sections.values()):
                    names.append(path.stem)
        return names

    def section_settings(self, name: str) -> dict[str, Any]:
        return self.settings.sections.get(name, {})

    def section_type(self, name: str) -> str:
        kind = self.section_settings(name).get("type")
        return kind if kind in model.SECTION_TYPES else model.section_type_for(name)

    def section_kind(self, name: str) -> kinds.SectionKind:
        return kinds.of(self.section_type(name))

    def sections_of(self, kind: kinds.SectionKind) -> list[str]:
        """The names of the sections of type `kind`, in the site's order."""
        return [n for n in self.section_names() if self.section_kind(n) is kind]

    def section_path(self, name: str) -> Path:
        return self.content_dir / self.section_settings(name).get("file", f"{name}.yml")

    def style(self, name: str) -> SectionStyle:
        return SectionStyle.from_settings(self.section_type(name), self.section_settings(name))

    def section(self, name: str, reload: bool = False) -> Section:
        """The section, loaded once and kept (edits accumulate until saved)."""
        if reload or name not in self._sections:
            path = self.section_path(name)
            if not path.exists():
                raise ContentError(f"{path}: no such file (section {name!r})")
            self._sections[name] = Section(name=name, type=self.section_type(name), style=self.style(name),
                                           file=ContentFile.load(path),
                                           title=str(self.section_settings(name).get("title", name)))
        return self._sections[name]

    def forget(self, name: str) -> None:
        self._sections.pop(name, None)

    # ------------------------------------------------------------ rendering

    def rendered_pages(self) -> dict[Path, tuple[str, str]]:
        """For every page file with regions: (current text, text with regions regenerated)."""
        out: dict[Path, tuple[str, str]] = {}
        files = self.page_files()
        regions_by_file = {}
        for path in files:
            text, _ = read_text(path)
            regions_by_file[path] = (text, find_regions(text, str(path)))
        if not any(regions for _, regions in regions_by_file.values()):
            raise SiteError(f"{self.page_path}: the page has no homepage-tui regions; run `homepage-tui import` "
                            "to turn its sections into content")
        selectors: dict[str, list[dict[str, str]]] = {}
        for _, regions in regions_by_file.values():
            for region in regions:
                selectors.setdefault(region.section, []).append(region.selector)
        for path, (text, regions) in regions_by_file.items():
            if not regions:
                continue
            bodies = {}
            for region in regions:
                bodies[region.key] = self.render_region(region.section, region.selector, selectors[region.section])
            out[path] = (text, replace_regions(text, bodies, str(path), regions))
        return out

    def render_region(self, name: str, selector: dict[str, str] | None = None,
                      claimed: Iterable[dict[str, str]] = ()) -> str:
        # the file first: section_names() lists content/, and this runs for every region
        if not self.section_path(name).exists() and name not in self.section_names():
            raise SiteError(f"{self.page_path}: region {name!r} has no content file {self.section_path(name)}")
        section = self.section(name)
        entries = select_entries(section.entries_view(), selector or {}, list(claimed))
        key = name if not selector else f"{name} {sorted(selector.items())}"  # numbering is per region
        return render_entries(entries, section.style, self.settings.names, self._rendered.setdefault(key, {}))

    def entry_markdown(self, name: str) -> list[str | None]:
        """Each entry's markdown as the section's own region numbers it, from the same cache as
        the page: checking entries after rendering the page renders none of them twice."""
        section = self.section(name)
        return render_parts(section.entries_view(), section.style, self.settings.names,
                            self._rendered.setdefault(name, {}))

    def render_section_preview(self, name: str) -> str:
        """The markdown of a whole section (all regions' entries), for previews."""
        section = self.section(name)
        return render_entries(section.entries_view(), section.style, self.settings.names,
                              self._rendered.setdefault(f"{name} (preview)", {}))

    def checked_pages(self) -> dict[Path, tuple[str, str]]:
        """rendered_pages(), refused (SiteError) when a new text would break its page: other
        headings, region markers not intact, an HTML tag left open (pagecheck)."""
        pages = self.rendered_pages()
        self._ensure_safe(pages)
        return pages

    def _ensure_safe(self, pages: dict[Path, tuple[str, str]]) -> None:
        # imported here: only writing a page needs it, and `check` must not pay for its patterns
        from .pagecheck import ensure_safe

        ensure_safe(pages, lambda p: _relative(p, self.root))

    def render(self, write: bool = True) -> list[Path]:
        """Regenerate the regions; returns the files whose text changes (written when `write`,
        and only when no page would break)."""
        pages = self.checked_pages() if write else self.rendered_pages()
        changed = []
        for path, (old, new) in pages.items():
            if old != new:
                changed.append(path)
                if write:
                    atomic_write(path, new)
        return changed

    # ------------------------------------------------------------ jobs

    def save_and_render(self, section: Section) -> list[Path]:
        """Save a section's file, then regenerate the page; returns the files written. The page
        is checked first: a change that would break it is refused and nothing is written. (When
        the page cannot be regenerated at all, e.g. another content file does not load, the
        section is still saved and that error raised, as the editor expects.)"""
        try:
            pages = self.rendered_pages()
        except HomepageError:
            section.save()
            raise
        self._ensure_safe(pages)
        written = [section.path] if section.save() else []
        for path, (old, new) in pages.items():
            if old != new:
                atomic_write(path, new)
                written.append(path)
        return written

    def add_news(self, date: str, text: str, emoji: str | None = None, section: str | None = None) -> Section:
        """A news entry at the top of the news section, then the page regenerated; the emoji
        defaults to the newest entry's (`emoji=""` for none)."""
        name = section or next(iter(self.sections_of(kinds.NEWS)), None)
        if name is None:
            raise SiteError(f"{self.content_dir}: no news section (a content file of type news, e.g. news.yml)")
        news = self.section(name)
        refusal = news.cannot_add()
        if refusal:
            raise SiteError(f"{_relative(news.path, self.root)}: {refusal}")
        fields: dict[str, Any] = {"date": date.strip()}
        emoji = news.usual_emoji() if emoji is None else emoji  # "" asks for none
        if emoji:
            fields["emoji"] = emoji
        fields["text"] = text
        like = news.entries[0] if len(news) else {}
        ordered = {k: fields[k] for k in list(like) if k in fields}
        ordered.update({k: v for k, v in fields.items() if k not in ordered})
        news.insert(0, ordered)
        self.save_and_render(news)
        return news

    def check(self) -> list[str]:
        """Every problem in content/ as `FILE:LINE: message` (empty when all is well)."""
        problems: list[str] = []
        for name in self.section_names():
            try:
                section = self.section(name, reload=True)
            except HomepageError as exc:
                problems.append(str(exc))
                continue
            doc = section.file.doc
            rel = _relative(section.path, self.root)
            seen: dict[tuple, int] = {}
            lines = doc.entry_lines()  # once: entry_line(i) for each entry was quadratic
            for i, entry in enumerate(section.entries_view()):  # read only: no copies
                if not doc.is_mapping(i):
                    problems.append(f"{rel}:{lines[i]}: entry is not a mapping of fields")
                    continue
                for fieldname, message in section.validate(entry).items():
                    problems.append(f"{rel}:{doc.field_line(i, fieldname, lines[i])}: {message}")
                key = section.kind.identity(entry)
                if key is not None:
                    if key in seen:
                        problems.append(f"{rel}:{lines[i]}: duplicate of the entry at line {seen[key]}")
                    else:
                        seen[key] = lines[i]
        return problems


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def validate_news_date(date: str) -> None:
    """Raise a ValidationError for a bad date (the command line's check before any write)."""
    message = model.validate_new_date(date)
    if message:
        raise ValidationError({"date": message})
