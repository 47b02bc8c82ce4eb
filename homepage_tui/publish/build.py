"""The build check: Jekyll builds the site into a temporary folder before anything is pushed.

`bundle exec jekyll build` when the site has a Gemfile and bundler is installed (the gems the
site asks for), else `jekyll build`. The build runs in its own process group and is killed at
the timeout, so a hanging build cannot hang a publish. Jekyll's error is reduced to the
`FILE:LINE: message` the user can act on; a missing gem or plugin is the machine's problem, not
the page's, so it skips the check (saying why) instead of blocking the publish.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BUILD_TIMEOUT = 120.0
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
# Signs that the machine lacks what the site needs (gems, plugins, bundler), not a page error.
ENVIRONMENT_SIGNS = (
    "dependency error", "could not find gem", "could not find", "bundle install",
    "cannot load such file", "gem::missingspec", "gemnotfound", "run `bundle install`",
    "is not installed", "command not found", "no such file or directory - jekyll",
)


@dataclass(frozen=True)
class BuildResult:
    ok: bool  # the site built (or the check was skipped)
    skipped: str | None = None  # why the check did not run
    error: str | None = None  # FILE:LINE: message when the build failed
    output: str = ""  # what Jekyll printed, for the details

    def describe(self) -> str:
        if self.skipped:
            return f"build check skipped: {self.skipped}"
        return "site builds with Jekyll" if self.ok else f"Jekyll cannot build the site: {self.error}"


def jekyll_command(root: Path) -> list[str] | None:
    """How to run Jekyll for this site, None when the machine has no Jekyll."""
    if (root / "Gemfile").exists() and shutil.which("bundle"):
        return ["bundle", "exec", "jekyll"]
    if shutil.which("jekyll"):
        return ["jekyll"]
    return None


def build_site(root: str | os.PathLike[str], timeout: float = BUILD_TIMEOUT) -> BuildResult:
    """Build the site into a temporary folder; the working tree gets nothing (no _site, no cache)."""
    root = Path(root)
    command = jekyll_command(root)
    if command is None:
        return BuildResult(True, skipped="Jekyll is not installed (https://jekyllrb.com/docs/installation/)")
    with tempfile.TemporaryDirectory(prefix="homepage-tui-build-") as dest:
        argv = [*command, "build", "--source", str(root), "--destination", dest, "--disable-disk-cache"]
        try:
            proc = subprocess.Popen(argv, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    env={**os.environ, "JEKYLL_ENV": "production"})
        except OSError as exc:
            return BuildResult(True, skipped=f"{command[0]} could not start ({exc.strerror})")
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return BuildResult(False, error=f"the Jekyll build did not finish in {timeout:g} s and was "
                                            "stopped (publish --no-build skips the check)")
    text = ANSI_RE.sub("", out.decode("utf-8", "replace"))
    if proc.returncode == 0:
        return BuildResult(True, output=text)
    low = text.lower()
    if any(sign in low for sign in ENVIRONMENT_SIGNS):
        return BuildResult(True, skipped=f"Jekyll could not run here ({_first_error(text)})", output=text)
    return BuildResult(False, error=locate_error(text, root), output=text)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


LIQUID_RE = re.compile(r"Liquid (?:Exception|Warning): (?P<what>.*?) in (?P<file>\S+?)\s*$", re.M)
LIQUID_LINE_RE = re.compile(r"\s*\(line (\d+)\)")
YAML_RE = re.compile(r"(?:YAML Exception reading|Error reading file) (?P<file>\S+?):? (?P<what>.*?)"
                     r"(?:at line (?P<line>\d+))?[^\n]*$", re.M)


def locate_error(text: str, root: Path) -> str:
    """Jekyll's failure as `FILE:LINE: message` (the file relative to the site)."""
    m = LIQUID_RE.search(text)
    if m:
        what, rel = m.group("what"), _relative(m.group("file"), root)
        line = LIQUID_LINE_RE.search(what)
        what = LIQUID_LINE_RE.sub("", what)
        if line:
            # Liquid counts lines after the front matter; the user counts from the top of the file.
            number = int(line.group(1)) + _front_matter_lines(root / rel)
            return f"{rel}:{number}: {what}"
        return f"{rel}: {what}"
    m = YAML_RE.search(text)
    if m:
        rel = _relative(m.group("file"), root)
        line = f":{m.group('line')}" if m.group("line") else ""
        return f"{rel}{line}: {m.group('what').strip(' :') or 'invalid front matter'}"
    return _first_error(text)


def _first_error(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines:
        if re.search(r"error|exception|fatal", line, re.I) and not line.startswith("from "):
            return line
    return lines[-1] if lines else "no output from Jekyll"


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            return str(p.resolve().relative_to(root.resolve()))
        except ValueError:
            return path
    return path


FRONT_MATTER_RE = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.M | re.S)


def _front_matter_lines(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    # Jekyll's own front matter pattern: its `\s*$` also swallows the blank lines after it.
    m = FRONT_MATTER_RE.match(text)
    return m.group(0).count("\n") if m else 0
