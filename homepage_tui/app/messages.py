"""The app-wide messages: what the loading worker reports, and what a form says when edited.

Workers post these from their thread (post_message is thread-safe); handlers run on the UI thread,
which is the only place widgets and the site's sections are touched after loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from homepage_tui.section import Section
    from homepage_tui.site import Site


class SiteOpened(Message):
    """The site's settings are read; its sections are known but not loaded yet."""

    def __init__(self, site: "Site", names: list[str]):
        super().__init__()
        self.site = site
        self.names = names


class SiteFailed(Message):
    """The site could not be opened (no such folder, bad site.yml)."""

    def __init__(self, error: str):
        super().__init__()
        self.error = error


class NoContent(Message):
    """The site has no content/ folder yet: offer to import the page."""

    def __init__(self, site: "Site"):
        super().__init__()
        self.site = site


class SectionLoaded(Message):
    """One section's file was parsed (`section`), or could not be (`error`, FILE:LINE:COL: message)."""

    def __init__(self, name: str, section: "Section | None", error: str | None = None, reloaded: bool = False):
        super().__init__()
        self.name = name
        self.section = section
        self.error = error
        self.reloaded = reloaded


class AllSectionsLoaded(Message):
    """Every section has been tried; the whole-page preview and saving can render the page."""


class FormEdited(Message):
    """The user changed field `field` of the entry form; `values` and `problems` are the form's
    values() at that moment (the fields as the form reads them, and what it could not read)."""

    def __init__(self, field: str, values: dict[str, Any], problems: dict[str, str], form: Any = None):
        super().__init__()
        self.field = field
        self.values = values
        self.problems = problems
        self.form = form  # the form that posted it: a form that was replaced since is not applied
