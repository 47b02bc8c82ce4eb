"""homepage-tui: edit an AcadHomepage site's sections as data, preview them, publish with one key."""

__version__ = "0.1.0"
