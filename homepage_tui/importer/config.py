"""Add `content` to `_config.yml`'s `exclude:` by editing its text, so every comment stays."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

EXCLUDE_RE = re.compile(r"^exclude[ \t]*:(?P<rest>[^\n]*)\n?", re.M)


def _loads(text: str):
    return YAML(typ="safe").load(text) or {}


def add_exclude(text: str, entry: str = "content") -> str:
    """`text` with `entry` in its top-level `exclude:` list (added when absent)."""
    data = _loads(text)
    current = data.get("exclude") if isinstance(data, dict) else None
    if isinstance(current, list) and entry in [str(x).rstrip("/") for x in current]:
        return text
    m = EXCLUDE_RE.search(text)
    if m is None or current is None and not m.group("rest").strip():
        if m is None:
            sep = "" if text.endswith("\n") or not text else "\n"
            new = f"{text}{sep}# homepage-tui keeps its YAML in content/; Jekyll must not publish it.\nexclude:\n  - {entry}\n"
        else:
            new = text[:m.end()] + f"  - {entry}\n" + text[m.end():]
    else:
        rest = m.group("rest")
        flow = re.match(r"^(?P<pre>[ \t]*\[)(?P<items>[^\]]*)(?P<post>\][^\n]*)$", rest)
        if flow:
            items = flow.group("items")
            joined = f"{items.rstrip()}, {entry}" if items.strip() else entry
            new = text[:m.start("rest")] + flow.group("pre") + joined + flow.group("post") + text[m.end("rest"):]
        elif rest.split("#", 1)[0].strip():
            raise ValueError("`exclude:` in _config.yml is not a list")
        else:
            # block list: add after its last item, with the same indentation
            pos = m.end()
            lines = text[pos:].split("\n")
            last, indent = 0, "  "
            for i, line in enumerate(lines):
                item = re.match(r"^([ \t]*)-[ \t]", line)
                if item:
                    last, indent = i + 1, item.group(1)
                elif line.strip() and not line.lstrip().startswith("#") and not line.startswith((" ", "\t")):
                    break
            before = "\n".join(lines[:last])
            after = "\n".join(lines[last:])
            new = text[:pos] + before + ("\n" if last else "") + f"{indent}- {entry}\n" + after
    back = _loads(new)
    if entry not in [str(x) for x in (back.get("exclude") or [])] or {k: v for k, v in back.items() if k != "exclude"} != {
            k: v for k, v in data.items() if k != "exclude"}:
        raise ValueError("could not add content to `exclude:` in _config.yml")
    return new
