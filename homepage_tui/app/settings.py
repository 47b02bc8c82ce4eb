"""The user's settings applied to the running app: theme, key overrides, preview width and
pace. Reading the file is homepage_tui.config (no Textual); checking that a theme or a binding id
exists happens here, where they are known. Every problem is one line for a notification."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from homepage_tui.config import Settings, config_path, key_line, keymap


def apply_settings(app: App, settings: Settings, path: Path | None = None) -> list[str]:
    """Set the theme and the keymap; the problems found, one line each (the default is kept)."""
    path = path or config_path()
    text = _text(path)
    problems = []
    if settings.theme in app.available_themes:
        app.theme = settings.theme
    else:
        names = ", ".join(sorted(app.available_themes))
        problems.append(f"{path}:{key_line(text, ('theme',))}: theme: no theme {settings.theme!r} "
                        f"(themes: {names}); using the default")
    keys: dict[str, str] = {}
    if not settings.keys:
        return problems
    from homepage_tui.app.keys import binding_ids  # imports every screen: only when there are overrides

    known = binding_ids()
    for binding_id, pressed in keymap(settings).items():
        if binding_id in known:
            keys[binding_id] = pressed
        else:
            problems.append(f"{path}:{key_line(text, ('keys', binding_id))}: keys.{binding_id}: no binding "
                            "with this id (press ? in the editor for the ids); ignored")
    app.set_keymap(keys)
    return problems


def preview_width(app: App) -> int | None:
    settings = getattr(app, "settings", None)
    return settings.preview.width if settings is not None else None


def preview_interval(app: App, least: float = 0.0) -> float:
    """Seconds between preview redraws while typing (the setting, or `least` if that is more)."""
    settings = getattr(app, "settings", None)
    ms = settings.preview.debounce_ms if settings is not None else 100
    return max(ms / 1000, least)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
