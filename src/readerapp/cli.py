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
from readerapp.commands import add_db_option, fail

if TYPE_CHECKING:
    import argparse

SUBCOMMANDS = {
    "analyze": ("readerapp.commands.analyze", "find speakers, quotes and allegations"),
    "eval": ("readerapp.commands.evaluate", "score an analysis against a gold file"),
    "export": ("readerapp.commands.export", "export annotations (json, w3c, md)"),
    "import": ("readerapp.commands.import_", "import annotations from json or w3c"),
    "notes": ("readerapp.commands.notes", "list notes across articles, by tag or text"),
    "people": ("readerapp.commands.people", "list the people quoted across articles"),
    "allegations": ("readerapp.commands.allegations", "list who accuses whom across articles"),
}


def reader_parser() -> argparse.ArgumentParser:
    import argparse

    commands = "\n".join(f"  {name:<12} {help_}" for name, (_, help_) in SUBCOMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="readerapp",
        description="Read a news article closely in the terminal: who said what, "
        "who accuses whom, and your own highlights, tags and notes.",
        epilog=f"subcommands (readerapp COMMAND --help):\n{commands}\n\n"
        "With no PATH, opens the bundled sample article.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="an article (.txt or .md), or a folder of articles to browse",
    )
    add_db_option(parser)
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
    if len(argv) <= 1 and not (argv and argv[0].startswith("-")):
        # The everyday launch, `readerapp [PATH]`, needs no parser: 2 ms less to first frame.
        return run_reader(argv[0] if argv else None, None)
    args = reader_parser().parse_args(argv)
    return run_reader(args.path, args.db)


def run_reader(path_arg: str | None, db: str | None) -> int:
    """Check the path before any UI work so bad input fails fast with one line."""
    from readerapp.core.article import ArticleError, load_article
    from readerapp.core.library import article_files
    from readerapp.core.locations import bundled_article, database_path

    if path_arg == "":  # `readerapp "$FILE"` with FILE unset must not open the sample
        return fail("the path is empty; give an article file or a folder")
    path = Path(path_arg) if path_arg else bundled_article()
    db_path = database_path(db)
    if db_path.is_dir():
        return fail(f"--db {db_path} is a directory; give a file path for the database")
    if path.is_dir():
        try:
            files = article_files(path)
        except OSError as err:
            return fail(f"{path}: cannot list the folder ({err.strerror or err})")
        if not files:
            return fail(f"{path}: no articles (.txt or .md files) in this folder")
        from readerapp.ui.app import ReaderApp

        app = ReaderApp(library=path, db_path=db_path)
        app.run()
        return app.return_code or 0
    try:
        article = load_article(path)
    except ArticleError as err:
        return fail(str(err))
    from readerapp.ui.app import ReaderApp

    app = ReaderApp(article=article, db_path=db_path)
    app.run()
    return app.return_code or 0
