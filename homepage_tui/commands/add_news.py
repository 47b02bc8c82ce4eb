"""homepage-tui add-news --date YYYY.MM TEXT"""

from __future__ import annotations

NAME = "add-news"
HELP = "add a news entry at the top of the news section, then regenerate the page"


def add_arguments(parser) -> None:
    parser.add_argument("--date", required=True, help="YYYY.MM or YYYY.MM.DD")
    parser.add_argument("--emoji", default=None, help="shown before the text (default: the newest entry's; --emoji \"\" for none)")
    parser.add_argument("text", nargs="+", help="the news text (markdown)")


def run(args) -> int:
    # imported here, not at the top: `--help` and the other commands must not pay for it
    from ..errors import ValidationError
    from ..model import validate_new_date
    from ..site import Site

    message = validate_new_date(args.date)
    if message:
        raise ValidationError({"date": message})
    site = Site.open(args.site)
    text = " ".join(args.text)
    section = site.add_news(args.date, text, emoji=args.emoji)
    print(f"added to {section.path.relative_to(site.root)} and regenerated {site.settings.page}")
    return 0
