"""Allow `python -m readerapp`."""

from readerapp.cli import main

raise SystemExit(main())
