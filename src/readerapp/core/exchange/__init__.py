"""Export and import of annotations: readerapp JSON, W3C Web Annotation, Markdown.

Pure functions over annotations and article metadata; no Textual, no store
writes except through `import_annotations`. The CLI (`readerapp export`,
`readerapp import`) and the reader's `e` key both go through here.
"""

from readerapp.core.exchange.errors import ExchangeError
from readerapp.core.exchange.formats import FORMAT_NAMES, FORMATS, ExportFormat
from readerapp.core.exchange.importing import (
    Export,
    import_annotations,
    read_annotations,
    read_export,
)
from readerapp.core.exchange.jsonformat import schema_bytes
from readerapp.core.exchange.notes import ArticleNotes, notes_for_all, notes_for_article
from readerapp.core.exchange.output import (
    default_export_path,
    export_article_file,
    render,
    write_export,
)

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "ExportFormat",
    "ArticleNotes",
    "ExchangeError",
    "Export",
    "default_export_path",
    "export_article_file",
    "import_annotations",
    "notes_for_all",
    "notes_for_article",
    "read_annotations",
    "read_export",
    "render",
    "schema_bytes",
    "write_export",
]
