"""The paste box: BibTeX (one entry or many), DOIs or arXiv ids in; the publications they describe
out, for the user to check before anything is added.

Reading runs in a thread worker (BibTeX parsing, lookups over the network) that reports progress
to a ProgressBar. Then the screen shows what it found: one paper in the publication form itself
(fix anything, then ctrl+s adds it), many in a table; a paper the section already has is shown
beside the entry it repeats and is added only with ctrl+y ("add anyway").

Adding happens here too, on the UI thread (the editor's sections are only touched there), in
chunks with the progress bar between them: a 200-entry paste does not freeze the screen. The
editor passes `snapshot`, called once before the first entry goes in (one undo step), and
saves when the screen is dismissed with the number added.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Callable

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, ProgressBar, Static, TextArea
from textual.worker import get_current_worker

from homepage_tui.app.forms.publication import PublicationForm
from homepage_tui.app.screen_css import FORMS_CSS_PATH
from homepage_tui.labels import shorten

CHUNK = 20  # entries inserted between two progress updates


class PasteArea(TextArea):
    """The text box: a bracketed paste is read at once (no key to press after a paste)."""

    class Pasted(events.Message):
        pass

    def _on_paste(self, event: events.Paste) -> None:
        # TextArea's own _on_paste inserts the text (Textual calls the handler of every class in
        # the MRO); the message is handled after it, so the text is there to read.
        self.post_message(self.Pasted())


class PasteScreen(ModalScreen[int]):
    """Returns the number of publications added (0 when cancelled or nothing was new)."""

    CSS_PATH = [Path(__file__).with_name("paste.tcss"), FORMS_CSS_PATH]  # its publication form's too
    BINDINGS = [
        Binding("ctrl+s", "accept", "Read / Add", id="paste.accept", priority=True,
                tooltip="Read what is pasted; then add the new publications"),
        Binding("ctrl+y", "insist", "Add anyway", id="paste.insist", priority=True,
                tooltip="Add the duplicates too"),
        Binding("escape", "cancel", "Cancel", id="paste.cancel", priority=True),
    ]

    def __init__(self, section, own_names: list[str], snapshot: Callable[[], None],
                 resolver_factory: Callable[[], Any] | None = None, id: str | None = "paste-screen"):
        super().__init__(id=id)
        self.section = section
        self.own_names = list(own_names)
        self.snapshot = snapshot
        self.resolver_factory = resolver_factory
        self.additions = None  # paste.Additions once read
        self.stage = "input"  # input -> reading -> review -> adding

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Vertical(id="paste-box"):
            yield Label(f"Add to {self.section.title or self.section.name} by paste", id="paste-title")
            yield Static("Paste BibTeX (one entry or many, e.g. Google Scholar's \"Cite\" > BibTeX), "
                         "DOIs (10.xxxx/…, doi.org links) or arXiv ids (2401.01234, arxiv.org links). "
                         "A paste is read at once; typed text with ctrl+s.", id="paste-hint")
            yield PasteArea(id="paste-text", soft_wrap=True, tab_behavior="focus")
            yield ProgressBar(id="paste-progress", show_eta=False)
            yield Static("", id="paste-status", markup=False)
            with VerticalScroll(id="paste-review"):
                with Horizontal(id="paste-compare"):  # above the form: seen before anything else
                    yield Static("", id="paste-new", markup=False)
                    yield Static("", id="paste-existing", markup=False)
                yield PublicationForm(id="paste-form", classes="entry-form")
                yield DataTable(id="paste-list", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#paste-progress").display = False
        self.query_one("#paste-review").display = False
        self.query_one("#paste-text").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "insist":  # shown only when there is a duplicate to insist on
            return self.stage == "review" and bool(self.additions and self.additions.duplicates)
        return True

    # ------------------------------------------------------------ reading

    @on(PasteArea.Pasted)
    def _pasted(self) -> None:
        if self.stage == "input":
            self.read()

    def action_accept(self) -> None:
        if self.stage == "input":
            self.read()
        elif self.stage == "review":
            self.add(insist=False)

    def action_insist(self) -> None:
        if self.stage == "review":
            self.add(insist=True)

    def action_cancel(self) -> None:
        if self.stage == "adding":
            return  # half an add would be half a paste: it finishes, then the editor saves
        if self.stage == "reading":
            self.workers.cancel_group(self, "paste-read")
        self.dismiss(0)

    def read(self) -> None:
        text = self.query_one("#paste-text", TextArea).text
        if not text.strip():
            self.status("Nothing pasted yet.")
            return
        self.stage = "reading"
        self.query_one("#paste-text", TextArea).read_only = True
        self.show_progress(0, None)
        self.status("Reading…")
        self.read_worker(text, list(self.section.entries))

    @work(thread=True, exclusive=True, group="paste-read", exit_on_error=False)
    def read_worker(self, text: str, existing: list[dict]) -> None:
        from homepage_tui.bib import paste
        from homepage_tui.errors import HomepageError

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self.show_progress, done, total)

        try:
            resolver = self.resolver_factory() if self.resolver_factory else None
            refs = paste.references_from_text(text, resolver, progress)
            additions = paste.plan(refs, existing, self.own_names, progress)
        except HomepageError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self.failed, str(error))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.review, additions)

    def failed(self, message: str) -> None:
        """A one-line reason; nothing was added. The text stays for the user to fix."""
        self.stage = "input"
        self.query_one("#paste-text", TextArea).read_only = False
        self.query_one("#paste-progress").display = False
        self.status(f"Not added: {message}", error=True)
        area = self.query_one("#paste-text", TextArea)
        area.focus()
        area.select_all()  # the next paste replaces the bad text; keys still edit it

    # ------------------------------------------------------------ review

    def review(self, additions) -> None:
        self.additions = additions
        self.stage = "review"
        self.refresh_bindings()
        self.query_one("#paste-progress").display = False
        self.query_one("#paste-text").display = False
        self.query_one("#paste-hint").display = False
        self.query_one("#paste-review").display = True
        entries, dups = additions.entries, {d.new_index: d for d in additions.duplicates}
        form = self.query_one("#paste-form", PublicationForm)
        table = self.query_one("#paste-list", DataTable)
        compare = self.query_one("#paste-compare")
        single = len(entries) == 1
        form.display = single
        table.display = not single
        compare.display = single and 0 in dups
        if single:
            form.load(entries[0], "New publication: check it, then ctrl+s adds it")
            if 0 in dups:
                self.show_side_by_side(entries[0], dups[0])
                self.status(f"Already there ({dups[0].reason}): not added unless you press ctrl+y "
                            "(add anyway); esc cancels.", error=True)
            else:
                self.status("Check the entry (edit any field), then ctrl+s adds it; esc cancels.")
            title = form.inputs["title"]
            title.focus()
            self.call_after_refresh(setattr, title, "cursor_position", 0)  # show the title's start
            return
        table.clear(columns=True)
        table.add_columns("", "Year", "Title", "Venue", "Already there as")
        for i, entry in enumerate(entries):
            dup = dups.get(i)
            table.add_row("dup" if dup else "new", entry.get("year", ""), _short(entry.get("title"), 50),
                          _short(entry.get("venue"), 28), self.existing_summary(dup) if dup else "")
        fresh = len(entries) - len(dups)
        self.status(f"{len(entries)} publications read: {fresh} new, {len(dups)} already there. "
                    f"ctrl+s adds the {fresh} new; ctrl+y adds all {len(entries)}; esc cancels.")
        table.focus()

    def existing_summary(self, dup) -> str:
        if dup.earlier_new >= 0:
            return f"entry {dup.earlier_new + 1} of this paste ({dup.reason})"
        entry = self.section.entry(dup.existing_index)
        return f"{_short(entry.get('title'), 40)} ({dup.reason})"

    def show_side_by_side(self, new: dict, dup) -> None:
        existing = self.section.entry(dup.existing_index) if dup.existing_index >= 0 else {}
        self.query_one("#paste-new", Static).update("New\n\n" + _describe(new))
        where = f"entry {dup.existing_index + 1}" if dup.existing_index >= 0 else "this paste"
        self.query_one("#paste-existing", Static).update(f"Already there ({where}, {dup.reason})\n\n"
                                                         + _describe(existing))

    # ------------------------------------------------------------ adding

    def chosen(self, insist: bool) -> list[dict] | None:
        """The entries to add, or None (with the reason shown) when there is nothing to add."""
        from homepage_tui import kinds
        from homepage_tui.store import DELETE

        additions = self.additions
        if len(additions.entries) == 1:
            if additions.duplicates and not insist:
                self.status("Not added: it is already there. ctrl+y adds it anyway; esc cancels.", error=True)
                return None
            form = self.query_one("#paste-form", PublicationForm)
            values, problems = form.values()
            fields = {k: v for k, v in values.items() if v is not DELETE}
            problems = {**kinds.PUBLICATIONS.validate(fields), **problems}
            form.show_errors(problems)
            if problems:
                self.status("Not added: fix the marked field first.", error=True)
                return None
            return [fields]
        entries = additions.entries if insist else additions.fresh()
        if not entries:
            self.status("Nothing new to add: every one is already there (ctrl+y adds them anyway).", error=True)
            return None
        return entries

    def add(self, insist: bool) -> None:
        entries = self.chosen(insist)
        if entries is None:
            return
        from homepage_tui.bib import paste
        from homepage_tui.errors import HomepageError

        try:
            paste.check_all(self.section, entries)
        except HomepageError as error:
            self.status(f"Not added: {error}", error=True)
            return
        self.stage = "adding"
        self.add_entries(entries)

    @work(exclusive=True, group="paste-add")
    async def add_entries(self, entries: list[dict]) -> None:
        """Insert on the UI thread, a chunk at a time, the progress bar moving in between."""
        self.snapshot()
        self.show_progress(0, len(entries))
        for start in range(0, len(entries), CHUNK):
            for offset, entry in enumerate(entries[start:start + CHUNK], start=start):
                self.section.insert(offset, dict(entry))
            self.show_progress(min(start + CHUNK, len(entries)), len(entries))
            self.status(f"Adding… {min(start + CHUNK, len(entries))} of {len(entries)}")
            await asyncio.sleep(0)
        self.dismiss(len(entries))

    # ------------------------------------------------------------ helpers

    def show_progress(self, done: int, total: int | None) -> None:
        bar = self.query_one("#paste-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)

    def status(self, text: str, error: bool = False) -> None:
        line = self.query_one("#paste-status", Static)
        line.update(text)
        line.set_class(error, "-error")


def _short(value: Any, width: int) -> str:
    return shorten(str(value or ""), width - 1)


def _describe(entry: dict) -> str:
    lines = [str(entry.get("title") or "")]
    authors = entry.get("authors")
    if isinstance(authors, list) and authors:
        lines.append(", ".join(str(a) for a in authors))
    lines.append(" · ".join(str(entry.get(k)) for k in ("venue", "year", "kind") if entry.get(k)))
    links = entry.get("links")
    if isinstance(links, dict):
        lines += [f"{name}: {url}" for name, url in links.items()]
    return "\n".join(line for line in lines if line)
