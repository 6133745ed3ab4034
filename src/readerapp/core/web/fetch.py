"""Fetch one web page, once, with limits: a timeout, a size cap, a few redirects.

The standard library's `urllib` is enough for a single GET and costs nothing to
install. trafilatura's own downloader is not used: it retries without
certificate checks after a TLS error and refuses loopback addresses, and we
want neither. No `Accept-Encoding` is sent, so a server cannot answer with a
small compressed body that inflates past the size cap.
"""

from __future__ import annotations

import errno
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, InvalidURL
from typing import IO
from urllib.parse import urljoin, urlsplit

from readerapp import __version__
from readerapp.core.article_error import ArticleError
from readerapp.core.safe_text import visible_name

USER_AGENT = f"readerapp/{__version__} (a terminal reader for news articles)"
TIMEOUT_SECONDS = 20.0
# The cap for article files, so a saved page and a fetched one are treated alike; a
# news page with its scripts and styles inline is far smaller.
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


class WebError(ArticleError):
    """A page that cannot be fetched or read; the message is one line for the user."""


@dataclass(frozen=True)
class FetchedPage:
    """The body of an HTML page and where it finally came from."""

    url: str  # after redirects
    body: bytes
    charset: str | None  # from the Content-Type header, if it says


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def http_error_302(  # type: ignore[override]
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> IO[bytes] | None:
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise WebError(
                f"{visible_name(req.full_url)} redirects to {visible_name(target)}, "
                "which is not a web address; open that yourself if you trust it"
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch_page(
    url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES
) -> FetchedPage:
    """GET `url` and return its HTML body; every failure is a WebError with one line."""
    shown = visible_name(url)
    if not urlsplit(url).hostname:
        raise WebError(f"{shown} has no host name; give a whole address, https://host/page")
    host = visible_name(urlsplit(url).hostname)
    opener = urllib.request.build_opener(_Redirects)
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise WebError(f"{shown} is {_megabytes(int(length))}; {_limit(max_bytes)}")
            body = _read_body(response, max_bytes, deadline, shown)
    except WebError:
        raise
    except urllib.error.HTTPError as err:
        raise WebError(_http_error(shown, err)) from None
    except urllib.error.URLError as err:
        raise WebError(_network_error(shown, host, err.reason, timeout)) from None
    except TimeoutError:
        raise WebError(f"{shown}: no answer within {timeout:g} s; try again later") from None
    except (InvalidURL, ValueError) as err:
        why = visible_name(err)
        raise WebError(f"{shown} is not a web address readerapp can fetch ({why})") from None
    except HTTPException as err:  # the connection closed mid-answer, a garbled status line
        why = visible_name(err) or type(err).__name__
        raise WebError(f"{shown}: the server sent a broken answer ({why}); try later") from None
    except OSError as err:  # a connection reset mid-body
        raise WebError(_network_error(shown, host, err, timeout)) from None
    if content_type not in HTML_TYPES and not _looks_like_html(body):
        raise WebError(
            f"{shown} is not a web page (it is {visible_name(content_type)}); "
            "readerapp opens HTML pages"
        )
    return FetchedPage(final_url, body, charset)


def _read_body(response: IO[bytes], max_bytes: int, deadline: float, shown: str) -> bytes:
    """Read up to `max_bytes`, also within the overall deadline: a server that trickles
    one byte at a time never trips the per-read timeout alone."""
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read1(_CHUNK):  # type: ignore[attr-defined]
        total += len(chunk)
        if total > max_bytes:
            raise WebError(f"{shown} is over {_megabytes(max_bytes)}; {_limit(max_bytes)}")
        if time.monotonic() > deadline:
            raise WebError(f"{shown}: the page took too long to arrive; try again later")
        chunks.append(chunk)
    return b"".join(chunks)


def _http_error(shown: str, err: urllib.error.HTTPError) -> str:
    if 300 <= err.code < 400 and "infinite loop" in str(err.msg):
        return f"{shown}: too many redirects (over {MAX_REDIRECTS}, or a loop); check the address"
    reason = visible_name(err.reason) if err.reason else ""
    status = f"{err.code} {reason}".strip()
    if err.code >= 500:
        return f"{shown}: the server failed ({status}); try again later"
    return f"{shown}: the server answered {status}; check the address"


def _network_error(shown: str, host: str, reason: object, timeout: float) -> str:
    if isinstance(reason, ssl.SSLCertVerificationError):
        why = visible_name(reason.verify_message or reason.reason or reason)
        return f"{shown}: the site's certificate is not valid ({why}); the page was not fetched"
    if isinstance(reason, ssl.SSLError):
        why = visible_name(reason.reason or reason)
        return f"{shown}: the secure (TLS) connection failed ({why}); the page was not fetched"
    if isinstance(reason, socket.gaierror):
        return f"{shown}: cannot find the server {host}; check the address and your network"
    if isinstance(reason, ConnectionRefusedError):
        return f"{shown}: {host} refused the connection; check the address, or try later"
    if isinstance(reason, TimeoutError):
        return f"{shown}: no answer within {timeout:g} s; try again later"
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return f"{shown}: no network route to {host}; check your connection"
    detail = reason.strerror if isinstance(reason, OSError) and reason.strerror else reason
    return f"{shown}: cannot fetch the page ({visible_name(detail)}); check your connection"


def _looks_like_html(body: bytes) -> bool:
    """A server that says `text/plain` or nothing for a real page: sniff the start."""
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def _limit(max_bytes: int) -> str:
    return f"readerapp reads pages up to {_megabytes(max_bytes)}"
