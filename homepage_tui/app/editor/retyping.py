"""`t`: a raw entry (kept verbatim from the page) made a typed entry when its text parses with
the importer's parsers. The fields and what the page will read are shown first; yes replaces the
entry (one undo step), and its form becomes the typed one."""

from __future__ import annotations

from typing import Any

from homepage_tui.app.confirm import Choice, ConfirmModal

def describe_fields(fields: dict[str, Any]) -> str:
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {describe_fields(v) if isinstance(v, dict) else v}".replace("\n", "\n    ")
                      for v in value]
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


class RetypingMixin:
    """Mixed into EditorScreen: turn the raw entry in the form into a typed one."""

    def action_type_raw(self) -> None:
        from homepage_tui.app.forms import RAW  # with the forms, after the first frame
        from homepage_tui.importer.retype import retype

        section = self.session.section
        if section is None or self.session.index is None or getattr(self, "form_kind", None) != RAW:
            self.notify("t works on a raw entry (one kept verbatim from the page).", severity="warning")
            return
        if not self.apply_form():  # the text as typed so far is what gets parsed
            return
        index = self.session.index
        result = retype(section.type, section.entry(index), section.style, self.site.settings.names)
        if result is None:
            self.notify(f"This text does not read as a {section.type} entry ({section.kind.shape}); "
                        "it stays raw.", title="Not typed", severity="warning", timeout=8)
            return
        same = ("The page reads exactly as before." if result.same else
                "The page will read differently from the raw text (the section's template writes it):")
        detail = f"{describe_fields(result.fields)}\n\n{same}\n{result.markdown}"

        def answered(yes: bool | None) -> None:
            if not yes or self.session.sections.get(section.name) is not section:
                return
            self.session.begin_change(section.name, f"typing of raw entry {index + 1}", index=index)
            section.replace(index, result.fields)
            self._refresh_rows(section, select=index)
            self.load_entry(index, force=True)
            self.schedule_preview()
            self.notify(f"Entry {index + 1} is a typed {section.type} entry now (ctrl+z undoes, ctrl+s saves).",
                        title="Typed")

        self.app.push_screen(ConfirmModal(
            f"Make entry {index + 1} of {section.title or section.name} a typed entry?", detail,
            [Choice("y", "Make it typed", True, "primary"), Choice("n", "Keep it raw", False)],
            cancel_value=False, id="retype-prompt"), answered)
