"""Where things are in a site (a module without imports, so that the command line's parser can
name them without loading the store)."""

CONTENT_DIR = "content"
SETTINGS_FILE = "site.yml"
DEFAULT_PAGE = "_pages/about.md"
