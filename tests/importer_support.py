"""Helpers for the importer tests: the fixture pages and a buildable site made from one."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import site_from_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.md"))
INCLUDE_MODULES = FIXTURES / "include_site" / "modules"


def modules() -> dict[str, str]:
    """The included files for a page made of include_relative lines (JackYFL's)."""
    return {f"_pages/modules/{p.name}": p.read_text(encoding="utf-8") for p in sorted(INCLUDE_MODULES.glob("*.md"))}


def make_site(folder: Path, page: Path, with_modules: bool = True) -> Path:
    """A minimal site holding `page` (served at / so the build output is index.html)."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^permalink: .*$", "permalink: /", text, count=1)
    extra = modules() if with_modules and "include_relative" in text else None
    return site_from_page(folder, text, extra)


def tree_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
