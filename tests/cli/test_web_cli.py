"""`readerapp URL`, `readerapp analyze URL`, `readerapp page.html`, as a user types them.

The page comes from a real HTTP server on 127.0.0.1 started by the test; the
command runs in its own process. A bad address or page is one line on stderr,
status 2, and nothing saved. The reader itself is not started: its `run` is
replaced by one that reports which article it was given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_server import PAGES, Site, endless, saved_page, serving

PAGE = saved_page("harbour-dredging.html")
TITLE = "Harbour dredging halted after survey finds toxic silt"
EXTRACTION_MODULES = ("trafilatura", "lxml", "htmldate", "justext", "courlan")

# Runs `readerapp ARGS` through readerapp.cli.main as the console script does, with
# the reader's `run` replaced; reports the article and which heavy modules were loaded.
READER_WRAPPER = """
import json, sys
from readerapp.ui import app as app_module
seen = {}
def run(self, **kwargs):
    seen["title"] = self.article.title if self.article else None
    seen["author"] = self.article.author if self.article else None
    seen["library"] = str(self.library) if self.library else None
app_module.ReaderApp.run = run
from readerapp.cli import main
seen["status"] = main(json.loads(sys.argv[1]))
seen["loaded"] = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
print("REPORT " + json.dumps(seen))
"""


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    site.page("/news/harbour", PAGE)
    with serving(site):
        yield site


def environment(library: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "READERAPP_LIBRARY": str(library), "NO_COLOR": "1", "COLUMNS": "200"}


def readerapp(*args: str, library: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment(library),
    )


def reader(*args: str, library: Path) -> tuple[dict[str, object], str]:
    """The reader launched on ARGS: what it was given, and what went to stderr."""
    result = subprocess.run(
        [sys.executable, "-c", READER_WRAPPER, json.dumps(args), json.dumps(EXTRACTION_MODULES)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment(library),
    )
    assert "Traceback" not in result.stderr, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("REPORT "))
    return json.loads(line.removeprefix("REPORT ")), result.stderr


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readerapp: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert result.stdout == ""


def test_analyze_url_fetches_once_and_then_works_offline(tmp_path: Path) -> None:
    library = tmp_path / "library"
    site = Site()
    site.page("/news/harbour", PAGE)
    with serving(site):
        url = site.url("/news/harbour")
        first = readerapp("analyze", url, "--json", library=library)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["title"] == TITLE and report["date"] == "2024-05-14"
    assert any(s["name"] == "Caroline Ashdown" for s in report["speakers"])
    assert len(list(library.glob("*.txt"))) == 1 and len(list(library.glob("*.source.json"))) == 1
    # The server is gone: the saved copy is the article.
    again = readerapp("analyze", url, "--json", library=library)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == report
    assert len(site.requests) == 1


def test_reader_opens_a_url_and_library_option_beats_the_environment(
    site: Site, tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen"
    seen, _ = reader("--library", str(chosen), site.url("/news/harbour"), library=tmp_path / "env")
    assert (seen["title"], seen["author"], seen["status"]) == (TITLE, "Priya Ramanathan", 0)
    assert "trafilatura" in seen["loaded"]  # a page needs it, so it was loaded
    assert len(list(chosen.glob("*.txt"))) == 1
    assert not (tmp_path / "env").exists()
    # `readerapp --library DIR` alone lists the saved pages.
    listed, _ = reader("--library", str(chosen), library=tmp_path / "env")
    assert listed["library"] == str(chosen) and listed["status"] == 0


def test_refresh_fetches_again(site: Site, tmp_path: Path) -> None:
    url = site.url("/news/harbour")
    assert reader(url, library=tmp_path)[0]["title"] == TITLE
    site.page("/news/harbour", saved_page("amp-rail-strike.html"))
    assert reader(url, library=tmp_path)[0]["title"] == TITLE
    seen, _ = reader("--refresh", url, library=tmp_path)
    assert seen["title"] == "Rail workers vote to strike over ticket office closures"
    assert len(site.requests) == 2


def test_a_txt_article_loads_no_extraction_library(sample_path: Path, tmp_path: Path) -> None:
    """Opening a .txt must cost exactly what it did before web pages existed."""
    seen, _ = reader(str(sample_path), library=tmp_path)
    assert seen["status"] == 0 and seen["loaded"] == []
    analyzed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "readerapp", "analyze", str(sample_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment(tmp_path),
    )
    assert analyzed.returncode == 0, analyzed.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0] for line in analyzed.stderr.splitlines()
    }
    assert "readerapp" in imported  # the trace is really there
    assert not imported & set(EXTRACTION_MODULES)


def test_a_saved_html_page_opens_with_its_metadata(tmp_path: Path) -> None:
    result = readerapp("analyze", str(PAGES / "amp-rail-strike.html"), "--json", library=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["title"] == "Rail workers vote to strike over ticket office closures"
    assert report["date"] == "2023-09-02"
    seen, _ = reader(str(PAGES / "paywall-council-budget.html"), library=tmp_path)
    assert seen["author"] == "Ana Lucía Ferreira"
    assert not tmp_path.exists() or not list(tmp_path.iterdir())  # a file is not fetched


BAD_PAGES = {
    "/missing": ("404 Not Found",),
    "/down": ("503", "try again later"),
    "/report.pdf": ("not a web page", "application/pdf"),
    "/loop": ("too many redirects",),
    "/huge": ("50 MB",),
    "/login": ("no article text",),
}


@pytest.mark.parametrize(
    ("command", "path"),
    [("analyze", path) for path in BAD_PAGES]
    + [("reader", "/missing"), ("reader", "/huge"), ("export", "/loop"), ("export", "/login")],
)
def test_a_bad_page_is_one_line_and_saves_nothing(
    site: Site, tmp_path: Path, command: str, path: str
) -> None:
    site.routes["/down"] = (503, {}, b"")
    site.page("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    site.redirect("/loop", "/loop2")
    site.redirect("/loop2", "/loop")
    site.routes["/huge"] = endless(50, declare_length=True)
    site.page("/login", saved_page("no-article-login.html"))
    library = tmp_path / "library"
    before = {
        "reader": (),
        "analyze": ("analyze",),
        "export": ("export", "--db", str(tmp_path / "db")),
    }[command]
    result = readerapp(*before, site.url(path), library=library)
    assert_one_line_error(result, *BAD_PAGES[path])
    assert not library.exists()


def test_refused_connection_and_refresh_of_a_file(tmp_path: Path, sample_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = readerapp("analyze", f"http://127.0.0.1:{port}/story", library=tmp_path / "lib")
    assert_one_line_error(refused, "refused the connection")
    assert_one_line_error(
        readerapp("--refresh", str(sample_path), library=tmp_path / "lib"), "--refresh"
    )
    assert_one_line_error(
        readerapp("analyze", "--refresh", str(sample_path), library=tmp_path / "lib"), "--refresh"
    )
    assert not (tmp_path / "lib").exists()


def test_exports_carry_the_page_address_as_the_source(site: Site, tmp_path: Path) -> None:
    """A W3C export of notes on a fetched page targets the page itself, as Hypothesis does."""
    from readerapp.core.notebook import Notebook
    from readerapp.core.store import AnnotationStore
    from readerapp.core.web.saved_copy import open_url

    library, db = tmp_path / "library", tmp_path / "notes.json"
    url = site.url("/news/harbour")
    article = open_url(url, library=library)
    store = AnnotationStore(db)
    notebook = Notebook(store, article)
    start = article.text.index("Harbour Watch")
    notebook.create(start, start + len("Harbour Watch"), note="who funds them?")
    notebook.close()
    store.close()

    w3c = readerapp("export", url, "--format", "w3c", "--db", str(db), library=library)
    assert w3c.returncode == 0, w3c.stderr
    [item] = json.loads(w3c.stdout)["first"]["items"]
    source = item["target"]["source"]
    assert source["id"] == url
    assert source["readerapp:sha256"] == article.sha256

    exported = readerapp("export", url, "--db", str(db), library=library)
    [entry] = json.loads(exported.stdout)["articles"]
    assert (entry["source"], entry["sha256"]) == (url, article.sha256)

    # Imported elsewhere, the notes keep the text's identity, not just the address.
    export_file = tmp_path / "export.w3c.json"
    export_file.write_text(w3c.stdout, encoding="utf-8")
    other_db = tmp_path / "other.json"
    imported = readerapp("import", str(export_file), "--db", str(other_db), library=library)
    assert imported.returncode == 0, imported.stderr
    store = AnnotationStore(other_db, read_only=True)
    try:
        [note] = store.all()
    finally:
        store.close()
    assert note.article.sha256 == article.sha256 and note.note == "who funds them?"


def test_a_saved_page_without_an_article_is_one_line(tmp_path: Path) -> None:
    result = readerapp(str(PAGES / "no-article-login.html"), library=tmp_path)
    assert_one_line_error(result, "no article text found")
    missing = readerapp(str(tmp_path / "gone.html"), library=tmp_path)
    assert_one_line_error(missing, "no such file")


def test_an_empty_library_says_how_to_fill_it(tmp_path: Path) -> None:
    result = readerapp("--library", str(tmp_path / "none-yet"), library=tmp_path)
    assert_one_line_error(result, "no saved pages yet", "readerapp URL")
