"""Text from outside the program is data: never terminal control, never markup.

Article text, file names, imported notes and tags, database contents: any of
them may hold `ESC ] 52 ; c ; … BEL` (which writes the user's clipboard),
`ESC [ 2 J` (which blanks the screen) or a bidi override (which shows text in
another order than it is). Two layers use this module, and either alone is
enough: where text *enters* (article load, database load, import) it is cleaned
with `clean_text` or `clean_line`; where text is *shown* (every widget,
notification, dialog, editor and CLI message) it goes through `shown` again.

File and folder names are not cleaned but shown with `visible_name`: every
character kept, controls and undecodable bytes written as visible escapes
(`\\x1b`), so two names never look alike and the user can still find the file.
"""

from __future__ import annotations

import re

# A whole escape sequence goes, not just its ESC: CSI (`ESC [ … final`), OSC and the
# other string commands up to BEL or ST (`ESC \\`), in their 7-bit and 8-bit (C1) forms,
# then any other `ESC` plus one final byte, so `ESC ( B` from `tput sgr0` leaves no "(B".
# A string command counts only when it is terminated within one line: an unterminated
# one loses its introducer alone, never the paragraphs after it.
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# Characters that break a line in some program or other: they become a line break
# (a form feed, which pdftotext puts between pages, a paragraph break), never nothing,
# so words on either side are not glued together.
LINE_BREAKS = {"\f": "\n\n", "\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_LINE_BREAK = re.compile("[\f\v\x85\u2028\u2029]")
# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and
# isolates ("Trojan Source"); lone surrogates (undecodable bytes, which no terminal
# or JSON encoder takes). LRM/RLM marks stay: they only nudge neutral characters.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Multi-line text made safe to keep and show: escape sequences and controls removed,
    line-breaking characters turned into line breaks, tabs and newlines kept."""
    if text.isascii() and text.isprintable():
        return text  # the common case, and the fast one
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAK.sub(lambda m: LINE_BREAKS[m.group()], text)
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def clean_line(text: str) -> str:
    """One-line text (a tag, a title, a name): `clean_text`, then every run of
    whitespace, line breaks included, made one space."""
    return " ".join(clean_text(text).split())


def shown(text: str) -> str:
    """The last defence before text reaches the screen: the same cleaning as
    `clean_text`, applied to whatever is about to be shown, whatever its source."""
    return clean_text(text)


def visible_name(name: object) -> str:
    """A file name or path, shown on one line with every control and undecodable
    byte written as an escape: `x\\x1b]2;PWNED\\x07.txt`, `caf\\xe9.txt`."""
    text = str(name)
    if text.isprintable() and not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
