"""The one error export and import raise for bad input: a message for one line on stderr."""

from __future__ import annotations


class ExchangeError(Exception):
    """A file that cannot be imported or written; the message names the problem and the place."""
