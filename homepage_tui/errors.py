"""The one error hierarchy: every message is the single line a user reads."""

from __future__ import annotations


class HomepageError(Exception):
    """A problem the user can act on; str(error) is the one-line message shown to them."""


class ContentError(HomepageError):
    """A content file cannot be read, parsed or written."""


class ConflictError(ContentError):
    """The file changed on disk after it was loaded; saving would overwrite someone else's edit."""


class SiteError(HomepageError):
    """The site folder is missing something the command needs (page, content/, regions)."""


class ValidationError(HomepageError):
    """An entry's fields are invalid; `problems` maps field name to message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class PublishError(HomepageError):
    """Committing or pushing failed; the local commit and working tree are kept."""
