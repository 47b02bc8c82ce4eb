"""Only what pyproject.toml cannot say: find every homepage_tui package automatically, and ship the
repository's top-level content/ (the bundled demo content) as the package homepage_tui.demo_content,
so that `homepage-tui demo` works from a wheel as from a checkout."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["homepage_tui", "homepage_tui.*"]) + ["homepage_tui.demo_content"],
    package_dir={"homepage_tui.demo_content": "content"},
)
