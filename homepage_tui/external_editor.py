"""The command that opens a file at a line in the user's text editor (the editor's `e`)."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

# Editors that take `FILE:LINE` (with their flag) instead of the `+LINE FILE` most terminal ones take.
COLON_STYLE = {"code": ["-g"], "codium": ["-g"], "code-insiders": ["-g"], "subl": [], "hx": [], "helix": [],
               "zed": []}


def editor_command(editor: str, path: Path, line: int) -> list[str]:
    """argv for `editor` opening `path` at `line`. `{file}` and `{line}` in the setting place them
    where the editor wants them (e.g. "myedit --goto {file}:{line}")."""
    words = shlex.split(editor)
    if not words:
        raise ValueError("the editor setting is empty")
    if any("{file}" in w for w in words):
        return [w.replace("{file}", str(path)).replace("{line}", str(line)) for w in words]
    name = os.path.basename(words[0])
    if name in COLON_STYLE:
        return [*words, *COLON_STYLE[name], f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]
