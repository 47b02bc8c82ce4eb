"""content/site.yml is checked against its schema: a wrong value is one FILE:LINE line, never a
traceback, and nothing is written."""

from __future__ import annotations

import pytest

from homepage_tui.cli import main
from homepage_tui.demo import make_demo
from homepage_tui.errors import ContentError
from homepage_tui.settings import Settings


@pytest.fixture
def site(tmp_path):
    return make_demo(tmp_path / "site").root


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.splitlines()) if needle in line)


def test_indent_four_in_site_yml_is_a_one_line_error_from_check(site, capsys):
    path = site / "content" / "site.yml"
    text = path.read_text(encoding="utf-8").replace("    indent: 4\n", "    indent: four\n")
    path.write_text(text, encoding="utf-8")
    page = (site / "_pages" / "about.md").read_bytes()
    code = main(["check", "--site", str(site)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"site.yml:{line_of(text, 'indent: four')}: sections.service.indent: expected a whole number" in err
    assert main(["render", "--site", str(site)]) == 1  # every command says the same, and writes nothing
    assert (site / "_pages" / "about.md").read_bytes() == page


@pytest.mark.parametrize("bad, needle, message", [
    ("    type: blog\n", "type: blog", "sections.news.type: unknown type 'blog'"),
    ("    tempalte: x\n", "tempalte", "sections.news.tempalte: unknown setting"),
    ("    bullets: '*'\n", "bullets", "sections.news.bullets: expected a list"),
    ("    title: [a, b]\n", "title: [a", "sections.news.title: expected text"),
    ("    layouts: [a]\n", "layouts", "sections.news.layouts: expected settings"),
])
def test_each_wrong_setting_names_its_line(tmp_path, bad, needle, message):
    text = "names: [Me]\nsections:\n  news:\n" + bad
    path = tmp_path / "site.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        Settings.load(path)
    assert str(caught.value) == f"{path}:{line_of(text, needle)}: {message}" or \
        str(caught.value).startswith(f"{path}:{line_of(text, needle)}: {message}")


def test_good_settings_read_as_before(site):
    settings = Settings.load(site / "content" / "site.yml")
    assert settings.names == ["Z. Tang", "Zhenheng Tang"]
    assert settings.page == "_pages/about.md"
    assert settings.sections["service"]["indent"] == 4
    assert settings.sections["publications"]["separator"] == "\n\n"
    assert list(settings.sections)[:3] == ["news", "publications", "awards"]


def test_a_single_name_and_empty_sections_are_fine(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("names: Me\npage: index.md\nsections:\n  news:\n", encoding="utf-8")
    settings = Settings.load(path)
    assert settings.names == ["Me"] and settings.page == "index.md" and settings.sections == {"news": {}}


def test_broken_yaml_in_site_yml_keeps_line_and_column(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("names: [Me\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"site.yml:\d+:\d+: "):
        Settings.load(path)
