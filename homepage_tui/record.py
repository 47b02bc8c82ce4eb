"""Plain records: the equality and repr a dataclass would have, from a class's FIELDS.

The core's value classes (entries, styles, regions, problems, the store's files) are not
dataclasses because the command line cannot afford them: importing dataclasses (it imports
inspect, ast, dis and tokenize) and building twenty classes, each with three generated
functions run through exec, was 15 ms of `homepage-tui check`, whose whole budget is 1.3x
`python -c "import ruamel.yaml"` (issue 13). Each class writes its own __init__ and names its
fields in FIELDS, in the order a dataclass would compare and show them.
"""

from __future__ import annotations


class Record:
    FIELDS: tuple[str, ...] = ()
    HIDDEN: tuple[str, ...] = ()  # left out of repr (large bytes), still compared

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as a dataclass

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS if name not in self.HIDDEN)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    """A Record that cannot be changed after __init__ and so can be hashed (a frozen dataclass)."""

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of {self.__class__.__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of {self.__class__.__name__}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    def _init(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)
