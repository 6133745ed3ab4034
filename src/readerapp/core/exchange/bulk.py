"""Building or reading thousands of small objects at once without collector pauses.

An export of 10,000 annotations makes some 100,000 small dicts and lists, and
a read of one as many dataclasses. Each allocation burst triggers CPython's
cyclic garbage collector, whose older generations walk every live object in
the process (the whole database, the article, the analysis): measured here,
that doubled the time of a W3C export. Nothing built here holds a cycle, so
reference counting frees it all, and the collector can wait until the work
is done; it is switched back on even if the work fails.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_collector_pauses() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
