"""Fetching a page from a real HTTP server on 127.0.0.1: what arrives, and every way it fails.

Each failure must be one line saying what went wrong (a WebError), never a
traceback and never a hang. DNS and "no network" are simulated by making the
socket calls fail as they do then, so no test sends anything off the machine.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator

import pytest

from readerapp.core.web.fetch import MAX_PAGE_BYTES, WebError, fetch_page
from web_server import Site, endless, saved_page, serving, slow, trickle

PAGE = saved_page("harbour-dredging.html")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment would take the requests off this machine."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    site.page("/news/harbour", PAGE)
    with serving(site):
        yield site


def fails(url: str, **limits: float) -> str:
    with pytest.raises(WebError) as caught:
        fetch_page(url, **limits)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_page_arrives_whole_with_a_user_agent_naming_readerapp(site: Site) -> None:
    page = fetch_page(site.url("/news/harbour"))
    assert page.body == PAGE
    assert page.url == site.url("/news/harbour")
    assert page.charset == "utf-8"
    assert site.requests[0][1].startswith("readerapp/")


def test_redirects_are_followed_to_the_page(site: Site) -> None:
    site.redirect("/old", "/moved")
    site.redirect("/moved", "/news/harbour", status=302)
    page = fetch_page(site.url("/old"))
    assert page.url == site.url("/news/harbour")
    assert page.body == PAGE


def test_a_redirect_loop_stops(site: Site) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    assert "too many redirects" in fails(site.url("/a"))
    assert len(site.requests) <= 6


def test_a_redirect_chain_longer_than_the_limit_stops(site: Site) -> None:
    for hop in range(8):
        site.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    site.page("/hop8", PAGE)
    assert "too many redirects" in fails(site.url("/hop0"))


def test_a_redirect_to_a_local_file_is_refused(site: Site) -> None:
    site.redirect("/sneaky", "file:///etc/passwd")
    assert "not a web address" in fails(site.url("/sneaky"))


def test_404_says_what_the_server_answered(site: Site) -> None:
    message = fails(site.url("/no-such-story"))
    assert "404 Not Found" in message and "check the address" in message


def test_a_server_error_says_to_try_later(site: Site) -> None:
    site.routes["/down"] = (503, {}, b"")
    assert "503" in fails(site.url("/down")) and "try again later" in fails(site.url("/down"))


def test_a_slow_server_hits_the_timeout(site: Site) -> None:
    site.routes["/slow"] = slow(10, PAGE)
    assert "no answer within 0.5 s" in fails(site.url("/slow"), timeout=0.5)


def test_a_trickling_server_hits_the_overall_deadline(site: Site) -> None:
    """Each byte comes well within the per-read timeout; the whole page never does."""
    site.routes["/trickle"] = trickle(0.1, 100)
    assert "took too long" in fails(site.url("/trickle"), timeout=0.6)


def test_a_50_mb_page_announced_as_such_is_refused_before_reading(site: Site) -> None:
    site.routes["/huge"] = endless(50, declare_length=True)
    message = fails(site.url("/huge"))
    assert "50 MB" in message and f"up to {MAX_PAGE_BYTES // 2**20} MB" in message


def test_a_50_mb_page_without_a_length_stops_at_the_limit(site: Site) -> None:
    site.routes["/huge"] = endless(50, declare_length=False)
    assert "is over 10 MB" in fails(site.url("/huge"))


def test_a_page_that_is_not_html_is_refused(site: Site) -> None:
    site.page("/report.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    assert "not a web page (it is application/pdf)" in fails(site.url("/report.pdf"))


def test_html_served_as_plain_text_is_still_a_page(site: Site) -> None:
    site.page("/misconfigured", PAGE, content_type="text/plain")
    assert fetch_page(site.url("/misconfigured")).body == PAGE


def test_a_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "refused the connection" in fails(f"http://127.0.0.1:{port}/story")


def test_a_tls_failure(site: Site) -> None:
    """https to a server that speaks plain HTTP: the handshake fails."""
    secure = site.url("/news/harbour").replace("http://", "https://")
    assert "secure (TLS) connection failed" in fails(secure)


def test_a_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    message = fails("https://news.example/story")
    assert "cannot find the server news.example" in message


def test_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    assert "no network route to news.example" in fails("https://news.example/story")


def test_a_malformed_address_is_one_line() -> None:
    assert "news.example" in fails("http://news.example:notaport/story")


def test_an_address_without_a_host_is_one_line() -> None:
    assert "has no host name" in fails("https://")
    assert "has no host name" in fails("http:///story")
