"""Content files on disk: read as UTF-8, written atomically, and changes behind our back detected."""

from __future__ import annotations

import os
from itertools import compress, count
from operator import is_not
from pathlib import Path

from ..errors import ConflictError, ContentError
from ..record import Record
from .document import YamlDocument

TYPE_CHECKING = False  # typing is not imported at run time: the command line's start-up (issue 13)
if TYPE_CHECKING:
    from typing import Any


class FileStamp(Record):
    """The file as we last read or wrote it: its time and size, and its bytes (kept to tell a real
    change from a touch: comparing them costs less than hashing, and a save needs no hash)."""

    FIELDS = ("mtime_ns", "size", "data")
    HIDDEN = ("data",)

    def __init__(self, mtime_ns: int, size: int, data: bytes):
        self.mtime_ns = mtime_ns
        self.size = size
        self.data = data

    @classmethod
    def of(cls, path: Path, data: bytes) -> "FileStamp":
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, data)


def read_text(path: Path) -> tuple[str, bytes]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{path}: no such file") from None
    except OSError as exc:
        raise ContentError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new file `.NAME.RANDOM.tmp` beside `path`, open for writing, readable by its owner only:
    tempfile.mkstemp's guarantees (created here, by us, never an existing file) without importing
    tempfile, which brings shutil, bz2, lzma and random: 5 ms of `add-news` under load (issue 13)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no unused temporary file name for {path.name}")


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write `text` (or UTF-8 bytes) through a temporary file in the same folder and rename it
    over `path`; the file's mode is kept, and a crash leaves either the old or the new file,
    never half of one."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = None
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        pass
    fd, tmp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class SavedParts:
    """A document's parts at a save (its header, separators, entries and trailer, by reference),
    to tell quickly whether its text is still the saved bytes `data`. Entries and separators are
    replaced by new objects when edited, never changed in place (see YamlDocument.snapshot)."""

    def __init__(self, data: bytes, header: list[str], seps: list[tuple[str, ...]], pieces: list[Any],
                 trailer: list[str], form: tuple[bool, str, bool]):
        self.data = data
        self.header = header
        self.seps = seps
        self.pieces = pieces
        self.trailer = trailer
        self.form = form  # final newline, newline, BOM: what encoded() adds around the parts

    @classmethod
    def of(cls, doc: YamlDocument, data: bytes) -> "SavedParts":
        return cls(data, list(doc.header), list(doc.seps), list(doc.pieces), list(doc.trailer),
                   (doc.final_newline, doc.newline, doc.had_bom))

    def same_text(self, doc: YamlDocument) -> bool | None:
        """True: `doc`'s text is the saved bytes; False: it differs; None: not known this way
        (entries added or removed, or more than one part changed: then the whole text is compared).

        The text is the parts joined in order. With one part different and every other the same
        at the same place, the texts differ exactly when that part's text does; the comparison
        is by identity first (C speed, 20,000 entries in well under a millisecond)."""
        if (len(doc.pieces) != len(self.pieces) or len(doc.seps) != len(self.seps)
                or (doc.final_newline, doc.newline, doc.had_bom) != self.form):
            return None
        changed = int(doc.header != self.header) + int(doc.trailer != self.trailer)
        for index in compress(count(), map(is_not, doc.seps, self.seps)):
            if doc.seps[index] != self.seps[index]:
                changed += 1
        for index in compress(count(), map(is_not, doc.pieces, self.pieces)):
            if doc.pieces[index].encoded() != self.pieces[index].encoded():
                changed += 1
                if changed > 1:
                    return None
        if changed > 1:
            return None
        return changed == 0


class ContentFile(Record):
    """A YamlDocument bound to its path, with change detection on save."""

    FIELDS = ("path", "doc", "stamp", "saved_data")
    HIDDEN = ("saved_data",)

    def __init__(self, path: Path, doc: YamlDocument, stamp: FileStamp | None, saved_data: bytes = b""):
        self.path = path
        self.doc = doc
        self.stamp = stamp
        self.saved_data = saved_data  # the bytes last read or written

    @classmethod
    def load(cls, path: Path) -> "ContentFile":
        path = Path(path)
        text, raw = read_text(path)
        doc = YamlDocument(text, source=str(path))
        # encoded() here, in the load (a worker thread in the app), fills every entry's kept bytes:
        # a save then encodes only what an edit changed
        file = cls(path=path, doc=doc, stamp=FileStamp.of(path, raw), saved_data=doc.encoded())
        file._remember_saved()
        return file

    @classmethod
    def new(cls, path: Path, header: str = "") -> "ContentFile":
        doc = YamlDocument(header, source=str(path))
        return cls(path=Path(path), doc=doc, stamp=None, saved_data=b"")

    # The document's parts as they were when `saved_data` was last read or written (and that
    # saved_data object): `dirty` compares only the parts that are other objects since then.
    _saved_parts: "SavedParts | None" = None

    def _remember_saved(self) -> None:
        """The document's text is `saved_data` now: keep its parts for `dirty`."""
        self._saved_parts = SavedParts.of(self.doc, self.saved_data)

    @property
    def dirty(self) -> bool:
        """Whether the text differs from the bytes last read or written. Asked at every keystroke
        (the sidebar's mark): joining a 20,000-entry file's bytes each time took longer than the
        rest of the key, so the parts that are the same objects as at the save are not looked at."""
        parts = self._saved_parts
        if parts is not None and parts.data is self.saved_data:
            same = parts.same_text(self.doc)
            if same is not None:
                return not same
        if self.doc.encoded() != self.saved_data:
            return True
        self._remember_saved()  # (saved_data set elsewhere, or an edit undone by hand)
        return False

    def changed_on_disk(self) -> bool:
        """True when someone else changed (or removed, or created) the file since we read it.

        Cheap when nothing changed (one stat), because the editor asks every second: the file is
        read and compared only when its size or time differ (a touch without an edit is no change)."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return self.stamp is not None
        if self.stamp is None:
            return True
        if (st.st_mtime_ns, st.st_size) == (self.stamp.mtime_ns, self.stamp.size):
            return False
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return True
        return data != self.stamp.data

    def save(self) -> bool:
        """Write the file if its text changed; refuse when it changed on disk meanwhile."""
        data = self.doc.encoded()
        if data == self.saved_data and self.path.exists():
            return False
        if self.changed_on_disk():
            raise ConflictError(
                f"{self.path}: changed on disk after it was loaded; not saved, so that change is kept "
                "(reload the file, then make your edit again)")
        atomic_write(self.path, data)
        self.stamp = FileStamp.of(self.path, data)
        self.saved_data = data
        self._remember_saved()
        return True
