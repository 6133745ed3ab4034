"""Launch an app and exit right after its first full frame: what the startup benchmark times.

    python benchmarks/startup_probe.py minimal
    python benchmarks/startup_probe.py readerapp [PATH]
    python benchmarks/startup_probe.py notes PATH      # until the notes are drawn ($READERAPP_DB)
    python benchmarks/startup_probe.py memory [PATH]   # peak MB once analysis and notes are in
    python benchmarks/startup_probe.py pagedown PATH   # prints page-down repaint times (ms)

A frame is a compositor refresh of the screen, the call that paints the
terminal. The probe prints the wall-clock time (time.time()) of the first one
that shows the content (the Static; the article wrapped at its pane's width),
and the benchmark subtracts the moment it spawned the process. The readerapp run
goes through the real command line (`readerapp.cli.main`), headless.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def exit_after_first_frame(ready: Callable[[object], bool]) -> None:
    """Patch Screen painting: the first paint of a screen for which `ready` holds ends the run."""
    from textual.screen import Screen

    paint = Screen._compositor_refresh

    def paint_and_report(screen: Screen) -> None:
        paint(screen)
        if ready(screen) and not getattr(screen.app, "_frame_reported", False):
            screen.app._frame_reported = True  # type: ignore[attr-defined]
            print(f"FRAME {time.time():.6f}", flush=True)
            screen.app.exit()

    Screen._compositor_refresh = paint_and_report  # type: ignore[method-assign]


def minimal() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    exit_after_first_frame(lambda screen: bool(screen.query(Static)))
    Minimal().run(headless=True)


def readerapp(path: str | None) -> None:
    from textual.app import App

    from readerapp.ui import app as app_module
    from readerapp.ui.article_view import ArticleView

    def article_laid_out(screen: object) -> bool:
        views = screen.query(ArticleView)  # type: ignore[attr-defined]
        return bool(views) and views.first().wrapped_width > 0

    exit_after_first_frame(article_laid_out)
    app_module.ReaderApp.run = lambda self, **kw: App.run(self, headless=True)  # type: ignore[method-assign]
    from readerapp.cli import main

    main([path] if path else [])


def with_notes(path: str) -> None:
    """Exit at the first paint after the article's notes are loaded, anchored and drawn."""
    from textual.app import App

    from readerapp.ui import app as app_module
    from readerapp.ui.reader_screen import ReaderScreen

    notes_loaded = ReaderScreen._notes_loaded

    def show_and_mark(self: ReaderScreen, notebook: object) -> None:
        notes_loaded(self, notebook)  # type: ignore[arg-type]
        self.notes_shown = True  # type: ignore[attr-defined]

    ReaderScreen._notes_loaded = show_and_mark  # type: ignore[method-assign]
    exit_after_first_frame(lambda screen: getattr(screen, "notes_shown", False))
    app_module.ReaderApp.run = lambda self, **kw: App.run(self, headless=True)  # type: ignore[method-assign]
    from readerapp.cli import main

    main([path])


def settled_memory(path: str | None) -> None:
    """Print the peak resident memory (MB) once the article, analysis and notes are all in."""
    from pathlib import Path

    from textual.app import App

    from readerapp.ui import app as app_module
    from readerapp.ui.reader_screen import ReaderScreen

    def settled(screen: object) -> bool:
        return (
            isinstance(screen, ReaderScreen)
            and screen.analysis is not None
            and screen.notebook is not None
        )

    exit_after_first_frame(settled)
    if path is None:  # the minimal app, as the baseline
        minimal()
    else:
        app_module.ReaderApp.run = lambda self, **kw: App.run(self, headless=True)  # type: ignore[method-assign]
        from readerapp.cli import main

        main([path])
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    print(f"MAXRSS {peak_kb / 1024:.1f}")


def pagedown(path: str) -> None:
    """Time page-down repaints of the article pane: the action plus rendering every line."""
    import asyncio
    from pathlib import Path

    from textual.geometry import Region

    from readerapp.core.article import load_article
    from readerapp.ui.app import ReaderApp

    async def run() -> None:
        app = ReaderApp(load_article(Path(path)))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            view = app.screen.pane  # type: ignore[attr-defined]
            times = []
            for _ in range(15):
                start = time.perf_counter()
                view.action_page_down()
                view.render_lines(Region(0, 0, view.size.width, view.size.height))
                times.append((time.perf_counter() - start) * 1000)
                await pilot.pause()
            print(" ".join(f"{t:.2f}" for t in times))

    asyncio.run(run())


if __name__ == "__main__":
    kind = sys.argv[1]
    argument = sys.argv[2] if len(sys.argv) > 2 else None
    if kind == "minimal":
        minimal()
    elif kind == "readerapp":
        readerapp(argument)
    elif kind == "memory":
        settled_memory(argument)
    elif kind == "notes" and argument:
        with_notes(argument)
    elif kind == "pagedown" and argument:
        pagedown(argument)
    else:
        raise SystemExit("usage: startup_probe.py minimal | readerapp [PATH] | pagedown PATH")
