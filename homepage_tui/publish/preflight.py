"""What publishing checks before it commits anything: the same validation as `check` and
`render --check` (errors refuse the publish, with their FILE:LINE), then the build check.

Nothing is committed or pushed when a check fails; the working tree is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from homepage_tui.errors import PublishError
from homepage_tui.lint import errors, lint_site
from homepage_tui.publish.build import BUILD_TIMEOUT, BuildResult, build_site


class PreflightError(PublishError):
    """The site is not fit to publish: `problems` are FILE:LINE lines; `build` is set when the
    content was valid and Jekyll failed (then the user may choose to skip the build check)."""

    def __init__(self, problems: list[str], build: BuildResult | None = None):
        self.problems = list(problems)
        self.build = build
        first = self.problems[0] if self.problems else "the site did not pass its checks"
        more = len(self.problems) - 1
        tail = f" (and {more} more: run `homepage-tui check`)" if more > 0 else ""
        skip = "; publish --no-build skips the build check" if build is not None else ""
        super().__init__(f"not published, nothing committed: {first}{tail}{skip}")

    @property
    def build_only(self) -> bool:
        return self.build is not None


@dataclass
class PreflightReport:
    build: BuildResult | None  # None when the build check was not asked for
    warnings: list[str] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        """What the user should hear even though the publish goes ahead."""
        return [self.build.describe()] if self.build is not None and self.build.skipped else []


def preflight(site, build: bool = True, timeout: float = BUILD_TIMEOUT, today: date | None = None) -> PreflightReport:
    """Raise PreflightError when the site must not be published; else say what was checked."""
    problems = lint_site(site, today=today)
    failing = errors(problems)
    if failing:
        raise PreflightError([str(p) for p in failing])
    warnings = [str(p) for p in problems]
    if not build:
        return PreflightReport(None, warnings)
    result = build_site(site.root, timeout=timeout)
    if not result.ok:
        raise PreflightError([f"Jekyll: {result.error}"], build=result)
    return PreflightReport(result, warnings)
