"""The one error for an article that cannot be opened, from a file or from the web.

In a module of its own so that the web package can raise it without importing
the article model, which itself opens saved web pages through that package.
"""

from __future__ import annotations


class ArticleError(Exception):
    """An article that cannot be opened; the message is one line for the user."""
