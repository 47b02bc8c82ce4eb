"""Reading a page's structure: front matter, HTML comments, headings and the blocks of a section.

Everything works on the page's lines as written (with their line ends), so that any span found
here can be cut out of the page and put back byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
ITEM_RE = re.compile(r"^( {0,3})([-*+]|\d{1,3}[.)])([ \t]+|$)")
LI_RE = re.compile(r"^\s*<li\b.*</li>\s*$", re.S)
BOX_RE = re.compile(r"""^\s*<div\s+class=['"]paper-box\b""")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
DIV_OPEN_RE = re.compile(r"<div\b", re.I)
DIV_CLOSE_RE = re.compile(r"</div\s*>", re.I)


@dataclass
class Heading:
    line: int  # index into the page's lines
    level: int
    title: str  # as written, after the #s


@dataclass
class Block:
    """Lines [start, end) of a section body: an item (list item, <li> line, paper box) or other text."""

    kind: str  # "item", "li", "box", "comment", "other"
    start: int
    end: int


def split_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    if lines and lines[0].rstrip() == "---":
        for i in range(1, len(lines)):
            if lines[i].rstrip() in ("---", "..."):
                return i + 1
    return 0


def code_lines(lines: list[str]) -> list[str]:
    """Each line with HTML comments blanked out (a comment may span lines); fenced code blanked too."""
    return _scan_comments(lines)[0]


def comment_open_at(lines: list[str]) -> list[bool]:
    """For each line, whether an HTML comment is open where it begins."""
    return _scan_comments(lines)[1]


def _scan_comments(lines: list[str]) -> tuple[list[str], list[bool]]:
    out = []
    opened = []
    in_comment = False
    in_fence = False
    for line in lines:
        opened.append(in_comment)
        if not in_comment and FENCE_RE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append("")
            continue
        kept = []
        pos = 0
        while pos < len(line):
            if in_comment:
                end = line.find("-->", pos)
                if end < 0:
                    pos = len(line)
                else:
                    in_comment = False
                    pos = end + 3
            else:
                start = line.find("<!--", pos)
                if start < 0:
                    kept.append(line[pos:])
                    pos = len(line)
                else:
                    kept.append(line[pos:start])
                    in_comment = True
                    pos = start + 4
        out.append("".join(kept))
    return out, opened


def headings(lines: list[str], code: list[str]) -> list[Heading]:
    found = []
    for i in range(front_matter_end(lines), len(lines)):
        if code[i].strip() != lines[i].strip():  # part of the line is a comment, or the line is in code
            continue
        m = HEADING_RE.match(lines[i].rstrip("\r\n"))
        if m:
            found.append(Heading(i, len(m.group(1)), m.group(2)))
    return found


def _is_blank(line: str) -> bool:
    return not line.strip()


HTML_BLOCK_RE = re.compile(r"^\s*</?(?:div|p|ul|ol|table|section|details|center|span)\b[^<>]*>\s*$", re.I)


def _starts_block(lines: list[str], code: list[str], i: int) -> bool:
    line = lines[i]
    return bool(ITEM_RE.match(line) or BOX_RE.match(code[i]) or LI_RE.match(line)
                or line.lstrip().startswith("<!--") or HEADING_RE.match(line.rstrip("\r\n"))
                or HTML_BLOCK_RE.match(line))


def blocks(lines: list[str], code: list[str], start: int, end: int) -> list[Block]:
    """The blocks of lines [start, end); blank lines between them belong to no block."""
    opened = comment_open_at(lines)
    out: list[Block] = []
    i = start
    while i < end:
        line = lines[i]
        if _is_blank(line):
            i += 1
            continue
        if line.lstrip().startswith("<!--") and not code[i].strip():
            j = i + 1
            while j < end and opened[j]:
                j += 1
            out.append(Block("comment", i, j))
            i = j
            continue
        if BOX_RE.match(code[i]):
            depth = 0
            j = i
            while j < end:
                depth += len(DIV_OPEN_RE.findall(code[j])) - len(DIV_CLOSE_RE.findall(code[j]))
                j += 1
                if depth <= 0:
                    break
            out.append(Block("box", i, j))
            i = j
            continue
        if LI_RE.match(line) and code[i].strip() == line.strip():
            out.append(Block("li", i, i + 1))
            i += 1
            continue
        m = ITEM_RE.match(line)
        if m and code[i].strip() == line.strip():
            base = len(m.group(1))
            j = i + 1
            while j < end:
                nxt = lines[j]
                if _is_blank(nxt):
                    # a blank line continues the item only when an indented line follows
                    k = j
                    while k < end and _is_blank(lines[k]):
                        k += 1
                    if k < end and _indent(lines[k]) > base and not HEADING_RE.match(lines[k].strip()):
                        j = k
                        continue
                    break
                if _indent(nxt) <= base and _starts_block(lines, code, j):
                    break
                j += 1
            out.append(Block("item", i, j))
            i = j
            continue
        # other text: up to a blank line or the start of another block
        j = i + 1
        while j < end and not _is_blank(lines[j]) and not _starts_block(lines, code, j):
            j += 1
        out.append(Block("other", i, j))
        i = j
    return out


def _indent(line: str) -> int:
    expanded = line.replace("\t", "    ")
    return len(expanded) - len(expanded.lstrip(" "))
