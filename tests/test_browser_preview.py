"""The browser preview: the page served on 127.0.0.1 and rebuilt as the content changes, with
the real Jekyll (the user's layout and images) or homepage-tui's own HTML render, seen through
Debian's headless Chromium: a screenshot before and after an edit differs and the text is there."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser import dump_dom, screenshot
from homepage_tui.demo import make_demo
from homepage_tui.preview_server import VERSION_PATH, site_pages, start_preview
from homepage_tui.site import Site

NEW_TEXT = "A freshly typed news item about Chromium"


@pytest.fixture
def site(tmp_path) -> Path:
    return make_demo(tmp_path / "site").root


def fetch(url: str) -> str:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1, never a proxy
    with opener.open(url, timeout=30) as response:
        return response.read().decode("utf-8")


def port_open(url: str) -> bool:
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def edited_pages(root: Path) -> dict[str, str]:
    """The pages after a news edit made in memory, as the editor holds it before saving."""
    site = Site.open(root)
    news = site.section("news")
    news.update(0, {"text": NEW_TEXT})
    return site_pages(site)[1]


@pytest.mark.parametrize("use_jekyll", [False, True], ids=["own-html", "jekyll"])
def test_served_page_follows_an_edit_in_chromium(site, tmp_path, use_jekyll):
    (site / "images").mkdir()
    (site / "images" / "me.png").write_bytes(b"PNG not really")
    main, pages = site_pages(Site.open(site))
    server, note = start_preview(site, main, pages, "demo", use_jekyll=use_jekyll)
    try:
        url = server.url
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
        html = fetch(url)
        assert "homepage-tui live reload" in html and NEW_TEXT not in html
        if use_jekyll:
            assert note == "the real site, built by Jekyll"
            assert '<main class="page__content">' in html  # the site's own layout
            assert "Zhenheng Tang&#39;s Homepage" in html or "Zhenheng Tang's Homepage" in html
            assert fetch(url + "images/me.png") == "PNG not really"  # the site's own files
        before = screenshot(url, tmp_path / "before.png")
        version = server.version
        assert fetch(url + VERSION_PATH.lstrip("/")) == str(version)
        server.update(edited_pages(site))
        assert server.wait_for_version(version, timeout=60)
        assert NEW_TEXT in fetch(url)
        after = screenshot(url, tmp_path / "after.png")
        assert before != after
        assert NEW_TEXT in dump_dom(url)
    finally:
        server.stop()
    assert not port_open(url)
    if use_jekyll:
        assert server.build.process is None and not server.build.work.exists()


def test_preview_serve_command_reloads_on_file_changes_and_stops_jekyll(site):
    proc = subprocess.Popen([sys.executable, "-m", "homepage_tui", "preview", "--serve", "--site", str(site)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        line = proc.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:") and "the real site, built by Jekyll" in line, line
        url = line.split()[1]
        news = site / "content" / "news.yml"
        news.write_text(news.read_text().replace("Our paper", "A served paper", 1))
        deadline = time.monotonic() + 60
        while "A served paper" not in fetch(url):
            assert time.monotonic() < deadline, "the served page never showed the edit"
            time.sleep(0.3)
        assert "A served paper" in dump_dom(url)
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        jekyll = [pid for pid in children if "jekyll" in Path(f"/proc/{pid}/cmdline").read_text()]
        assert len(jekyll) == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    assert not port_open(url)
    assert not Path(f"/proc/{jekyll[0]}").exists() or "zombie" in Path(f"/proc/{jekyll[0]}/status").read_text()
    assert proc.stderr.read() == ""


async def test_w_in_the_editor_serves_the_page_and_follows_typing_until_quit(site):
    import datetime as dt

    from homepage_tui.app.main import HomepageApp

    app = HomepageApp(site, today=dt.date(2025, 3, 14))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        editor = app.editor
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        server = editor.browser
        assert server is not None and server.kind == "jekyll"
        url = server.url
        assert any(url in n.message for n in app._notifications)
        version = server.version
        await pilot.press("enter", "tab", "tab", "end", *" typed in the editor")  # the first news text
        await pilot.pause(0.5)
        assert server.wait_for_version(version, timeout=60)
        deadline = time.monotonic() + 60
        while "typed in the editor" not in fetch(url):
            assert time.monotonic() < deadline
            await pilot.pause(0.2)  # not time.sleep: the app must keep running to send the last keys' text
        assert "typed in the editor" in dump_dom(url)
        assert "typed in the editor" not in (site / "_pages" / "about.md").read_text()  # nothing saved
        jekyll = server.build.process
        await pilot.press("escape", "q", "y")  # quit without saving
        await pilot.pause()
    assert jekyll.poll() is not None and not port_open(url)


def test_a_site_jekyll_cannot_build_falls_back_to_the_own_render_and_says_why(site):
    layout = site / "_layouts" / "default.html"
    layout.write_text(layout.read_text().replace("{{ content }}", "{% endif %}{{ content }}"))
    main, pages = site_pages(Site.open(site))
    server, note = start_preview(site, main, pages, "demo")
    try:
        assert server.kind == "html"
        assert note.startswith("homepage-tui's own render (Jekyll did not build the site: ")
        assert "Our paper" in fetch(server.url)
    finally:
        server.stop()
