"""The `readerapp` command: open the reader, or dispatch to a subcommand.

Thin by design: subcommands live in `readerapp.commands.*` and are imported
only when named, and Textual is imported only for the interactive reader, so
`readerapp analyze` and `readerapp export` start fast.
"""

from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp import __version__
from readerapp.commands import add_db_option, add_library_options, fail, fetching

if TYPE_CHECKING:
    import argparse

    from readerapp.core.article import Article

SUBCOMMANDS = {
    "analyze": ("readerapp.commands.analyze", "find speakers, quotes and allegations"),
    "eval": ("readerapp.commands.evaluate", "score an analysis against a gold file"),
    "export": ("readerapp.commands.export", "export annotations (json, w3c, md)"),
    "import": ("readerapp.commands.import_", "import annotations from json or w3c"),
}


def reader_parser() -> argparse.ArgumentParser:
    import argparse

    commands = "\n".join(f"  {name:<9} {help_}" for name, (_, help_) in SUBCOMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="readerapp",
        description="Read a news article closely in the terminal: who said what, "
        "who accuses whom, and your own highlights, tags and notes.",
        epilog=f"subcommands (readerapp COMMAND --help):\n{commands}\n\n"
        "With no PATH, opens the bundled sample article (with --library, that folder).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="an article (.txt, .md or a saved .html page), a web address (http or https), "
        "or a folder of articles to browse",
    )
    add_db_option(parser)
    add_library_options(parser)
    parser.add_argument("--version", action="version", version=f"readerapp {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        if isinstance(sys.stdout, io.TextIOWrapper):
            # A console that cannot encode a path or a title (cp1252, ASCII) prints
            # \\xe9-style escapes instead of a traceback after the work is done.
            sys.stdout.reconfigure(errors="backslashreplace")
        module = importlib.import_module(SUBCOMMANDS[argv[0]][0])
        return int(module.main(argv[1:]))
    if argv and (suggestion := misspelt_command(argv[0])):
        return fail(f"{argv[0]!r} is neither a file nor a command; did you mean `{suggestion}`?")
    if len(argv) <= 1 and not (argv and argv[0].startswith("-")):
        # The everyday launch, `readerapp [PATH]`, needs no parser: the first frame comes sooner.
        return run_reader(argv[0] if argv else None, None)
    args = reader_parser().parse_args(argv)
    return run_reader(args.path, args.db, library=args.library, refresh=args.refresh)


def misspelt_command(word: str) -> str | None:
    """`readerapp analyze` when the user typed `analyse` (or `anlyze`) and no such file exists."""
    import difflib

    if word in SUBCOMMANDS or word.startswith("-") or "/" in word or "." in word:
        return None
    close = difflib.get_close_matches(word.casefold(), SUBCOMMANDS, n=1, cutoff=0.75)
    if not close or Path(word).exists():
        return None
    return f"readerapp {close[0]}"


def run_reader(
    path_arg: str | None, db: str | None, *, library: str | None = None, refresh: bool = False
) -> int:
    """Check the path before any UI work so bad input fails fast with one line."""
    from readerapp.core.article import ArticleError, load_article
    from readerapp.core.library import article_files
    from readerapp.core.locations import bundled_article, database_path, library_path
    from readerapp.core.safe_text import visible_name
    from readerapp.core.web import is_url, load_location

    if path_arg == "":  # `readerapp "$FILE"` with FILE unset must not open the sample
        return fail("the path is empty; give an article file or a folder")
    url = path_arg is not None and is_url(path_arg)
    if refresh and not url:
        return fail("--refresh fetches a web page again; give its address (http or https)")
    db_path = database_path(db)
    if db_path.is_dir():
        return fail(f"--db {db_path} is a directory; give a file path for the database")
    default = library_path(library) if library else bundled_article()
    path = Path(path_arg) if path_arg else default
    if library and not path_arg and not path.exists():
        shown = visible_name(path)
        return fail(f"{shown}: no saved pages yet; open one with `readerapp URL --library {shown}`")
    if not url and path.is_dir():
        try:
            files = article_files(path)
        except OSError as err:
            return fail(f"{path}: cannot list the folder ({err.strerror or err})")
        if not files:
            return fail(f"{path}: no articles (.txt, .md or .html files) in this folder")
        return launch(library=path, db_path=db_path)
    try:
        if path_arg:
            article = load_location(path_arg, library=library, refresh=refresh, on_fetch=fetching)
        else:
            article = load_article(path)
    except ArticleError as err:
        return fail(str(err))
    return launch(article=article, db_path=db_path)


def launch(*, db_path: Path, article: Article | None = None, library: Path | None = None) -> int:
    """Run the reader on one article or a library folder; Textual is imported here only."""
    from readerapp.ui.app import ReaderApp

    app = ReaderApp(article=article, library=library, db_path=db_path)
    app.run()
    return app.return_code or 0
