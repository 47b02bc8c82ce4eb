"""The user's settings: one TOML file, read with tomllib and checked with pydantic (config_schema).

Where: `$HOMEPAGE_TUI_CONFIG` when set, else `$XDG_CONFIG_HOME/homepage-tui/config.toml`
(`~/.config/homepage-tui/config.toml`). A missing file means the defaults. A bad value never
stops the app: it is one line naming the file, the line and the key, and that key keeps its
default while the others are used.

No Textual here (the command line's `config --show` reads this): whether a theme or a binding id
exists is checked by the app, which knows them.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Optional

from .record import FrozenRecord


CONFIG_ENV = "HOMEPAGE_TUI_CONFIG"
DEFAULT_THEME = "textual-dark"

EXAMPLE = """\
# homepage-tui settings (every key is optional)
theme = "nord"                 # any Textual theme: textual-dark, textual-light, nord, gruvbox, ...
editor = "vim"                 # what `e` opens the entry's file in (default: $VISUAL, $EDITOR, vi)

[preview]
width = 60                     # columns of the preview beside the form
debounce_ms = 150              # a long preview (the whole page) redraws at most this often

[keys]                         # binding id = key(s); `?` in the editor lists the ids
save = "ctrl+w"
new_news = "N"
"""


class PreviewSettings(FrozenRecord):
    """The [preview] table in force."""

    FIELDS = ("width", "debounce_ms")

    def __init__(self, width: Optional[int] = None, debounce_ms: int = 100) -> None:
        # width: columns of the preview beside the form (None: a share of the screen).
        # debounce_ms: while typing, a preview that draws a lot anew (the whole page, a section
        # that cannot be drawn entry by entry) redraws at most once per this many ms; one entry
        # redraws at every key.
        self._init(width=width, debounce_ms=debounce_ms)


class Settings(FrozenRecord):
    """The settings in force. The file's schema (what a value may be) is in config_schema."""

    FIELDS = ("theme", "editor", "preview", "keys")

    def __init__(self, theme: str = DEFAULT_THEME, editor: Optional[str] = None,
                 preview: Optional[PreviewSettings] = None, keys: Optional[dict[str, str]] = None) -> None:
        # editor None: $VISUAL, $EDITOR, vi
        self._init(theme=theme, editor=editor, preview=PreviewSettings() if preview is None else preview,
                   keys={} if keys is None else keys)


def config_path() -> Path:
    """The settings file in force (it need not exist)."""
    env = os.environ.get(CONFIG_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(base) / "homepage-tui" / "config.toml"


def key_line(text: str, loc: tuple) -> int:
    """1-based line where the key at `loc` (e.g. ("preview", "width")) is written; the file's first
    line when it cannot be found. tomllib gives no positions, so look for the assignment."""
    lines = text.splitlines()
    names = [str(part) for part in loc if not isinstance(part, int)]
    if not names:
        return 1
    key = re.escape(names[-1])
    table = ".".join(names[:-1])
    key_re = re.compile(rf'^\s*(?:"{key}"|\'{key}\'|{key})\s*=')
    dotted_re = re.compile(rf'^\s*{re.escape(table)}\s*\.\s*(?:"{key}"|{key})\s*=') if table else None
    current = ""
    for number, line in enumerate(lines, 1):
        header = re.match(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if header:
            current = header.group(1).strip()
            continue
        if current == table and key_re.match(line):
            return number
        if dotted_re is not None and current == "" and dotted_re.match(line):
            return number
    if table:  # the whole table is wrong (e.g. `keys = 3`)
        return key_line(text, tuple(names[:-1]))
    return 1


def _drop(data: dict, loc: tuple) -> bool:
    """Remove the value at `loc` from `data` so that it takes its default; False if not there."""
    parts = [p for p in loc if not isinstance(p, int)]
    node: Any = data
    for part in parts[:-1]:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    if isinstance(node, dict) and parts and parts[-1] in node:
        del node[parts[-1]]
        return True
    return False


def _reason(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown setting"
    message = error["msg"]
    value = error.get("input")
    if isinstance(value, (str, int, float, bool)):
        return f"{message} (got {value!r})"
    return message


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """(settings in force, one line per problem). Never raises for a bad file."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"{path}: cannot read the settings ({error}); using the defaults"]
    # tomllib here, not at the top: the app imports this module at start-up, most users have no file
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, from PyPI
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        return Settings(), [f"{path}:{line.group(1) if line else 1}: not TOML ({error}); using the defaults"]
    # pydantic costs ~0.15 s to import: only a user who has a settings file pays it.
    from pydantic import ValidationError

    from .config_schema import SettingsFile

    problems: list[str] = []
    for _ in range(100):  # each round drops the bad keys; a key never comes back
        try:
            checked = SettingsFile.model_validate(data)
            return Settings(theme=checked.theme, editor=checked.editor,
                            preview=PreviewSettings(**checked.preview.model_dump()), keys=dict(checked.keys)), problems
        except ValidationError as error:
            dropped = False
            for item in error.errors():
                loc = tuple(item["loc"])
                name = ".".join(str(p) for p in loc)
                fallback = "ignored" if item["type"] == "extra_forbidden" else "using the default"
                problems.append(f"{path}:{key_line(text, loc)}: {name}: {_reason(item)}; {fallback}")
                dropped = _drop(data, loc) or dropped
            if not dropped:
                break
    return Settings(), problems


def keymap(settings: Settings) -> dict[str, str]:
    """Binding id to key(s), as Textual's App.set_keymap takes it."""
    return {binding_id: keys.replace(" ", "") for binding_id, keys in settings.keys.items()}


def show(settings: Settings, path: Path) -> str:
    """The settings in force as TOML, with where they come from."""
    state = "" if path.exists() else " (no such file: all defaults)"
    out = [f"# settings file: {path}{state}"]
    out.append(f"theme = {_toml(settings.theme)}")
    editor = settings.editor
    if editor is None:
        out.append(f"# editor = {_toml(default_editor())}    (not set: $VISUAL, $EDITOR, vi)")
    else:
        out.append(f"editor = {_toml(editor)}")
    out.append("")
    out.append("[preview]")
    if settings.preview.width is None:
        out.append("# width: not set (the preview takes a share of the screen)")
    else:
        out.append(f"width = {settings.preview.width}")
    out.append(f"debounce_ms = {settings.preview.debounce_ms}")
    out.append("")
    out.append("[keys]")
    if not settings.keys:
        out.append("# none: the default keys (press ? in the editor for every key and its id)")
    else:
        out.append("# (the editor checks each id when it starts; ? there lists them)")
    for binding_id, keys in settings.keys.items():
        out.append(f"{_toml(binding_id) if '.' in binding_id else binding_id} = {_toml(keys)}")
    return "\n".join(out) + "\n"


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def default_editor() -> str:
    return os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
