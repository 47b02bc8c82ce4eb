"""The Textual editor. Everything Textual lives in this package; the core below it never imports it."""

import os

# Textual draws at most 60 frames a second, so a change made a message or two after a key press
# (the preview, a filtered table) waits up to a frame (17 ms) for the next one. At 120 a keystroke's
# preview shows in ~30 ms instead of ~50. Frames are drawn only when something changed. Textual
# reads this when it is first imported; a user's own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
