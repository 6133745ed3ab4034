"""readerapp: read a news article closely and annotate it in a terminal.

Importing the package costs nothing: the core and UI are imported where used.
"""

__version__ = "0.1.0"
