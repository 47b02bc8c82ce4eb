"""homepage-tui preview [--html OUT]"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..site import Site

NAME = "preview"
HELP = ("show the rendered page in the terminal (--html OUT: write a standalone HTML file; "
        "--serve: serve it to a browser on 127.0.0.1, reloaded when the content changes)")
WATCH_INTERVAL = 0.5  # seconds between looks at the content files while serving


def add_arguments(parser) -> None:
    parser.add_argument("--html", metavar="OUT", help="write the page as a standalone HTML file")
    parser.add_argument("--section", metavar="NAME", help="only this section")
    parser.add_argument("--serve", action="store_true",
                        help="serve the page on 127.0.0.1 (the real site with Jekyll when installed) and reload "
                             "the browser when content/ or the page changes; ctrl+c stops")
    parser.add_argument("--port", type=int, default=0, help="with --serve: the port (default: any free one)")
    parser.add_argument("--no-jekyll", action="store_true",
                        help="with --serve: homepage-tui's own HTML render even when Jekyll is installed")


def serve(args) -> int:
    import signal
    import time

    from ..errors import HomepageError
    from ..preview_server import site_pages, start_preview
    from ..site import Site

    def stop_on_term(signum, frame):  # `kill` stops the server as ctrl+c does, Jekyll included
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_term)
    site = Site.open(args.site)
    seen = stamps(site)  # before reading: an edit made while Jekyll starts is seen at the first look
    main, pages = site_pages(site)
    server, note = start_preview(site.root, main, pages, site.root.name,
                                 use_jekyll=False if args.no_jekyll else None, port=args.port)
    print(f"serving {server.url} ({note}); ctrl+c stops", flush=True)

    try:
        while True:
            time.sleep(WATCH_INTERVAL)
            now = stamps(site)
            if now == seen:
                continue
            seen = now
            try:
                fresh = Site.open(args.site)  # read every file again: someone edited them
                server.update(site_pages(fresh)[1])
                print("updated", flush=True)
            except HomepageError as error:
                print(f"homepage-tui: {error} (still serving the last good page)", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()


def stamps(site: Site) -> dict:
    """What changes when someone edits the content or the page: each file's mtime and size."""
    out: dict = {}
    for path in [*site.content_dir.glob("*.yml"), site.page_path]:
        try:
            st = path.stat()
            out[path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            out[path] = None
    return out


def run(args) -> int:
    if args.serve:
        return serve(args)
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..errors import SiteError
    from ..preview import terminal_markdown, to_html
    from ..site import Site
    from ..store import atomic_write

    site = Site.open(args.site)
    if args.section:
        if args.section not in site.section_names():
            raise SiteError(f"no section {args.section!r}; sections: {', '.join(site.section_names())}")
        text = site.render_section_preview(args.section)
    else:
        pages = site.rendered_pages()
        # The page as it will be after `render`: includes spliced in where they are included.
        text = pages.get(site.page_path.resolve(), (None, site.page_path.read_text(encoding="utf-8")))[1]
        for path, (_, new) in pages.items():
            if path != site.page_path.resolve():
                text += "\n\n" + new
    if args.html:
        out = Path(args.html)
        if not out.parent.is_dir():
            raise SiteError(f"{out.parent}: no such folder for the HTML file")
        atomic_write(out, to_html(text, title=site.root.name))
        print(f"wrote {out}")
        return 0
    from rich.console import Console
    from homepage_tui.page_markdown import PageMarkdown

    # In a terminal a link is a hyperlink on its text; piped, the text is followed by (URL).
    console = Console()
    console.print(PageMarkdown(terminal_markdown(text), hyperlinks=console.is_terminal))
    return 0
