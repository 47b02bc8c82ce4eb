"""homepage-tui [edit]: the editor."""

from __future__ import annotations

from pathlib import Path

NAME = "edit"
HELP = "open the editor on the site (the default command)"


def add_arguments(parser) -> None:
    pass


def open_editor(root: Path) -> int:
    from ..app.main import HomepageApp

    app = HomepageApp(Path(root))
    app.run()
    return int(app.return_code or 0)


def run(args) -> int:
    return open_editor(Path(args.site))
