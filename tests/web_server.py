"""A real HTTP server on 127.0.0.1 for the web tests: pages, redirects, errors, slowness.

Each test starts its own on a free port and stops it; nothing leaves the machine.
Routes are (status, headers, body) or a callable that writes the answer itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "web_pages"
HTML = "text/html; charset=utf-8"

Writer = Callable[[BaseHTTPRequestHandler, threading.Event], None]


@dataclass
class Site:
    """The server's routes, its address, and what it was asked."""

    routes: dict[str, tuple[int, dict[str, str], bytes] | Writer] = field(default_factory=dict)
    base: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, User-Agent)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: bytes, content_type: str = HTML) -> None:
        self.routes[path] = (200, {"Content-Type": content_type}, body)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.routes[path] = (status, {"Location": to}, b"")


def saved_page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path)
            if route is None:
                route = (404, {"Content-Type": HTML}, b"<html><body>Not here</body></html>")
            if callable(route):
                route(self, site.stopping)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # quiet test output

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """Run `site` on 127.0.0.1 in a thread until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()  # slow handlers give up
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def slow(seconds: float, body: bytes) -> Writer:
    """An answer that starts only after `seconds` (or when the server stops)."""

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        if stopping.wait(seconds):
            return
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return write


def trickle(interval: float, count: int) -> Writer:
    """Headers at once, then one byte every `interval` seconds: never idle long enough
    for a per-read timeout, but far slower than any page should be."""

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.end_headers()
        try:
            for _ in range(count):
                if stopping.wait(interval):
                    return
                handler.wfile.write(b" ")
                handler.wfile.flush()
        except OSError:  # the client gave up, as it should
            return

    return write


def endless(megabytes: int, *, declare_length: bool) -> Writer:
    """A body of `megabytes` MB of HTML, with or without a Content-Length header."""
    chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        total = megabytes * 2**20
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        if declare_length:
            handler.send_header("Content-Length", str(total))
        handler.end_headers()
        sent = 0
        started = time.monotonic()
        try:
            handler.wfile.write(b"<!doctype html><html><body>")
            while sent < total and not stopping.is_set() and time.monotonic() - started < 30:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except OSError:  # the client stopped reading at its limit
            return

    return write
