"""The exported web map's Content-Security-Policy: on the page's text, then in headless Chromium with
scripts, handlers, images, frames and fetches injected into a copy of the page. Why two layers behind
the escaping, and the controls every browser test has: tests/web_isolation_support.py."""
# ruff: noqa: F811
# Fixtures come from web_isolation_support by import, so test arguments "redefine" them.

from __future__ import annotations

import base64
import hashlib
import html
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest
from web_isolation_support import (  # noqa: F401  (fixtures are used by name)
    CHROMIUM,
    FLAGS,
    LOCAL_SCHEMES,
    NO_REQUEST,
    UNSAFE,
    default_html,
    eventually,
    exported,
    listener,
    needs_chromium,
    page_view,
)

from geo.errors import ExportError
from geo.exports.webmap import WebMapSettings
from gui.web_export import webmap_html  # the exporter with the PNG's labels (gui lays them out)


# -- the page's text ------------------------------------------------------------------------------
class _Page(HTMLParser):
    """Start tags in order (with the element they are in) and each script's text as a browser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict, str | None]] = []
        self.scripts: list[str] = []
        self._open: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self._open[-1] if self._open else None))
        if tag not in ("meta", "link", "img", "br", "input"):
            self._open.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> _Page:
    p = _Page()
    p.feed(text)
    p.close()
    return p


def policy_of(text: str) -> dict[str, list[str]]:
    """The page's CSP as {directive: [sources]} (and it must be the first element of <head>)."""
    tags = parse(text).tags
    head = next(i for i, (tag, _, _) in enumerate(tags) if tag == "head")
    tag, attrs, parent = tags[head + 1]
    assert (tag, parent) == ("meta", "head") and attrs.get("http-equiv") == "Content-Security-Policy", tags[head + 1]
    directives = {}
    for part in attrs["content"].split(";"):
        name, *sources = part.split()
        assert name not in directives
        directives[name] = sources
    return directives


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_comes_first_and_lets_only_the_pages_own_scripts_run(default_html):
    policy = policy_of(default_html)
    scripts = parse(default_html).scripts
    assert len(scripts) == 4  # folium's flags, the helpers, Leaflet, the map
    assert sorted(policy["script-src"]) == sorted({sha256(s) for s in scripts})
    assert not set(policy["script-src"]) & set(UNSAFE)
    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]  # Leaflet's images are inlined; the page has no local image
    assert policy["style-src"] == ["'unsafe-inline'"]  # Leaflet positions everything with style attributes
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    for fetching in ("font-src", "object-src", "frame-src", "worker-src"):
        assert policy.get(fetching, ["'none'"]) == ["'none'"]
    # the charset still counts: browsers look for it in the first 1024 bytes only
    assert re.search(r"<meta[^>]*charset=UTF-8", default_html.encode("utf-8")[:1024].decode("utf-8", "ignore"))


def test_the_page_needs_no_inline_handler_or_javascript_url(default_html):
    """A hash policy blocks ``onclick=`` and ``javascript:`` too: the exporter writes neither."""
    for tag, attrs, _ in parse(default_html).tags:
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
        assert not [v for v in attrs.values() if v and v.strip().lower().startswith("javascript:")], (tag, attrs)
    assert "javascript:" not in default_html.lower()


def test_the_malicious_document_gets_the_same_policy(tmp_path):
    from hostile_data import malicious_document

    doc = malicious_document(tmp_path)
    text = webmap_html(doc, page_view(doc))
    policy = policy_of(text)
    assert sorted(policy["script-src"]) == sorted({sha256(s) for s in parse(text).scripts})
    assert len(policy["script-src"]) == 4


@pytest.mark.parametrize(("tiles", "hosts"), [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["https://tile.openstreetmap.org"]),
    ("https://{s}.tile.example.org:8443/{z}/{x}/{y}{r}.png",
     ["https://a.tile.example.org:8443", "https://b.tile.example.org:8443", "https://c.tile.example.org:8443"]),
    ("http://localhost/{z}/{x}/{y}.png", ["http://localhost"]),
])
def test_online_tiles_open_images_from_their_host_only(bundled_doc_factory, tiles, hosts):
    doc = bundled_doc_factory()
    text = webmap_html(doc, page_view(doc), WebMapSettings(tiles=tiles, tiles_attribution="© contributors"))
    policy = policy_of(text)
    assert policy["img-src"] == ["data:", *hosts]
    assert policy["connect-src"] == ["'none'"] and policy["default-src"] == ["'none'"]
    assert sorted(policy["script-src"]) == sorted({sha256(s) for s in parse(text).scripts})


@pytest.mark.parametrize("tiles", [
    "https://x.org; script-src 'unsafe-inline'/{z}/{x}/{y}.png",  # would add a directive to the policy
    "https://x.org'unsafe-inline'/{z}/{x}/{y}.png",
    'https://x.org"><script>alert(1)</script>/{z}.png',
    "file:///home/{z}/{x}/{y}.png",
    "javascript:alert(1)//{z}",
    "https://tiles-{s}-{z}.example.org/{x}/{y}.png",
    "//tile.example.org/{z}/{x}/{y}.png",
])
def test_a_tile_url_that_cannot_be_written_as_one_host_is_refused(bundled_doc_factory, tiles):
    doc = bundled_doc_factory()
    with pytest.raises(ExportError, match="tile URL"):
        webmap_html(doc, page_view(doc), WebMapSettings(tiles=tiles, tiles_attribution="x"))




# -- the exported page in Chromium ----------------------------------------------------------------
def injected(port: int) -> str:
    """What a missed escape could smuggle in: scripts, a handler, an image, a CSS image, a stylesheet,
    a prefetch, a plugin, a video, a fetch."""
    return (
        '<script>document.title = "INJECTED"; document.documentElement.setAttribute("data-injected", "yes");</script>'
        f'<img id="probe-img" src="http://127.0.0.1:{port}/img" onerror="document.title = \'HANDLER\'">'
        f'<div style="background-image: url(http://127.0.0.1:{port}/css-image); width: 9px; height: 9px"></div>'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/stylesheet">'
        f'<link rel="prefetch" href="http://127.0.0.1:{port}/prefetch">'
        f'<object data="http://127.0.0.1:{port}/object"></object>'
        f'<video src="http://127.0.0.1:{port}/video"></video>'
        f'<script>fetch("http://127.0.0.1:{port}/fetch");</script>'
    )


class Chromium:
    """Headless Chromium; requests to 127.0.0.1 go through (to the test's socket), any other is aborted."""

    def __init__(self, pw) -> None:
        self.requests: list[str] = []
        self.console: list[str] = []
        self.ctx = pw.chromium.launch_persistent_context(
            tempfile.mkdtemp(prefix="crossings-chromium-"), executable_path=str(CHROMIUM), args=FLAGS,
            headless=True, viewport={"width": 1200, "height": 800})
        self.ctx.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.split(":", 1)[0].lower() in LOCAL_SCHEMES:
            route.continue_()
            return
        self.requests.append(url)
        if url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def open(self, path: Path):
        self.requests.clear()
        self.console.clear()
        page = self.ctx.new_page()
        page.on("console", lambda msg: self.console.append(msg.text))
        page.on("dialog", lambda dialog: dialog.dismiss())
        page.goto(path.as_uri())
        return page


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = Chromium(pw)
        yield browser
        browser.ctx.close()


def with_injection(html: str, port: int, csp: bool) -> str:
    text = html.replace("<body>", "<body>" + injected(port), 1)
    if not csp:
        text, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        assert n == 1
    return text


def map_renders(page) -> None:
    page.wait_for_function("window.crossingsMap !== undefined && document.querySelectorAll('path.crossings-flow').length > 0",
                           timeout=30_000)
    assert page.locator(".leaflet-map-pane").count() == 1
    assert page.locator(".leaflet-overlay-pane, .leaflet-pane").count() > 5
    assert page.locator("path.crossings-flow").count() == 5


@pytest.mark.slow
@needs_chromium
def test_an_injected_script_does_not_run_and_nothing_connects_while_the_map_works(chromium, listener, default_html,
                                                                                  tmp_path):
    path = tmp_path / "injected.html"
    path.write_text(with_injection(default_html, listener.port, csp=True), encoding="utf-8")
    page = chromium.open(path)
    try:
        map_renders(page)
        page.wait_for_timeout(1000)  # time for anything that would connect
        # the map's own title (the page has one): neither script nor handler changed it
        assert page.title() == html.unescape(re.search(r"<title>(.*?)</title>", default_html).group(1))
        assert page.evaluate("document.documentElement.getAttribute('data-injected')") is None
        assert page.locator("#probe-img").count() == 1  # it is in the page; it just loads nothing
        assert listener.hits == []
        assert chromium.requests == []
        violations = [m for m in chromium.console if "Content Security Policy" in m]
        assert any("script" in m for m in violations) and any("127.0.0.1" in m for m in violations), chromium.console
    finally:
        page.close()


@pytest.mark.slow
@needs_chromium
def test_control_without_the_policy_the_injection_runs_and_connects(chromium, listener, default_html, tmp_path):
    """The probe works: the same page without its policy runs the script and reaches the socket."""
    path = tmp_path / "injected_no_csp.html"
    path.write_text(with_injection(default_html, listener.port, csp=False), encoding="utf-8")
    page = chromium.open(path)
    try:
        map_renders(page)
        assert page.evaluate("document.documentElement.getAttribute('data-injected')") == "yes"
        assert eventually(lambda: {"/img", "/css-image", "/stylesheet", "/fetch"} <= {h.split()[1] for h in listener.hits if " " in h},
                          10), listener.hits
    finally:
        page.close()


@pytest.mark.slow
@needs_chromium
def test_an_injected_frame_or_preconnect_sends_no_request(chromium, listener, default_html, tmp_path):
    """What a page's policy cannot do: Chromium opens a bare TCP connection for a frame that
    ``frame-src 'none'`` then blocks, and for ``<link rel=preconnect>``, which no CSP directive
    governs. No request goes (no path, no data): the policy blocks the frame's request itself."""
    path = tmp_path / "frame.html"
    path.write_text(default_html.replace("<body>", f'<body><iframe src="http://127.0.0.1:{listener.port}/frame"></iframe>'
                                         f'<link rel="preconnect" href="http://127.0.0.1:{listener.port}/pre">', 1),
                    encoding="utf-8")
    page = chromium.open(path)
    try:
        map_renders(page)
        page.wait_for_timeout(1500)
        assert set(listener.hits) <= {NO_REQUEST}, listener.hits
        assert chromium.requests == []
        assert any("frame-src" in m for m in chromium.console), chromium.console
    finally:
        page.close()
