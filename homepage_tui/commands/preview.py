"""homepage-tui preview [--html OUT]"""

from __future__ import annotations

from pathlib import Path

from ..errors import SiteError
from ..preview import terminal_markdown, to_html
from ..site import Site
from ..store import atomic_write

NAME = "preview"
HELP = "show the rendered page in the terminal (--html OUT: write a standalone HTML file)"


def add_arguments(parser) -> None:
    parser.add_argument("--html", metavar="OUT", help="write the page as a standalone HTML file")
    parser.add_argument("--section", metavar="NAME", help="only this section")


def run(args) -> int:
    site = Site.open(args.site)
    if args.section:
        if args.section not in site.section_names():
            raise SiteError(f"no section {args.section!r}; sections: {', '.join(site.section_names())}")
        text = site.render_section_preview(args.section)
    else:
        pages = site.rendered_pages()
        # The page as it will be after `render`: includes spliced in where they are included.
        text = pages.get(site.page_path.resolve(), (None, site.page_path.read_text(encoding="utf-8")))[1]
        for path, (_, new) in pages.items():
            if path != site.page_path.resolve():
                text += "\n\n" + new
    if args.html:
        out = Path(args.html)
        if not out.parent.is_dir():
            raise SiteError(f"{out.parent}: no such folder for the HTML file")
        atomic_write(out, to_html(text, title=site.root.name))
        print(f"wrote {out}")
        return 0
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(terminal_markdown(text), hyperlinks=True))
    return 0
