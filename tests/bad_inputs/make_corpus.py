"""Write the bad-input corpus: files a real user could hand readerapp.

Small files are committed beside this script (run it to regenerate them:
`python tests/bad_inputs/make_corpus.py`); the ones that cannot sensibly live in
git (50 MB, a 1 MB line, a symlink loop, an unreadable file, a directory) are
made at test time by `make_runtime_inputs(folder)`. README.md says what each is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARAGRAPH = (
    '"The council signed the contract in secret," said Ana Ruiz, a councillor. '
    "The union accused the port authority of hiding the fees. "
)

STORY = (
    "Port deal questioned\n\n"
    "4 May 2021\n\n"
    '"The contract was signed in secret," said Ana Ruiz, a councillor.\n\n'
    "The union accused the port authority of hiding the fees.\n"
)


def small_inputs() -> dict[str, bytes]:
    """Name → exact bytes of every committed corpus file."""
    return {
        "empty.txt": b"",
        "whitespace-only.txt": b"  \n\t\n \r\n\n   \n",
        "binary.txt": bytes(range(256)) * 8,
        "png-renamed.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "latin1.txt": (
            "Caf\u00e9 owners protest\n\n"
            "\u00abNous ne paierons pas\u00bb, a dit Ren\u00e9e M\u00fcller, "
            "la pr\u00e9sidente. Les propri\u00e9taires accusent la mairie.\n"
        ).encode("latin-1"),
        "utf16-bom.txt": ("\ufeff" + STORY + "Gr\u00fc\u00dfe aus K\u00f6ln.\n").encode(
            "utf-16-le"
        ),
        "utf16be-bom.txt": ("\ufeff" + STORY).encode("utf-16-be"),
        "utf16-no-bom.txt": STORY.encode("utf-16-le"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + STORY.encode("utf-8"),
        "crlf.txt": STORY.replace("\n", "\r\n").encode("utf-8"),
        "lone-cr.txt": STORY.replace("\n", "\r").encode("utf-8"),
        "only-title.txt": b"Port deal questioned\n",
        "no-blank-lines.txt": (
            b"Port deal questioned\n4 May 2021\n"
            b'"The contract was signed in secret," said Ana Ruiz.\n'
            b"The union accused the port authority of hiding the fees.\n"
            b"Nobody answered the phone at the port.\n"
        ),
        "unbalanced-quotes.txt": (
            "Unbalanced quotes\n\n"
            '"The contract was signed in secret, said Ana Ruiz, a councillor.\n\n'
            "\u201cWe will publish every page,\u201d Ruiz added. \u201cAnd then \u201d\u201d"
            ' she stopped." "\n\n'
            "The union accused the port authority of hiding the fees.\u201d\n"
        ).encode("utf-8"),
        "nested-quotes.txt": (
            "Nested quotes\n\n"
            "\u201cHe told me, \u2018They said \u201cnever\u201d to us,\u2019 and left,\u201d "
            "said Ana Ruiz.\n\n"
            '"She said \'he said "no" twice\' on Monday," the mayor said.\n'
        ).encode("utf-8"),
        "rich-markup.txt": (
            b"[bold red]Markup[/] in the title\n\n"
            b'"It was [bold red]x[/] and [link=http://x]y[/link]," said [b]Eve[/b].\n\n'
            b"Array [00] and [/] and [ and ] and [[escaped]] and \\[bold] stay literal.\n"
        ),
        "markup.md": (
            b"# [bold]Markdown[/bold] title\n\n"
            b'"It was [bold red]x[/] and [link=http://x]y[/link]," said [b]Eve[/b].\n\n'
            b"A [real link](http://example.com) and **bold [i]markup[/i]** text.\n"
        ),
        "terminal-escapes.txt": (
            b"Escapes \x1b[31mred\x1b[0m title\n\n"
            b"Clear \x1b[2J screen, \x1b]0;pwned title\x07 OSC title, "
            b"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ hyperlink, bell \x07, "
            b"backspace \x08, cursor \x1b[10;10H home, \x1bc reset, \x1b7save,"
            b" \x1b[1mtput\x1b(B\x1b[m sgr0.\n\n"
            b'"Still readable," said Ana Ruiz.\n'
        ),
        "bidi-controls.txt": (
            "Bidi controls\n\n"
            "Access level: \u202euser\u202c \u2066admin\u2069 and \u200fmarks\u200e here.\n"
        ).encode("utf-8"),
        "rtl-arabic-hebrew.txt": (
            "\u0627\u0644\u0645\u064a\u0646\u0627\u0621 \u0648\u0627\u0644\u0639\u0642\u062f\n\n"
            "\u00ab\u0644\u0645 \u0646\u0648\u0642\u0651\u0639 \u0634\u064a\u0626\u0627\u064b"
            "\u00bb\u060c \u0642\u0627\u0644 \u0623\u062d\u0645\u062f.\n\n"
            '"\u05d6\u05d4 \u05dc\u05d0 \u05e0\u05db\u05d5\u05df," said Dana Levi, '
            "a \u05e2\u05d9\u05ea\u05d5\u05e0\u05d0\u05d9\u05ea.\n"
        ).encode("utf-8"),
        "wide-cjk-emoji.txt": (
            "\u6e2f\u53e3\u5408\u540c\u53d7\u5230\u8d28\u7591 \U0001f6a2\n\n"
            "\u300c\u5408\u540c\u662f\u79d8\u5bc6\u7b7e\u7f72\u7684\u300d\uff0c"
            "\u8bae\u5458\u9648\u5c0f\u59d0\u8bf4\u3002\n\n"
            '"We are \U0001f621 about it," said Ana Ruiz \U0001f468\u200d\U0001f469'
            "\u200d\U0001f467 (family), \U0001f1f5\U0001f1f0 flag, "
            "\u30c6\u30b9\u30c8 and \uc548\ub155.\n"
        ).encode("utf-8"),
        "combining-marks.txt": (
            "Combining marks\n\n"
            '"Cafe\u0301 and nai\u0308ve and Z\u0351\u0337a\u0362\u0335l\u0334g\u0338o," '
            "said Zoe\u0308.\n"
        ).encode("utf-8"),
        "invalid-utf8.txt": (
            "Mixed encodings\n\n\u201cThe caf\u00e9 is na\u00efve \u2014 and closed,\u201d "
            "said Ren\u00e9e.\n\nThen a stray ".encode()
            + b"\xff byte and a cut \xe2\x80 sequence.\n"
        ),
        "nul-after-8k.txt": ("Late NUL\n\n" + "word " * 2000).encode("utf-8") + b"\x00\x00 tail.\n",
        "cp1252-smart-quotes.txt": (
            b"Port deal questioned\n\n\x93The contract was signed in secret,\x94 said Ana Ruiz,"
            b" a councillor \x96 and a caf\xe9 owner.\n"
        ),
        "rules-only.md": b"---\n\n***\n\n___\n",
        "saved-web-page.txt": (
            b"<!DOCTYPE html>\n<html><head><title>Port deal</title>"
            b"<script>alert(1)</script></head>\n<body><p>&ldquo;The contract was signed in "
            b"secret,&rdquo; said <b>Ana Ruiz</b>.</p></body></html>\n"
        ),
        "json-export-lookalike.txt": b'{"format": "readerapp-export", "version": 999}\n',
    }


BIG_BYTES = 50 * 1024 * 1024
LINE_BYTES = 1024 * 1024


def make_big_file(path: Path, size: int = BIG_BYTES) -> Path:
    """A plausible article of `size` bytes: many paragraphs with quotes."""
    paragraph = (PARAGRAPH * 4 + "\n\n").encode("utf-8")
    with path.open("wb") as out:
        out.write(b"A very long article\n\n")
        written = 21
        while written < size:
            out.write(paragraph)
            written += len(paragraph)
    return path


def make_runtime_inputs(folder: Path) -> dict[str, Path]:
    """The inputs that cannot be committed; returns name → path (Linux or macOS)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    line = folder / "one-mb-line.txt"
    words = PARAGRAPH.encode("utf-8")
    line.write_bytes((words * (LINE_BYTES // len(words) + 1))[:LINE_BYTES])
    made["one-mb-line.txt"] = line

    made["big-50mb.txt"] = make_big_file(folder / "big-50mb.txt")

    loop_a, loop_b = folder / "loop-a.txt", folder / "loop-b.txt"
    for link, target in ((loop_a, loop_b), (loop_b, loop_a)):
        if not link.is_symlink():
            os.symlink(target.name, link)
    made["symlink-loop.txt"] = loop_a

    dangling = folder / "dangling.txt"
    if not dangling.is_symlink():
        os.symlink("does-not-exist.txt", dangling)
    made["dangling-symlink.txt"] = dangling

    zero = folder / "dev-zero.txt"  # a device: st_size 0, endless bytes
    if not zero.is_symlink():
        os.symlink("/dev/zero", zero)
    made["dev-zero.txt"] = zero

    unreadable = folder / "unreadable.txt"
    unreadable.write_bytes(STORY.encode("utf-8"))
    unreadable.chmod(0)
    made["unreadable.txt"] = unreadable

    directory = folder / "a-folder.txt"
    directory.mkdir(exist_ok=True)
    (directory / "inside.txt").write_bytes(STORY.encode("utf-8"))
    made["directory.txt"] = directory
    return made


def write_small_inputs(folder: Path = HERE) -> list[Path]:
    paths = []
    for name, data in small_inputs().items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for written in write_small_inputs(target):
        print(written)
