"""Opening a saved web page, against the same article as .txt, measured in the same run.

    python benchmarks/bench_web.py [--quick]

The page is the sample article wrapped in what a news site sends around it
(inline scripts and styles, navigation, JSON-LD, a cookie banner, related
stories, comments, a footer) to about 300 KB. Each figure is the median time
from spawning a process to its first full frame, the apps alternated so
machine noise hits all alike. Targets: the page ≤ 1.5× the .txt; the .txt ≤
1.2× a minimal Textual app (as in bench_startup). Also: extraction alone,
in-process, once the library is imported (under 0.1 s on a quiet machine).
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from bench_startup import SAMPLE, medians, reference_row, row  # noqa: E402
from reference import reference_seconds  # noqa: E402

PAGE_BYTES = 300_000


def make_page(folder: Path, size: int = PAGE_BYTES) -> Path:
    """The sample article as a news site would serve it, about `size` bytes."""
    title, _, rest = SAMPLE.read_text(encoding="utf-8").partition("\n\n")
    paragraphs = [p for p in rest.split("\n\n") if len(p) > 80]
    story = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    related = "".join(
        f'<li><a href="/story/{i}">Another story headline number {i} that links away</a></li>'
        for i in range(40)
    )
    comments = "".join(
        f'<li class="comment"><span class="who">reader{i}</span><p>A reader comment, '
        f"number {i}, which is not part of the article at all.</p></li>"
        for i in range(40)
    )
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | The Benchmark Times</title>"
        "<meta property='og:site_name' content='The Benchmark Times'>"
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":'
        f'"{html.escape(title)}","datePublished":"2016-04-03","author":'
        '{"@type":"Person","name":"A Reporter"}}</script>'
    )
    body = (
        "<body><div class='cookie-banner'><p>We use cookies to improve your experience. "
        "Accept all or manage your preferences.</p><button>Accept all</button></div>"
        f"<header><nav><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1><time datetime='2016-04-03'>"
        f"3 April 2016</time>{story}</article>"
        f"<aside class='related'><h2>Related stories</h2><ul>{related}</ul></aside>"
        f"<section id='comments'><ol>{comments}</ol></section></main>"
        "<footer><p>© The Benchmark Times. All rights reserved.</p></footer>"
    )
    # What makes real pages heavy: inline scripts and styles, in the head.
    filler = max(0, size - len(head) - len(body) - 60) // 2
    script = "".join(f'"key{i}": {i}, ' for i in range(filler // 11))[:filler]
    style = "".join(f".rule-{i} {{ margin: 0 auto; }}\n" for i in range(filler // 25))[:filler]
    page = (
        f"{head}<script>var config = {{{script}}};</script><style>{style}</style></head>"
        f"{body}</body></html>"
    )
    path = folder / "benchmark-page.html"
    path.write_text(page, encoding="utf-8")
    return path


def extraction_seconds(page: Path, runs: int) -> float:
    """Median seconds to turn the page into an article, the library already imported."""
    from readerapp.core.article import load_article

    load_article(page)  # import and warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_article(page)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        page = make_page(Path(folder))
        kilobytes = page.stat().st_size / 1000
        times = medians(
            3 if quick else 7,
            {
                "minimal": ("minimal",),
                "txt": ("readerapp", str(SAMPLE)),
                "html": ("readerapp", str(page)),
            },
        )
        extract = extraction_seconds(page, 3 if quick else 9)
        reference = reference_seconds()
    return [
        row(
            f"launch to first frame, {kilobytes:.0f} KB saved page",
            times["html"],
            times["txt"],
            1.5,
        ),
        row("  … the same article as .txt", times["txt"], times["minimal"], 1.2),
        reference_row(f"  extraction alone, {kilobytes:.0f} KB page", extract, reference, 0.1),
    ]


if __name__ == "__main__":
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
