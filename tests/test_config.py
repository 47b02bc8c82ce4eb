"""Settings: one TOML file (HOMEPAGE_TUI_CONFIG here, never the real home folder), read with
tomllib and checked with pydantic; a bad value is one line naming the file, line and key, and the
rest is used. `config --show` prints what is in force without importing Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from homepage_tui.config import EXAMPLE, Settings, config_path, load_settings
from homepage_tui.external_editor import editor_command


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_path_follows_the_environment_and_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("HOMEPAGE_TUI_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("HOMEPAGE_TUI_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "homepage-tui" / "config.toml"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config_path() == tmp_path / "home" / ".config" / "homepage-tui" / "config.toml"


def test_no_file_is_the_defaults(tmp_path):
    assert load_settings(tmp_path / "none.toml") == (Settings(), [])


def test_the_readme_example_is_read_whole(tmp_path):
    settings, problems = load_settings(write(tmp_path, EXAMPLE))
    assert problems == []
    assert settings.theme == "nord" and settings.editor == "vim"
    assert (settings.preview.width, settings.preview.debounce_ms) == (60, 150)
    assert settings.keys == {"save": "ctrl+w", "new_news": "N"}


def test_a_bad_value_is_one_line_with_file_line_and_key_and_the_rest_is_kept(tmp_path):
    path = write(tmp_path, 'theme = "nord"\n\n[preview]\nwidth = 5\ndebounce_ms = "fast"\n'
                           '\n[keys]\nsave = "ctrl+w"\ncolour = 3\n')
    settings, problems = load_settings(path)
    assert settings.theme == "nord" and settings.keys == {"save": "ctrl+w"}
    assert settings.preview == Settings().preview  # both bad values fell back to the default
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert problems[0].startswith(f"{path}:4: preview.width: ") and "greater than or equal to 20" in problems[0]
    assert problems[1].startswith(f"{path}:5: preview.debounce_ms: ") and "'fast'" in problems[1]
    assert problems[2].startswith(f"{path}:9: keys.colour: ")


def test_an_unknown_key_and_a_wrong_table_are_named(tmp_path):
    path = write(tmp_path, 'colour = "red"\npreview = 3\n')
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert sorted(problems) == sorted([
        f"{path}:1: colour: unknown setting; ignored",
        f"{path}:2: preview: Input should be a valid dictionary or instance of PreviewFile (got 3); using the default",
    ])


def test_a_file_that_is_not_toml_gives_the_defaults_and_its_line(tmp_path):
    path = write(tmp_path, 'theme = "nord"\neditor = \n')
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: not TOML")


def test_editor_commands_put_the_line_where_each_editor_wants_it(tmp_path):
    f = tmp_path / "news.yml"
    assert editor_command("vim", f, 12) == ["vim", "+12", str(f)]
    assert editor_command("emacs -nw", f, 3) == ["emacs", "-nw", "+3", str(f)]
    assert editor_command("code --wait", f, 7) == ["code", "--wait", "-g", f"{f}:7"]
    assert editor_command("myedit --at {line} {file}", f, 5) == ["myedit", "--at", "5", str(f)]


def cli(*argv, env_file: Path) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "HOMEPAGE_TUI_CONFIG": str(env_file)}
    return subprocess.run([sys.executable, "-m", "homepage_tui", *argv], capture_output=True, text=True,
                          env=env, timeout=60, stdin=subprocess.DEVNULL)


def test_config_show_prints_the_settings_in_force_and_the_problems_on_stderr(tmp_path):
    path = write(tmp_path, 'theme = "gruvbox"\n[preview]\nwidth = 5\n[keys]\n"app.quit" = "ctrl+x"\n')
    proc = cli("config", "--show", env_file=path)
    assert proc.returncode == 0
    assert proc.stderr == (f"homepage-tui: {path}:3: preview.width: Input should be greater than or equal to 20 "
                           "(got 5); using the default\n")
    assert f"# settings file: {path}\n" in proc.stdout
    assert 'theme = "gruvbox"\n' in proc.stdout and "debounce_ms = 100\n" in proc.stdout
    assert '"app.quit" = "ctrl+x"\n' in proc.stdout
    # What it prints is itself a settings file that reads back the same.
    (tmp_path / "again").mkdir()
    again = write(tmp_path / "again", proc.stdout)
    assert load_settings(again) == (load_settings(path)[0], [])


def test_config_without_a_file_says_so_and_never_imports_textual(tmp_path):
    code = ("import sys; from homepage_tui.cli import main; main(['config', '--show']); "
            "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'NO-TEXTUAL')")
    import os

    env = {**os.environ, "HOMEPAGE_TUI_CONFIG": str(tmp_path / "none.toml")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "(no such file: all defaults)" in proc.stdout
    assert proc.stdout.rstrip().endswith("NO-TEXTUAL")
    assert cli("config", "--path", env_file=tmp_path / "none.toml").stdout == f"{tmp_path / 'none.toml'}\n"
    example = cli("config", "--example", env_file=tmp_path / "none.toml").stdout
    assert example == EXAMPLE
