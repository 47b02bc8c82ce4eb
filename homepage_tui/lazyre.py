"""Regular expressions compiled on first use: what a module-level pattern costs at import (0.1 to
5 ms each) is paid only by the code that uses it (issue 13: start-up of the command line)."""

from __future__ import annotations

import re
from _thread import get_ident


class DeferredPattern:
    """A regular expression compiled when an attribute (`match`, `search`, `pattern`...) is
    first asked for. Each attribute is then kept on the instance, so later calls cost what a
    compiled pattern's do."""

    def __init__(self, pattern, flags=0):  # noqa: ANN001 - re.compile's signature
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):  # only for what the instance does not hold yet
        if name.startswith("__"):
            raise AttributeError(name)  # copy and pickle probe dunders before __init__ has run
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _COMPILE(*self._args)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"DeferredPattern({self._args[0]!r})"


_COMPILE = re.compile


class deferred_compiles:
    """`with deferred_compiles():` makes this thread's `re.compile` calls DeferredPatterns."""

    def __enter__(self) -> "deferred_compiles":
        self.previous = re.compile
        thread = get_ident()
        previous = self.previous

        def compile_later(pattern, flags=0):  # noqa: ANN001
            if get_ident() == thread:
                return DeferredPattern(pattern, flags)
            return previous(pattern, flags)

        re.compile = compile_later
        return self

    def __exit__(self, *exc: object) -> None:
        re.compile = self.previous
