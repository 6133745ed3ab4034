"""Every file in the bad-input corpus through `analyze`, the reader and `import`.

The promise (issue 7): a correct rendering or one clear error line with exit
status 2; never a traceback, never a hang, never a touched database. The
corpus and what each file is for: tests/bad_inputs/README.md.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id
from readerapp.core.article import MAX_ARTICLE_BYTES, ArticleError, load_article
from readerapp.core.store import AnnotationStore

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
SIZE = (120, 40)
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def load_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = load_corpus_module()

# name -> None if the article opens, else a word its one error line must contain.
EXPECTED_ERROR: dict[str, str | None] = {
    "empty.txt": "empty",
    "whitespace-only.txt": "empty",
    "binary.txt": "binary",
    "png-renamed.txt": "binary",
    "latin1.txt": None,
    "utf16-bom.txt": None,
    "utf16be-bom.txt": None,
    "utf16-no-bom.txt": None,
    "utf8-bom.txt": None,
    "crlf.txt": None,
    "lone-cr.txt": None,
    "only-title.txt": None,
    "no-blank-lines.txt": None,
    "unbalanced-quotes.txt": None,
    "nested-quotes.txt": None,
    "rich-markup.txt": None,
    "markup.md": None,
    "terminal-escapes.txt": None,
    "bidi-controls.txt": None,
    "rtl-arabic-hebrew.txt": None,
    "wide-cjk-emoji.txt": None,
    "combining-marks.txt": None,
    "invalid-utf8.txt": None,
    "nul-after-8k.txt": None,
    "json-export-lookalike.txt": None,
    "cp1252-smart-quotes.txt": None,
    "rules-only.md": "empty",
    "saved-web-page.txt": None,
    "one-mb-line.txt": None,
    "big-50mb.txt": f"up to {MAX_ARTICLE_BYTES // 2**20} MB",
    "dev-zero.txt": "is a device, not a regular file",
    "symlink-loop.txt": "symbolic links",
    "dangling-symlink.txt": "no such file",
    "unreadable.txt": "permission denied",
    "directory.txt": "directory",
}

# What the reader must show (title and body) for each input that opens.
SHOWN: dict[str, tuple[str, ...]] = {
    "latin1.txt": ("Café owners protest", "«Nous ne paierons pas», a dit Renée Müller"),
    "utf16-bom.txt": ("Port deal questioned", "Grüße aus Köln."),
    "utf16be-bom.txt": ("Port deal questioned", "The union accused the port authority"),
    "utf16-no-bom.txt": ("Port deal questioned", "The union accused the port authority"),
    "utf8-bom.txt": ("Port deal questioned", '"The contract was signed in secret," said'),
    "crlf.txt": ("4 May 2021", "The union accused the port authority of hiding the fees."),
    "lone-cr.txt": ("4 May 2021", "The union accused the port authority of hiding the fees."),
    "only-title.txt": ("Port deal questioned", "0 words"),
    "no-blank-lines.txt": ("Port deal questioned", "Nobody answered the phone at the port."),
    "unbalanced-quotes.txt": ('"The contract was signed in secret, said', "fees.”"),
    "nested-quotes.txt": ("“He told me, ‘They said “never” to us,’ and left,”",),
    "rich-markup.txt": (
        "[bold red]Markup[/] in the title",
        '"It was [bold red]x[/] and [link=http://x]y[/link]," said [b]Eve[/b].',
        "Array [00] and [/] and [ and ] and [[escaped]] and \\[bold] stay literal.",
    ),
    "markup.md": ("[bold]Markdown[/bold] title", "[link=http://x]y[/link]", "A real link and"),
    "terminal-escapes.txt": (
        "Escapes red title",
        "Clear screen, OSC title, link hyperlink, bell , backspace , cursor home, reset, save,"
        " tput sgr0.",
        '"Still readable," said Ana Ruiz.',
    ),
    "bidi-controls.txt": ("Access level: user admin and \u200fmarks\u200e here.",),
    "rtl-arabic-hebrew.txt": ("الميناء والعقد", "said Dana Levi"),
    "wide-cjk-emoji.txt": ("港口合同受到质疑 🚢", "「合同是秘密签署的」", "We are 😡 about it"),
    "combining-marks.txt": ("Café and naïve",),
    "invalid-utf8.txt": ("“The café is naïve — and closed,” said Renée.", "Then a stray � byte"),
    "nul-after-8k.txt": ("Late NUL", "word word word"),
    "json-export-lookalike.txt": ('{"format": "readerapp-export", "version": 999}',),
    "cp1252-smart-quotes.txt": (
        "“The contract was signed in secret,” said Ana Ruiz",
        "– and a café",
    ),
    "saved-web-page.txt": ("<!DOCTYPE html>", "<script>alert(1)</script>", "<b>Ana Ruiz</b>"),
    "one-mb-line.txt": ("The council signed the contract in secret,",),
}

# What `readerapp import` must say when the file itself cannot be read; any other
# input is read but is no export, and the line ends "nothing was imported".
IMPORT_ERROR = {
    "symlink-loop.txt": "symbolic links",
    "dangling-symlink.txt": "no such file",
    "unreadable.txt": "permission denied",
    "directory.txt": "is a directory",
    "dev-zero.txt": "is a device",
}

SLOW = {"big-50mb.txt", "one-mb-line.txt", "dev-zero.txt"}


def cases(names: list[str] | dict[str, str]) -> list[object]:
    """The names as test parameters, the big inputs marked slow (`-m "not slow"` skips them)."""
    return [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in names]


OPENS = [name for name, error in EXPECTED_ERROR.items() if error is None]
REJECTED = [name for name, error in EXPECTED_ERROR.items() if error is not None]

# Root reads a chmod-0 file anyway, so as root the permission error is simulated:
# the same CLI, with Path.open refusing that one file as the kernel would.
DENY_WRAPPER = """
import errno, os, pathlib, sys
real_open, real_os_open = pathlib.Path.open, os.open
def denied(self, *args, **kwargs):
    if self.name == "unreadable.txt":
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    return real_open(self, *args, **kwargs)
def os_denied(path, *args, **kwargs):
    if os.fspath(path).endswith("unreadable.txt"):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
    return real_os_open(path, *args, **kwargs)
pathlib.Path.open = denied
os.open = os_denied
from readerapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(autouse=True)
def time_bound(request: pytest.FixtureRequest) -> Iterator[None]:
    """A hang fails the test instead of stalling CI, even one that blocks the event loop.

    Subprocesses have their own timeouts; this also bounds the pilot, whose key
    presses would otherwise wait forever on a UI stuck in a long computation.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return
    callspec = getattr(request.node, "callspec", None)
    seconds = 2 * timeout_for(callspec.params.get("name", "") if callspec else "")

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{request.node.name} ran for more than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def runtime_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The inputs git cannot hold sensibly, made once per session."""
    made: dict[str, Path] = make_corpus.make_runtime_inputs(tmp_path_factory.mktemp("inputs"))
    return made


def input_path(name: str, runtime_inputs: dict[str, Path]) -> Path:
    return runtime_inputs.get(name) or CORPUS / name


def run_cli(
    *args: str, timeout: float, deny: bool = False, stdout_encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """`readerapp ARGS` in a subprocess; a hang fails the test instead of blocking CI."""
    command = [sys.executable, "-c", DENY_WRAPPER] if deny else [sys.executable, "-m", "readerapp"]
    try:
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            encoding=stdout_encoding,
            errors="replace",
            timeout=timeout,
            env={
                **os.environ,
                "COLUMNS": "200",
                "NO_COLOR": "1",
                "PYTHONIOENCODING": stdout_encoding,
            },
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"readerapp {' '.join(args)} hung for more than {timeout} s")


def timeout_for(name: str) -> float:
    return 60 if name in SLOW else 20


def deny_for(name: str) -> bool:
    return name == "unreadable.txt" and AS_ROOT


def assert_one_error_line(result: subprocess.CompletedProcess[str], word: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("readerapp: ")
    assert word.lower() in lines[0].lower(), lines[0]
    assert result.stdout == ""


@pytest.fixture
def db_with_a_note(tmp_path: Path) -> Path:
    """A database holding one known annotation, to check that bad imports leave it alone."""
    db = tmp_path / "notes" / "annotations.json"
    text = "The contract was signed in secret."
    store = AnnotationStore(db)
    try:
        store.save(
            Annotation(
                id=new_id(),
                article=ArticleRef(sha256="0" * 64, path="/nowhere/story.txt", title="Story"),
                selector=TextSelector.from_text(text, 4, 12),
                colour="yellow",
                tags=("known",),
                note="must survive every bad import",
            )
        )
    finally:
        store.close()
    return db


def test_corpus_has_every_kind_of_input_and_files_match_the_script() -> None:
    """The committed files are exactly what make_corpus.py writes, and nothing is missing."""
    small = make_corpus.small_inputs()
    assert len(EXPECTED_ERROR) >= 20
    for name, data in small.items():
        assert (CORPUS / name).read_bytes() == data, f"rerun make_corpus.py: {name} differs"
        assert name in EXPECTED_ERROR, name
    assert set(SHOWN) == set(OPENS)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED_ERROR:
        assert f"`{name}`" in readme, f"README.md does not describe {name}"


# -- (a) readerapp analyze ------------------------------------------------------


@pytest.mark.parametrize("name", cases(OPENS))
def test_analyze_json_spans_are_the_text(name: str, runtime_inputs: dict[str, Path]) -> None:
    path = input_path(name, runtime_inputs)
    result = run_cli("analyze", str(path), "--json", timeout=timeout_for(name))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    article = load_article(path)
    text = article.text
    assert data["title"] == article.title
    for speaker in data["speakers"]:
        assert len(speaker["quotes"]) == len(speaker["quote_spans"])
        for quote, (start, end) in zip(speaker["quotes"], speaker["quote_spans"], strict=True):
            assert text[start:end] == quote, (name, speaker["name"])
    for allegation in data["allegations"]:
        start, end = allegation["evidence_span"]
        assert text[start:end] == allegation["evidence_substring"], name


@pytest.mark.parametrize("name", cases(OPENS))
def test_analyze_report_prints_the_text_literally(
    name: str, runtime_inputs: dict[str, Path]
) -> None:
    path = input_path(name, runtime_inputs)
    result = run_cli("analyze", str(path), timeout=timeout_for(name))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "\x1b" not in result.stdout
    title = load_article(path).title
    assert title.split()[0] in result.stdout
    if name == "rich-markup.txt":
        assert "[bold red]Markup[/] in the title" in result.stdout


@pytest.mark.parametrize("name", cases(REJECTED))
@pytest.mark.parametrize("json_flag", [(), ("--json",)], ids=["report", "json"])
def test_analyze_rejects_with_one_line(
    name: str, json_flag: tuple[str, ...], runtime_inputs: dict[str, Path]
) -> None:
    path = input_path(name, runtime_inputs)
    result = run_cli(
        "analyze", str(path), *json_flag, timeout=timeout_for(name), deny=deny_for(name)
    )
    assert_one_error_line(result, str(EXPECTED_ERROR[name]))


# -- (b) the reader ---------------------------------------------------------------


def visible_text(app: object) -> str:
    """The whole screen as the user sees it, one line per row."""
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def flowed(text: str) -> str:
    """Words joined by single spaces: a fragment matches however the pane wrapped it."""
    return " ".join(text.split())


def reader_text(app: object) -> str:
    """The header and the article pane as rendered, without the sidebar beside them."""
    screen = app.screen  # type: ignore[attr-defined]
    view = screen.pane
    rows = ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]
    header = str(screen.query_one("#article-header").render())
    return flowed(header + "\n" + "\n".join(rows))


@pytest.mark.parametrize("name", cases(OPENS))
async def test_reader_shows_the_article(
    name: str, runtime_inputs: dict[str, Path], tmp_path: Path
) -> None:
    from readerapp.ui.app import ReaderApp

    article = load_article(input_path(name, runtime_inputs))
    app = ReaderApp(article, db_path=tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout_for(name))
        await pilot.pause()
        shown = visible_text(app)
        article_shown = reader_text(app)
        for fragment in SHOWN[name]:
            assert flowed(fragment) in article_shown, (name, fragment)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "analysis failed" not in shown
        if article.notice:  # a guessed encoding is said, not silent
            messages = [n.message for n in app._notifications]
            assert article.notice in messages, messages
        await pilot.press("G", "g", "pagedown", "j")
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout_for(name))
        assert app.is_running


@pytest.mark.parametrize("name", cases([n for n in REJECTED if n != "directory.txt"]))
def test_reader_rejects_with_one_line(
    name: str, runtime_inputs: dict[str, Path], tmp_path: Path
) -> None:
    """The reader checks the path before any UI starts: the CLI's one-line error path."""
    path = input_path(name, runtime_inputs)
    db = tmp_path / "db.json"
    result = run_cli(str(path), "--db", str(db), timeout=timeout_for(name), deny=deny_for(name))
    assert_one_error_line(result, str(EXPECTED_ERROR[name]))
    assert not db.exists()
    if not deny_for(name):
        with pytest.raises(ArticleError) as err:
            load_article(path)
        assert "\n" not in str(err.value)


async def test_a_directory_opens_as_a_library(
    runtime_inputs: dict[str, Path], tmp_path: Path
) -> None:
    from readerapp.ui.app import ReaderApp

    app = ReaderApp(library=runtime_inputs["directory.txt"], db_path=tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), 20)
        await pilot.pause()
        assert "Port deal questioned" in visible_text(app)


async def test_a_library_of_bad_inputs_lists_them_with_their_errors(
    runtime_inputs: dict[str, Path], tmp_path: Path
) -> None:
    """A folder holding the whole corpus: readable ones listed, the others with one line."""
    from readerapp.ui.app import ReaderApp

    folder = runtime_inputs["big-50mb.txt"].parent
    for name in ("binary.txt", "empty.txt", "rich-markup.txt", "terminal-escapes.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    app = ReaderApp(library=folder, db_path=tmp_path / "db.json")
    async with app.run_test(size=(160, 40)) as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), 30)
        for _ in range(100):  # the table draws its new rows on a later frame, under load
            await pilot.pause(0.05)
            shown = visible_text(app)
            if "Markup" in shown:
                break
        assert "[bold red]Markup[/] in the title" in shown
        assert "this is a binary file" in shown and "the file is empty" in shown
        assert "opens articles up to" in shown
        assert "\x1b" not in shown


# -- (c) readerapp import -----------------------------------------------------------


@pytest.mark.parametrize("name", cases(list(EXPECTED_ERROR)))
def test_import_rejects_and_leaves_the_database_alone(
    name: str, runtime_inputs: dict[str, Path], db_with_a_note: Path
) -> None:
    before = db_with_a_note.read_bytes()
    path = input_path(name, runtime_inputs)
    result = run_cli(
        "import",
        str(path),
        "--db",
        str(db_with_a_note),
        timeout=timeout_for(name),
        deny=deny_for(name),
    )
    assert_one_error_line(result, IMPORT_ERROR.get(name, "nothing was imported"))
    assert db_with_a_note.read_bytes() == before


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf-8 BOM", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("utf-16 BOM", lambda text: text.encode("utf-16")),
    ],
)
def test_an_export_resaved_with_a_byte_order_mark_imports(
    label: str, encode: object, db_with_a_note: Path, tmp_path: Path
) -> None:
    """Notepad adds a UTF-8 BOM, PowerShell 5's `>` writes UTF-16: still the user's export."""
    exported = run_cli("export", "--db", str(db_with_a_note), timeout=20)
    assert exported.returncode == 0, exported.stderr
    saved = tmp_path / "resaved.json"
    saved.write_bytes(encode(exported.stdout))  # type: ignore[operator]
    fresh = tmp_path / "fresh.json"
    result = run_cli("import", str(saved), "--db", str(fresh), timeout=20)
    assert result.returncode == 0, (label, result.stderr)
    assert "1 added" in result.stdout


@pytest.mark.parametrize(
    ("name", "notice"),
    [
        ("latin1.txt", "read as Windows-1252"),
        ("cp1252-smart-quotes.txt", "read as Windows-1252"),
        ("invalid-utf8.txt", "not valid UTF-8 in 2 places"),
        ("utf8-bom.txt", None),
        ("utf16-no-bom.txt", None),
    ],
)
def test_a_guessed_encoding_comes_with_a_notice(name: str, notice: str | None) -> None:
    """The reader shows `Article.notice`: the user learns the text may be wrong, and why."""
    article = load_article(CORPUS / name)
    if notice is None:
        assert article.notice is None
    else:
        assert article.notice is not None and notice in article.notice


@pytest.mark.parametrize("command", [(), ("analyze",), ("analyze", "--json")])
def test_an_empty_path_is_an_error_not_the_sample(command: tuple[str, ...], tmp_path: Path) -> None:
    """`readerapp "$FILE"` with FILE unset used to open the bundled sample without a word."""
    db = tmp_path / "db.json"
    result = run_cli(*command, "", *(() if command else ("--db", str(db))), timeout=20)
    assert_one_error_line(result, "the path is empty")
    assert not db.exists()


APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + bytes(60)


def test_a_library_leaves_out_hidden_files(tmp_path: Path) -> None:
    """macOS's `._name.txt` beside each copied file is binary; it must not be listed."""
    from readerapp.core.library import load_library

    (tmp_path / "story.txt").write_bytes((CORPUS / "crlf.txt").read_bytes())
    (tmp_path / "._story.txt").write_bytes(APPLE_DOUBLE)
    (tmp_path / ".#draft.md").write_bytes(b"user@host.1234:1700000000")
    entries = load_library(tmp_path)
    assert [(e.path.name, e.error) for e in entries] == [("story.txt", None)]

    only_hidden = tmp_path / "only-hidden"
    only_hidden.mkdir()
    (only_hidden / "._story.txt").write_bytes(APPLE_DOUBLE)
    result = run_cli(str(only_hidden), "--db", str(tmp_path / "db.json"), timeout=20)
    assert_one_error_line(result, "no articles")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("name", ["wide-cjk-emoji.txt", "rtl-arabic-hebrew.txt"])
def test_analyze_on_a_console_that_cannot_show_the_text(name: str, encoding: str) -> None:
    """A Windows console or a Latin-1 locale: no UnicodeEncodeError traceback.

    The JSON falls back to \\u escapes (the same JSON, nothing lost); the report
    shows '?' for the characters the console lacks.
    """
    path = CORPUS / name
    result = run_cli("analyze", str(path), "--json", timeout=20, stdout_encoding=encoding)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = load_article(path).text
    assert data["title"] == load_article(path).title
    for speaker in data["speakers"]:
        for quote, (start, end) in zip(speaker["quotes"], speaker["quote_spans"], strict=True):
            assert text[start:end] == quote
    report = run_cli("analyze", str(path), timeout=20, stdout_encoding=encoding)
    assert report.returncode == 0, report.stderr
    assert "Speakers" in report.stdout and report.stderr == ""


def test_import_reports_on_an_ascii_console(db_with_a_note: Path, tmp_path: Path) -> None:
    """The success line names the file; a non-ASCII name must not turn success into a crash."""
    export = tmp_path / "été.json"
    exported = run_cli("export", "--db", str(db_with_a_note), "-o", str(export), timeout=20)
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.json"
    result = run_cli("import", str(export), "--db", str(fresh), timeout=20, stdout_encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "\\xe9t\\xe9.json" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    "command",
    [("{path}", "--db", "{db}"), ("analyze", "{path}"), ("import", "{path}", "--db", "{db}")],
)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    """Reading a FIFO blocks until something writes to it: a reader would hang forever on
    `readerapp story.txt` when story.txt is a pipe. Each command must refuse it at once."""
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    db = tmp_path / "db.json"
    args = [part.format(path=fifo, db=db) for part in command]
    result = run_cli(*args, timeout=20)
    assert_one_error_line(result, "named pipe")
    assert not db.exists()
