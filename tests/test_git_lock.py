"""The app's git lock exists before any worker runs (issue 16): created lazily inside the worker
threads, two workers racing on the first use could each make their own lock and run git at once."""

from __future__ import annotations

import sys
import threading

from textual.app import App

from homepage_tui.app.publish_worker import PublishActions


class Host(PublishActions, App):
    pass


def test_the_lock_is_made_with_the_app_not_on_first_use():
    app = Host()
    assert isinstance(vars(app).get("_git_lock"), type(threading.Lock()))


def test_threads_starting_together_share_one_lock():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: a lazy lock loses the race
    try:
        for _ in range(200):
            app = Host()
            start = threading.Barrier(8)
            seen: list[int] = []

            def first_use() -> None:
                start.wait()
                seen.append(id(app._git_lock))

            threads = [threading.Thread(target=first_use) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert len(set(seen)) == 1
    finally:
        sys.setswitchinterval(old)
