"""The style sheets kept out of the editor's first frame: the screens shown on demand (yes/no
dialogs, import, publish review, refused publish, check panel, merge choice, entry history, help)
and the entry forms (mounted after the first frame).

Each such screen names its sheet in its CSS_PATH, so Textual reads the sheet when the screen is
first shown, and the app's own CSS_PATH leaves them out; the forms' sheet is parsed by the editor
just before it mounts them (EditorScreen.mount_forms).

Textual adds a screen's new sheet by parsing every sheet again and restyling every widget (about
60 ms on the demo site). `preload` parses just these sheets, once the content is loaded and the
app is idle, so that the first `?`, `c`, `h` or publish finds them parsed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

DIALOGS_CSS_PATH = Path(__file__).with_name("global.tcss")
PUBLISH_CSS_PATH = Path(__file__).with_name("publish.tcss")
HELP_CSS_PATH = Path(__file__).with_name("help.tcss")
FORMS_CSS_PATH = Path(__file__).parent / "forms" / "forms.tcss"
ON_DEMAND = (DIALOGS_CSS_PATH, PUBLISH_CSS_PATH, HELP_CSS_PATH)


def preload(app: "App", paths: "tuple[Path, ...] | list[Path]" = ON_DEMAND) -> list[Path]:
    """Parse the sheets in `paths` not read yet into the app's stylesheet; returns those read.

    No widget on screen needs a restyle: these rules are for screens and forms not shown yet, and
    a sheet whose screen was already shown is in the stylesheet (Textual read it) and is left
    alone. The sheets read before come from the stylesheet's parse cache."""
    stylesheet = app.stylesheet
    new = [path for path in paths if not stylesheet.has_source(str(path))]
    for path in new:
        stylesheet.read(path)
    if new:
        stylesheet.parse()
    return new
