"""homepage-tui init: a new page from the AcadHomepage layout, in a folder that has none."""

from __future__ import annotations

from pathlib import Path

NAME = "init"
HELP = ("make a new page from the AcadHomepage layout (_pages/about.md with its usual sections and a few "
        "example entries) and its content/, in a folder that has no page yet")


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    from ..starter import make_starter

    root = Path(args.site).expanduser().resolve()
    for path in make_starter(root):
        if path.name == ".git":
            print("made a git repository (publishing commits to it; add your GitHub repository with "
                  "`git remote add origin URL` to push)")
        else:
            print(f"wrote {path.relative_to(root)}")
    print(f"next: homepage-tui --site {root}  (replace the example entries, then write your own)")
    return 0
