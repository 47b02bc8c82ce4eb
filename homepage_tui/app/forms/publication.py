"""Publications: title, authors (one per line), venue, year, kind, links (one `name: URL` per
line), badge and image. Fields the form does not show (note, group, bold) are kept as they are."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.suggester import SuggestFromList

from homepage_tui import kinds, model
from homepage_tui.app.forms.base import EntryForm, FieldArea
from homepage_tui.app.forms.field_input import FieldInput


def parse_links(text: str) -> tuple[dict[str, str], str | None]:
    """`name: URL` lines (the URL is the last word) to a mapping, or the first problem."""
    links: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        parts = line.rsplit(None, 1)
        if len(parts) < 2:
            return links, f"line {n}: write `name: URL`, e.g. `paper: https://arxiv.org/abs/…`"
        name, url = parts[0].rstrip(":").strip(), parts[1]
        if not name:
            return links, f"line {n}: the link needs a name before the URL"
        if name in links:
            return links, f"line {n}: {name!r} is already a link name"
        links[name] = url
    return links, None


class PublicationForm(EntryForm):
    section_type = kinds.PUBLICATIONS.name
    REQUIRED = kinds.PUBLICATIONS.required

    def compose_fields(self) -> ComposeResult:
        yield from self.field("title", "Title", FieldInput())
        yield from self.field("authors", "Authors", FieldArea(classes="list"),
                              "one per line, as printed (markers like * or $\\dagger$ kept)")
        yield from self.field("venue", "Venue", FieldInput(placeholder="In ICML 2024"))
        yield from self.field("year", "Year", FieldInput(placeholder="2024", max_length=4))
        yield from self.field("kind", "Kind", FieldInput(
            placeholder=" / ".join(model.PUBLICATION_KINDS[:4]),
            suggester=SuggestFromList(model.PUBLICATION_KINDS, case_sensitive=False)))
        yield from self.field("links", "Links", FieldArea(classes="list"), "one `name: URL` per line")
        yield from self.field("badge", "Badge", FieldInput(placeholder="ICML 2024 (optional)"))
        yield from self.field("image", "Image", FieldInput(placeholder="images/paper.png (optional)"))

    def to_text(self, key: str, value: Any) -> str:
        if key == "authors" and isinstance(value, list):
            return "\n".join(model.text_of(a) for a in value)
        if key == "links" and isinstance(value, dict):
            return "\n".join(f"{name}: {model.text_of(url)}" for name, url in value.items())
        return super().to_text(key, value)

    def from_text(self, key: str, text: str) -> tuple[Any, str | None]:
        if key == "authors":
            return [line.strip() for line in text.splitlines() if line.strip()], None
        if key == "links":
            links, problem = parse_links(text)
            return links, problem
        return super().from_text(key, text)
