"""One finding of `check`: where it is, how bad it is, and what to do."""

from __future__ import annotations

import re

from homepage_tui.record import FrozenRecord

ERROR = "error"
WARNING = "warning"

# `path:line:col: message`, `path:line: message` or `path: message`, as the site's own errors read.
_LOCATED_RE = re.compile(r"^(?P<path>[^:\n]+?)(?::(?P<line>\d+))?(?::\d+)?: (?P<message>.*)$", re.S)


class Problem(FrozenRecord):
    FIELDS = ("path", "line", "severity", "message", "rule")

    def __init__(self, path: str, line: int, severity: str, message: str, rule: str = ""):
        # path: relative to the site root where it is inside it; line: 1-based, 0 when the
        # problem is the whole file; severity: ERROR or WARNING
        self._init(path=path, line=line, severity=severity, message=message, rule=rule)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    @classmethod
    def from_located(cls, text: str, severity: str, rule: str, root: str = "") -> "Problem":
        """A Problem from a HomepageError's `FILE:LINE: message` text."""
        m = _LOCATED_RE.match(text)
        if not m:
            return cls("", 0, severity, text, rule)
        path = m.group("path")
        if root and path.startswith(root.rstrip("/") + "/"):
            path = path[len(root.rstrip("/")) + 1:]
        return cls(path, int(m.group("line") or 0), severity, m.group("message"), rule)
