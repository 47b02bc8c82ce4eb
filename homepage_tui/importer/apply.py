"""Writing an ImportPlan: content/*.yml through the store, site.yml, the page, _config.yml.

The only I/O of the importer; everything it writes was decided by plan.import_page.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..errors import HomepageError
from ..render import SectionStyle
from ..section import header_for
from ..site import CONTENT_DIR, SETTINGS_FILE, Settings
from ..store import ContentFile, atomic_write, read_text
from .config import add_exclude
from .plan import AlreadyImported, ImportPlan, import_page, included_files


class ImportRefused(HomepageError):
    """The import would overwrite something, or the page cannot be imported."""


SITE_HEADER = """\
# homepage-tui settings for this site (written by `homepage-tui import`).
#   names:    how your name is written in author lists; the page shows it emphasised
#   page:     the page whose regions are generated from content/
#   sections: each managed section: its type (news, publications, awards, tree), its title, and
#             how its entries are written into the page: `template` is one entry, with {field}
#             for a field's value and {?field}...{/field} for text shown only when the field has
#             a value; `layouts` are other templates, picked by an entry's `layout:` field
"""
STYLE_KEYS = ("template", "layouts", "separator", "link", "links_separator", "authors_separator", "authors_last", "own_name",
              "highlight", "bullet", "bullets", "indent", "child_separator", "no_template")


def read_page(root: Path, page: str) -> dict[str, str | None]:
    """The page and every file it includes (recursively); None for an include that is missing."""
    files: dict[str, str | None] = {}

    def walk(rel: str) -> None:
        if rel in files:
            return
        path = root / rel
        if not path.exists():
            files[rel] = None
            return
        text, _ = read_text(path)
        files[rel] = text
        for inc in included_files(rel, text):
            walk(inc)

    if not (root / page).exists():
        raise ImportRefused(f"{root / page}: page not found (pass the page: homepage-tui import PAGE)")
    walk(page)
    return files


def plan_site(root: Path, page: str) -> ImportPlan:
    try:
        plan = import_page(read_page(root, page), page)
    except AlreadyImported as exc:
        raise ImportRefused(str(exc)) from None
    if not plan.sections:
        missing = "".join(f"; {n}" for n in plan.notes)
        raise ImportRefused(f"{root / page}: no sections to import (headings such as News, Publications, "
                            f"Awards with a list under them){missing}")
    return plan


def section_settings(plan: ImportPlan) -> CommentedMap:
    sections = CommentedMap()
    for s in plan.sections:
        entry = CommentedMap()
        entry["type"] = s.type
        entry["title"] = s.title
        default = SectionStyle(type=s.type)
        for key in STYLE_KEYS:
            value = getattr(s.style, key)
            if value == getattr(default, key) and key != "template":
                continue
            if key == "template" and not value:
                continue
            if isinstance(value, dict):
                m = CommentedMap()
                for k, v in value.items():
                    m[k] = DoubleQuotedScalarString(v)
                entry[key] = m
            elif isinstance(value, list):
                seq = CommentedSeq(DoubleQuotedScalarString(v) for v in value)
                seq.fa.set_flow_style()
                entry[key] = seq
            elif isinstance(value, str):
                entry[key] = DoubleQuotedScalarString(value)
            else:
                entry[key] = value
        sections[s.name] = entry
    return sections


def settings_text(plan: ImportPlan) -> str:
    data = CommentedMap()
    data["names"] = CommentedSeq(plan.names)
    data["page"] = plan.page
    data["sections"] = section_settings(plan)
    yaml = YAML(typ="rt")
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return SITE_HEADER + buf.getvalue()


def apply(root: Path, plan: ImportPlan, force: bool = False) -> list[Path]:
    """Write the plan; returns the files written."""
    root = Path(root)
    content = root / CONTENT_DIR
    if content.exists() and any(content.iterdir()) and not force:
        raise ImportRefused(f"{content}: already exists; the import would overwrite it "
                            "(move it away, or pass --force to overwrite its files)")
    content.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for s in plan.sections:
        path = content / f"{s.name}.yml"
        if path.exists():
            path.unlink()
        file = ContentFile.new(path, header_for(s.type, s.title))
        for entry in s.entries:
            file.doc.insert(len(file.doc), entry)
        if s.kind.spaced_entries:
            file.doc.space_entries(["\n"])
        file.save()
        written.append(path)
    settings = content / SETTINGS_FILE
    text = settings_text(plan)
    atomic_write(settings, text)
    loaded = Settings.load(settings)
    if loaded.names != plan.names or list(loaded.sections) != [s.name for s in plan.sections]:
        raise ImportRefused(f"{settings}: the settings did not read back as written")
    written.append(settings)
    for rel, new in plan.pages.items():
        atomic_write(root / rel, new)
        written.append(root / rel)
    config = root / "_config.yml"
    if config.exists():
        old, _ = read_text(config)
        try:
            new = add_exclude(old)
        except ValueError as exc:
            raise ImportRefused(f"{config}: {exc}; add `content` to it by hand") from None
        if new != old:
            atomic_write(config, new)
            written.append(config)
    return written
