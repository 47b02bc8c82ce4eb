"""Content files changed on disk behind the editor's back: which to ask the user about, which to
read again, and what the user answered. No Textual: the editor asks `changes()` once a second,
shows a prompt for a `DiskChange` that needs one, and reports the answer here.

The rule it keeps: a file changed on disk is never overwritten silently. A change is asked about
once (a "keep editing" answer holds for that version of the file, not for the next change), and
a section with a prompt open or a reload under way is not asked about again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from homepage_tui.record import FrozenRecord

if TYPE_CHECKING:
    from homepage_tui.section import Section


def digest(path: Path) -> str:
    """A file's content as a short fingerprint ("" when it cannot be read)."""
    import hashlib  # here: the editor's first frame does not wait for OpenSSL's (first used by the load worker)

    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


class DiskChange(FrozenRecord):
    FIELDS = ("name", "digest", "read_again")

    def __init__(self, name: str, digest: str, read_again: bool = False):
        # name: the section; digest: the file's content now (what a "keep editing" answer
        # declines); read_again: a file that could not be read changed: read it again, no prompt
        self._init(name=name, digest=digest, read_again=read_again)


class DiskWatch:
    def __init__(self) -> None:
        self.declined: dict[str, str] = {}  # section -> digest of the disk version the user declined
        self.asking: set[str] = set()  # sections with a prompt open or a reload under way

    def changes(self, sections: Mapping[str, "Section"], broken: Iterable[str],
                path_of: Callable[[str], Path]) -> list[DiskChange]:
        """What changed since the last look: every unreadable file that changed (to read again),
        then at most one loaded file changed on disk (one prompt at a time)."""
        found: list[DiskChange] = []
        broken = list(broken)
        for name in list(sections) + broken:
            if name in self.asking:
                continue
            if name in broken:
                # A file that could not be read is read again when it changes (the user fixed it);
                # its first look only records what it is now.
                now = digest(path_of(name))
                before = self.declined.setdefault(name, now)
                if before != now:
                    self.declined[name] = now
                    found.append(DiskChange(name, now, read_again=True))
                continue
            section = sections[name]
            try:
                changed = section.file.changed_on_disk()
            except OSError:
                continue
            if not changed:
                continue
            now = digest(section.path)
            if self.declined.get(name) == now:
                continue
            found.append(DiskChange(name, now))
            break
        return found

    # ------------------------------------------------------------ the user's answers

    def ask(self, name: str) -> None:
        """A prompt about `name` is open (or a save found its file changed)."""
        self.asking.add(name)

    def keep(self, name: str, version: str) -> None:
        """The user keeps editing: the disk version `version` is not asked about again (saving
        stays refused until a reload, since the file still differs from what was loaded)."""
        self.asking.discard(name)
        self.declined[name] = version

    def drop(self, name: str) -> None:
        """The prompt closed without a decision to record (a reload the user did not confirm)."""
        self.asking.discard(name)

    def reloaded(self, name: str) -> None:
        """The section was read again from disk: its earlier answers no longer apply."""
        self.declined.pop(name, None)
        self.asking.discard(name)
