"""A deterministic large site for the benchmarks: the demo site with many publications and news.

    python -m benchmarks.generate DIR [--publications N] [--news N] [--seed S]

The site is `homepage_tui.demo.make_demo(DIR)` (its page with regions, a git repository and a bare
origin beside it) whose `content/publications.yml` and `content/news.yml` are replaced by generated
files written in the same commented style as the bundled ones: the explanatory header, a `# YEAR`
comment before each year's first entry, an occasional note comment between entries, a blank line
between publications. The same arguments give the same bytes (the generator uses its own
`random.Random(seed)`, never the clock).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from homepage_tui import model
from homepage_tui.demo import make_demo
from homepage_tui.section import header_for

DEFAULT_SEED = 2026
FIRST_YEAR, LAST_YEAR = 2000, 2025

_SURNAMES = ("Tang", "Wang", "Chu", "Shi", "Li", "Zhang", "Chen", "Liu", "He", "Han", "Zhou", "Huang",
             "Dong", "Pan", "Yan", "Zheng", "Wu", "Guo", "Zeng", "Zhao", "Smith", "Garcia", "Müller",
             "Rossi", "Kim", "Nguyen", "Okafor", "Silva", "Novak", "Ivanova")
_INITIALS = "ABCDEFGHJKLMNPQRSTWXYZ"
_OWN = "Z. Tang"
_ADJECTIVES = ("Efficient", "Scalable", "Robust", "Private", "Adaptive", "Decentralized", "Sparse",
               "Federated", "Communication-Efficient", "Heterogeneity-Aware", "Fault-Tolerant",
               "Memory-Saving", "Bandwidth-Aware", "Asynchronous", "Hierarchical", "Low-Rank")
_TOPICS = ("Training", "Inference", "Compression", "Pruning", "Scheduling", "Aggregation",
           "Serving", "Fine-Tuning", "Quantization", "Routing", "Checkpointing", "Search")
_OBJECTS = ("Large Language Models", "Federated Learning", "Mixture-of-Experts", "Vision Transformers",
            "Graph Neural Networks", "Edge Devices", "GPU Clusters", "Consumer-Level GPUs",
            "Spatiotemporal Forecasting", "Recommendation Systems", "Diffusion Models")
_NAMES = ("FedX", "GossipNet", "SparseFL", "PipeMoE", "QuickServe", "LoRAmix", "ZeroCkpt", "EdgeLM",
          "HeteroSched", "NAS-Lite", "TraceBench", "MemSave")
_VENUES = {
    "conference": ("ICML", "ICLR", "NeurIPS", "AAAI", "IJCAI", "CVPR", "ICPP", "INFOCOM", "MLSys"),
    "journal": ("IEEE Transactions on Parallel and Distributed Systems", "IEEE Network Magazine",
                "Journal of Machine Learning Research", "ACM Computing Surveys"),
    "workshop": ("FL-AAAI Workshop", "FTL-IJCAI Workshop", "CVPR Workshop", "IJCAI-LLM Workshop"),
}
_NOTES = ("# camera-ready pending", "# TODO: add the code link", "# invited extension of the workshop paper")
_EMOJIS = ("🎉🎉", "📢", "🏆", "🎤")
_NEWS_TEXTS = (
    'Our paper "{title}" is accepted at {venue}. ([paper](https://arxiv.org/abs/{arxiv}))',
    '{name} is available. This work studies {topic} for {obj}. ([paper](https://arxiv.org/abs/{arxiv}), '
    '[code](https://github.com/example/{slug}))',
    "Gave a talk on {topic} for {obj} at {venue}.",
    'Our survey "{title}" has been accepted by *{journal}*.',
)


def _quote(text: str) -> str:
    """A YAML scalar the way ruamel writes it: plain where that reads back the same, else quoted."""
    if (": " in text or " #" in text or text[:1] in "'\"[]{}&*!|>%@`#,?-" or text.endswith(":")
            or text != text.strip()):
        return "'" + text.replace("'", "''") + "'"
    return text


def _author(rng: random.Random) -> str:
    return f"{rng.choice(_INITIALS)}. {rng.choice(_SURNAMES)}"


def _title(rng: random.Random, used: set[str]) -> str:
    while True:
        shape = rng.randrange(3)
        if shape == 0:
            title = f"{rng.choice(_ADJECTIVES)} {rng.choice(_TOPICS)} of {rng.choice(_OBJECTS)}"
        elif shape == 1:
            title = (f"{rng.choice(_NAMES)}: {rng.choice(_ADJECTIVES)} and {rng.choice(_ADJECTIVES)} "
                     f"{rng.choice(_TOPICS)} for {rng.choice(_OBJECTS)}")
        else:
            title = f"Towards {rng.choice(_ADJECTIVES)} {rng.choice(_TOPICS)}: A Study of {rng.choice(_OBJECTS)}"
        if title in used:
            title = f"{title} ({len(used)})"
        if title not in used:
            used.add(title)
            return title


def _years(count: int) -> list[int]:
    """`count` years, newest first, spread evenly over FIRST_YEAR..LAST_YEAR."""
    span = LAST_YEAR - FIRST_YEAR + 1
    return [LAST_YEAR - (i * span) // max(count, 1) for i in range(count)]


def publications_yaml(count: int, seed: int = DEFAULT_SEED) -> str:
    rng = random.Random(f"publications-{seed}")
    used: set[str] = set()
    lines = [header_for(model.PUBLICATIONS)]
    previous_year = None
    for i, year in enumerate(_years(count)):
        kind = rng.choices(("conference", "journal", "workshop", "preprint"), (6, 2, 1, 1))[0]
        title = _title(rng, used)
        authors = [_author(rng) for _ in range(rng.randint(2, 9))]
        if rng.random() < 0.7:
            authors[rng.randrange(len(authors))] = _OWN + rng.choice(("", "", "", "\\*", "$\\dagger$"))
        if kind == "preprint":
            venue = f"arXiv preprint arXiv:{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 99999):05d}"
        elif kind == "journal":
            venue = f"In {rng.choice(_VENUES['journal'])}, {year}"
        else:
            venue = f"In {rng.choice(_VENUES[kind])} {year}"
        block: list[str] = []
        if i:
            block.append("\n")
        if year != previous_year:
            block.append(f"# {year}\n")
            previous_year = year
        elif rng.random() < 0.03:
            block.append(rng.choice(_NOTES) + "\n")
        block.append(f"- title: {_quote(title)}\n")
        block.append("  authors:\n")
        block += [f"    - {_quote(a)}\n" for a in authors]
        block.append(f"  venue: {_quote(venue)}\n")
        block.append(f"  year: '{year}'\n")
        block.append(f"  kind: {kind}\n")
        if kind == "preprint" and rng.random() < 0.5:
            block.append("  group: preprint\n")
        if rng.random() < 0.6:
            block.append("  links:\n")
            block.append(f"    paper: https://arxiv.org/abs/{rng.randint(1000, 2599)}.{rng.randint(1, 99999):05d}\n")
            if rng.random() < 0.5:
                block.append(f"    code: https://github.com/example/repo{i}\n")
        lines += block
    return "".join(lines)


def news_yaml(count: int, seed: int = DEFAULT_SEED) -> str:
    rng = random.Random(f"news-{seed}")
    used: set[str] = set()
    lines = [header_for(model.NEWS)]
    previous_year = None
    years = _years(count)
    for i, year in enumerate(years):
        # newest first within the year too
        month = 12 - (11 * years[:i].count(year)) // max(years.count(year) - 1, 1)
        if year != previous_year:
            lines.append(f"# {year}\n")
            previous_year = year
        title = _title(rng, used)
        text = rng.choice(_NEWS_TEXTS).format(
            title=title, venue=f"{rng.choice(_VENUES['conference'])} {year}", arxiv=f"{2000 + i}.{i:05d}",
            name=rng.choice(_NAMES), topic=rng.choice(_TOPICS).lower(), obj=rng.choice(_OBJECTS),
            slug=f"project{i}", journal=rng.choice(_VENUES["journal"]))
        lines.append(f"- date: '{year}.{month:02d}'\n")
        if rng.random() < 0.8:
            lines.append(f"  emoji: {rng.choice(_EMOJIS)}\n")
        lines.append(f"  text: {_quote(text)}\n")
    return "".join(lines)


def make_large_site(path: Path, publications: int = 2000, news: int = 500, seed: int = DEFAULT_SEED,
                    commit: bool = True) -> Path:
    """Make the demo site in `path` (which must not exist or be empty; the bare origin goes beside
    it), replace its publications and news with generated ones, render the page, commit."""
    site = make_demo(Path(path))
    content = site.content_dir
    (content / "publications.yml").write_text(publications_yaml(publications, seed), encoding="utf-8")
    (content / "news.yml").write_text(news_yaml(news, seed), encoding="utf-8")
    from homepage_tui.site import Site
    site = Site.open(site.root)
    site.render()
    if commit:
        import git
        repo = git.Repo(site.root)
        repo.git.add("content", site.settings.page)
        repo.index.commit(f"Large benchmark site: {publications} publications, {news} news (seed {seed})")
    return site.root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="folder to create (must not exist or be empty)")
    parser.add_argument("--publications", type=int, default=2000)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        root = make_large_site(args.dir, args.publications, args.news, args.seed)
    except Exception as exc:  # one line, as the project's commands do
        print(f"{args.dir}: {exc}", file=sys.stderr)
        return 1
    print(f"made {root} ({args.publications} publications, {args.news} news items)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
