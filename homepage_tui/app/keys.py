"""Every key of the app, read from the bindings themselves: the help screen lists them and the
settings check a key override's binding id against them. Nothing here is a hand-kept list of
keys: a Binding added anywhere under homepage_tui.app shows up by itself."""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

import homepage_tui.app as app_package

# Where a class's keys apply, in words; a class not named here is titled from its name.
GROUP_TITLES = {
    "HomepageApp": "Everywhere",
    "EditorScreen": "Editor",
    "SectionList": "Section list",
    "EntryTable": "Entry table",
    "FilterBar": "Filter line",
    "EntryForm": "Entry forms",
    "RawForm": "Raw entry form",
    "OutlineArea": "List items (tree sections' text)",
    "ImportScreen": "Import screen",
    "PublishReviewScreen": "Publish: review",
    "ConfirmPublishStep": "Publish: questions",
    "ConfirmModal": "Questions (yes/no dialogs)",
    "HelpScreen": "This help",
}
ORDER = list(GROUP_TITLES)  # groups in this order; a class not named comes last


@dataclass(frozen=True)
class KeyInfo:
    keys: str  # as the user presses it, after their key overrides
    description: str
    binding_id: str


@dataclass(frozen=True)
class KeyGroup:
    title: str
    keys: tuple[KeyInfo, ...]


def _import_app_modules() -> None:
    for info in pkgutil.walk_packages(app_package.__path__, app_package.__name__ + "."):
        importlib.import_module(info.name)


def _subclasses(cls: type) -> list[type]:
    out, todo = [], [cls]
    while todo:
        for sub in todo.pop(0).__subclasses__():
            if sub not in out:
                out.append(sub)
                todo.append(sub)
    return out


def binding_classes() -> list[type]:
    """The app's classes that declare bindings of their own, in ORDER."""
    _import_app_modules()
    found = [c for c in _subclasses(DOMNode)
             if c.__module__.startswith("homepage_tui.app") and c.__dict__.get("BINDINGS")]
    found.sort(key=lambda c: ORDER.index(c.__name__) if c.__name__ in ORDER else len(ORDER))
    return found


def _title(cls: type) -> str:
    return GROUP_TITLES.get(cls.__name__) or re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).capitalize()


def _bindings(cls: type) -> list[Binding]:
    out = []
    for item in cls.__dict__["BINDINGS"]:
        if isinstance(item, Binding):
            out.append(item)
        else:  # a (key, action[, description]) tuple
            out.append(Binding(*item))
    return out


def binding_ids() -> set[str]:
    return {b.id for cls in binding_classes() for b in _bindings(cls) if b.id}


def key_groups(app: App) -> list[KeyGroup]:
    """Every key, grouped by where it applies, as the user's keymap has them now."""
    keymap = getattr(app, "_keymap", {})
    groups = []
    for cls in binding_classes():
        keys = []
        for binding in _bindings(cls):
            if binding.system:
                continue
            pressed = keymap.get(binding.id, binding.key) if binding.id else binding.key
            display = " / ".join(_display(app, binding, k.strip()) for k in pressed.split(","))
            description = binding.description or binding.action.replace("_", " ")
            if binding.tooltip and binding.tooltip != description:
                description = f"{description}: {binding.tooltip}"
            keys.append(KeyInfo(display, description, binding.id or ""))
        if cls.__name__ == "HomepageApp":
            palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
            keys.append(KeyInfo(_display(app, palette, palette.key), "Command palette: every action by name", ""))
        groups.append(KeyGroup(_title(cls), tuple(keys)))
    return groups


def _display(app: App, binding: Binding, key: str) -> str:
    if binding.key_display and key == binding.key.split(",")[0].strip():
        return binding.key_display
    return app.get_key_display(Binding(key, binding.action))
