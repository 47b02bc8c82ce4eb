"""content/site.yml: read with its line numbers and checked against its schema.

The schema is the table below: every key site.yml may hold and the kind of value it takes. A
value of the wrong kind, or a key the schema does not know (a typo such as `tempalte:` would
otherwise be ignored silently), is a ContentError `FILE:LINE: where: what is wrong`.

(Hand-written rather than jsonschema or msgspec: the check runs at the start of every command,
and either library's import alone costs 30-100 ms against a start-up budget of 1.3x
`import ruamel.yaml`; the table here is the whole schema.)
"""

from __future__ import annotations

from . import model
from .errors import ContentError
from .layout import DEFAULT_PAGE
from .record import Record
from .store.fastload import NotFast, _Composer, _scalar
from .store.libyaml import MappingNode, Node, ScalarNode, SequenceNode, YAMLError
from .store.files import read_text

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Callable


class Settings(Record):
    """content/site.yml: the user's names, the page, and each section's type and style."""

    FIELDS = ("names", "page", "sections")

    def __init__(self, names: list[str] | None = None, page: str = DEFAULT_PAGE,
                 sections: dict[str, dict[str, Any]] | None = None):
        self.names = [] if names is None else names
        self.page = page
        self.sections = {} if sections is None else sections

    @classmethod
    def load(cls, path: Path) -> "Settings":
        if not path.exists():
            return cls()
        text, _ = read_text(path)
        root = _compose(text, path)
        data = _Checker(str(path)).settings(root)
        return cls(**data)


# ------------------------------------------------------------------ reading with positions


def _compose(text: str, path: Path) -> Node | None:
    try:
        return _Composer(text).get_single_node()
    except YAMLError:
        pass
    # libyaml refused it: ruamel's message (with line and column) is the one users know
    from ruamel.yaml import YAML

    try:
        YAML(typ="safe").load(text)
    except Exception as exc:  # ruamel raises several error types; all mean the same here
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ContentError(f"{where}: {getattr(exc, 'problem', None) or 'invalid YAML'}") from None
    raise ContentError(f"{path}:1: not readable as settings")


def _text_of(node: ScalarNode) -> Any:
    try:
        return _scalar(node)
    except NotFast:  # a timestamp, a hex number ...: in settings, the text as written
        return node.value


# ------------------------------------------------------------------ the schema


def _style_kinds() -> dict[str, str]:
    from .render import SectionStyle

    kinds = {}
    for name in SectionStyle.FIELDS:
        default = getattr(SectionStyle(), name)
        kinds[name] = ("number" if isinstance(default, int) else "map" if isinstance(default, dict)
                         else "list" if isinstance(default, list) else "text")
    return kinds


TOP_KEYS = {"names": "names", "page": "text", "sections": "sections"}
SECTION_KEYS = {"type": "type", "file": "text", "title": "text"}  # + every SectionStyle field


class _Checker:
    def __init__(self, source: str):
        self.source = source
        self.section_keys = {**SECTION_KEYS, **{k: v for k, v in _style_kinds().items() if k != "type"}}

    def fail(self, node: Node, where: str, message: str) -> ContentError:
        return ContentError(f"{self.source}:{node.start_mark.line + 1}: {where}: {message}")

    def mapping(self, node: Node, where: str, keys: dict[str, str] | None) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, where, "expected settings as `key: value` lines")
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = _text_of(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                raise self.fail(key_node, where, "a setting's name must be text")
            if keys is not None and key not in keys:
                known = ", ".join(sorted(keys))
                raise self.fail(key_node, f"{where}.{key}" if where else key, f"unknown setting (known: {known})")
            if key in out:
                raise self.fail(key_node, f"{where}.{key}" if where else key, "set twice")
            out[key] = (key_node, value_node)
        return out

    def settings(self, root: Node | None) -> dict[str, Any]:
        if root is None or (isinstance(root, ScalarNode) and _text_of(root) is None):
            return {}
        if not isinstance(root, MappingNode):
            raise ContentError(f"{self.source}:1: expected settings (names:, page:, sections:)")
        items = self.mapping(root, "", TOP_KEYS)
        out: dict[str, Any] = {}
        if "names" in items:
            out["names"] = self.names(items["names"][1])
        if "page" in items:
            page = self.value(items["page"][1], "page", "text")
            if page:
                out["page"] = page
        if "sections" in items:
            out["sections"] = self.sections(items["sections"][1])
        return out

    def names(self, node: Node) -> list[str]:
        if isinstance(node, ScalarNode):
            value = self.value(node, "names", "text")
            return [value] if value else []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, "names", "expected a name or a list of names")
        return [self.value(item, f"names[{i}]", "text") for i, item in enumerate(node.value)]

    def sections(self, node: Node) -> dict[str, dict[str, Any]]:
        if isinstance(node, ScalarNode) and _text_of(node) is None:
            return {}
        out: dict[str, dict[str, Any]] = {}
        for name, (_, value_node) in self.mapping(node, "sections", None).items():
            where = f"sections.{name}"
            if isinstance(value_node, ScalarNode) and _text_of(value_node) is None:
                out[name] = {}
                continue
            section: dict[str, Any] = {}
            for key, (_, item) in self.mapping(value_node, where, self.section_keys).items():
                value = self.value(item, f"{where}.{key}", self.section_keys[key])
                if value is not None:
                    section[key] = value
            out[name] = section
        return out

    def value(self, node: Node, where: str, kind: str) -> Any:
        check: Callable[[Node, str], Any] = getattr(self, f"kind_{kind}")
        if isinstance(node, ScalarNode) and _text_of(node) is None:
            return None  # `key:` with nothing after it: the default
        return check(node, where)

    def kind_text(self, node: Node, where: str) -> str:
        if not isinstance(node, ScalarNode):
            raise self.fail(node, where, "expected text")
        return str(node.value) if not isinstance(_text_of(node), str) else _text_of(node)

    def kind_number(self, node: Node, where: str) -> int:
        value = _text_of(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            shown = node.value if isinstance(node, ScalarNode) else "a list or mapping"
            raise self.fail(node, where, f"expected a whole number such as 4, not {shown!r}")
        return value

    def kind_type(self, node: Node, where: str) -> str:
        value = self.kind_text(node, where)
        if value not in model.SECTION_TYPES:
            raise self.fail(node, where, f"unknown type {value!r} (one of: {', '.join(model.SECTION_TYPES)})")
        return value

    def kind_list(self, node: Node, where: str) -> list[str]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, where, "expected a list such as [\"*\", \"-\"]")
        return [self.kind_text(item, f"{where}[{i}]") for i, item in enumerate(node.value)]

    def kind_map(self, node: Node, where: str) -> dict[str, str]:
        return {key: self.kind_text(value, f"{where}.{key}")
                for key, (_, value) in self.mapping(node, where, None).items()}
