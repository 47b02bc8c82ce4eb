"""The style sheets of the screens shown on demand (publish review, refused publish, check panel,
merge choice, entry history, help), kept out of the editor's first frame.

Each such screen names its sheet in its CSS_PATH, so Textual reads the sheet when the screen is
first shown, and the app's own CSS_PATH leaves them out: parsed before the first frame, these
sheets were about a third of the app's start-up work beyond a bare Textual app's.

Textual adds a screen's new sheet by parsing every sheet again and restyling every widget (about
60 ms on the demo site). `preload` parses just these sheets, once the content is loaded and the
app is idle, so that the first `?`, `c`, `h` or publish finds them parsed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

PUBLISH_CSS_PATH = Path(__file__).with_name("publish.tcss")
HELP_CSS_PATH = Path(__file__).with_name("help.tcss")
ON_DEMAND = (PUBLISH_CSS_PATH, HELP_CSS_PATH)


def preload(app: "App") -> list[Path]:
    """Parse the on-demand sheets not read yet into the app's stylesheet; returns those read.

    No widget on screen needs a restyle: these rules are for the on-demand screens, and a sheet
    whose screen was already shown is in the stylesheet (Textual read it) and is left alone. The
    sheets read before come from the stylesheet's parse cache."""
    stylesheet = app.stylesheet
    new = [path for path in ON_DEMAND if not stylesheet.has_source(str(path))]
    for path in new:
        stylesheet.read(path)
    if new:
        stylesheet.parse()
    return new
