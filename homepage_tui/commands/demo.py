"""homepage-tui demo [DIR] [--no-open]"""

from __future__ import annotations

from pathlib import Path

NAME = "demo"
HELP = "make a demo site (git repository with a local bare origin) from the bundled content, then open it"


def add_arguments(parser) -> None:
    parser.add_argument("dir", nargs="?", default="homepage-demo", help="where to make it (default: ./homepage-demo)")
    parser.add_argument("--no-open", action="store_true", help="only make the site; do not open the editor")


def run(args) -> int:
    from ..demo import make_demo

    site = make_demo(Path(args.dir))
    print(f"demo site: {site.root}  (origin: {site.root.parent / (site.root.name + '-origin.git')})")
    if args.no_open:
        return 0
    from .edit import open_editor

    return open_editor(site.root)
