"""The YAML store: load a content file, edit entries by splicing lines, write atomically.

    document  YamlDocument: a content file's text cut into entries, edits that splice lines
    fastload  the first read at C speed (libyaml), values and positions without ruamel's nodes
    values    plain copies of ruamel's containers and the styled scalars an edit dumps
    files     ContentFile (a document bound to its path), atomic_write, change detection

Everything that other modules use is importable from `homepage_tui.store` itself.
"""

from .document import DELETE, Piece, Style, YamlDocument, parse_yaml
from .files import ContentFile, FileStamp, atomic_write, read_text
from .values import ALWAYS_QUOTED, TEXT_FIELDS, styled_value, to_plain

__all__ = [
    "ALWAYS_QUOTED",
    "DELETE",
    "ContentFile",
    "FileStamp",
    "Piece",
    "Style",
    "TEXT_FIELDS",
    "YamlDocument",
    "atomic_write",
    "parse_yaml",
    "read_text",
    "styled_value",
    "to_plain",
]
