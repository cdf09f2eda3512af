"""A mailed file can never run code, read the disk or reach the network through the web map.

Data text is escaped before it reaches the page (``tests/geo/test_webmap.py``); these tests are
about the two layers behind that, for the case that escaping ever misses:

- the exported page's Content-Security-Policy, the first element of ``<head>``: only the scripts
  the exporter wrote run (named by sha256), and nothing loads but ``data:`` images (and the online
  tiles' host when asked for). Checked on the text, then in headless Chromium with a script, an
  event handler, an image, a CSS image, a frame and a fetch injected into a copy of the page;
- the preview's QtWebEngine: its own off-the-record profile, settings that keep a local page off
  other files and the network, a request interceptor that lets through only the file itself, and a
  page that will not navigate away. Each layer is tested alone, with the other one removed. Under
  them, Chromium switches in the application's arguments (``gui.qt_app.qt_app_argv``, which the
  tests' QApplication gets too: ``qapp_args`` in tests/conftest.py) for what is no request: a
  preconnect's bare connection, WebRTC's UDP. They stay when the other layers are taken away (a
  process reads them once); their control runs a second process started without them.

Every browser test has a control: the same probe with the defences removed does run, read or
connect, so a passing test cannot be a probe that would never have worked. The listening sockets on
127.0.0.1 (TCP, and UDP for WebRTC) are the only sockets the suite opens (``socket_enabled``);
nothing leaves the machine.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest

from geo.errors import ExportError
from geo.exports.webmap import WebMapSettings, export_webmap, webmap_html
from gui import qt_app, web_preview  # web_preview before any QApplication: it prepares QtWebEngine
from gui.layout import PageLayout
from gui.web_preview import WebMapPreview

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
needs_webengine = pytest.mark.skipif(not web_preview.webengine_available(), reason="QtWebEngine is not installed here")
# The launch flags of tests/browser/test_webmap_chromium.py.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = ("file", "data", "blob", "about")
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "'wasm-unsafe-eval'", "*",
          "'self'", "data:", "blob:", "http:", "https:", "file:")


def page_view(doc):
    return PageLayout().view(doc.page, doc.crs, doc.default_extent())


@pytest.fixture(scope="module")
def exported(bundled_doc_factory, tmp_path_factory) -> Path:
    doc = bundled_doc_factory()
    return export_webmap(doc, page_view(doc), tmp_path_factory.mktemp("isolation") / "map.html")


@pytest.fixture(scope="module")
def default_html(exported) -> str:
    return exported.read_text(encoding="utf-8")


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


# -- a listening socket on 127.0.0.1 --------------------------------------------------------------
NO_REQUEST = "(connected, sent nothing)"


class Listener:
    """Records the request line of every connection to 127.0.0.1:port (``NO_REQUEST`` for a bare
    connection, such as a browser's preconnect) and answers 404 at once."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.hits: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(1.0)
                try:
                    first = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    first = ""
                self.hits.append(first or NO_REQUEST)
                try:
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


class UdpListener:
    """Records the size of every datagram sent to 127.0.0.1:port (WebRTC asks a STUN server for
    its address over UDP)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.hits: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, _ = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.hits.append(len(data))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener(socket_enabled):
    server = Listener()
    yield server
    server.close()  # before socket_enabled blocks sockets again


@pytest.fixture
def udp_listener(socket_enabled):
    server = UdpListener()
    yield server
    server.close()


def eventually(check, timeout_s: float) -> bool:
    end = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


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
        assert page.title() == ""
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


# -- the preview in QtWebEngine -------------------------------------------------------------------
SECRET = "crossings-secret-5b1e"


def probe_page(tmp_path: Path, port: int = 9) -> Path:
    """A page that tries to read a file next to it and /etc/hostname, and to reach 127.0.0.1:port
    (image, frame, XHR, fetch), then writes what it got into its title as ``done:{json}``."""
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    page = tmp_path / "probe.html"
    page.write_text("""<!DOCTYPE html><html><head><meta charset="utf-8"><title>waiting</title></head><body>
<img src="http://127.0.0.1:PORT/img"><iframe src="http://127.0.0.1:PORT/frame"></iframe>
<script>
function xhr(url) {
  try { var x = new XMLHttpRequest(); x.open('GET', url, false); x.send(); return 'read:' + x.responseText.trim(); }
  catch (e) { return 'blocked'; }
}
function get(url) {
  return fetch(url).then(function (r) { return r.text(); })
                   .then(function (t) { return 'read:' + t.trim(); }, function () { return 'blocked'; });
}
var out = {xhr_secret: xhr('secret.txt'), xhr_hostname: xhr('file:///etc/hostname'),
           xhr_net: xhr('http://127.0.0.1:PORT/xhr')};
Promise.all([get('secret.txt'), get('file:///etc/hostname'), get('http://127.0.0.1:PORT/fetch')]).then(function (r) {
  out.fetch_secret = r[0]; out.fetch_hostname = r[1]; out.fetch_net = r[2];
  document.title = 'done:' + JSON.stringify(out);
});
</script></body></html>""".replace("PORT", str(port)), encoding="utf-8")
    return page


def preview(qtbot) -> WebMapPreview:
    w = WebMapPreview()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    assert w.uses_webengine
    return w


def load(qtbot, w: WebMapPreview, path: Path) -> None:
    with qtbot.waitSignal(w.loaded, timeout=60_000) as blocker:
        w.show_file(path)
    assert blocker.args == [True]


def probe_results(qtbot, w: WebMapPreview) -> dict:
    qtbot.waitUntil(lambda: w.view.title().startswith("done:"), timeout=30_000)
    return json.loads(w.view.title()[len("done:"):])


def weaken(w: WebMapPreview, *, settings: bool = False, interceptor: bool = False) -> None:
    """Take one layer away, to test the other alone (or, both away, to prove the probe works)."""
    from PySide6.QtWebEngineCore import QWebEngineSettings

    if settings:
        for attribute in (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
                          QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls):
            w.view.page().settings().setAttribute(attribute, True)
    if interceptor:
        w.profile.setUrlRequestInterceptor(None)


@needs_webengine
def test_the_preview_has_its_own_off_the_record_profile_and_closed_settings(qtbot):
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineCore import QWebEngineSettings as S

    w = preview(qtbot)
    page = w.view.page()
    assert page.profile() is w.profile
    assert w.profile.isOffTheRecord() and w.profile != QWebEngineProfile.defaultProfile()
    settings = page.settings()
    a = S.WebAttribute
    for off in (a.LocalContentCanAccessFileUrls, a.LocalContentCanAccessRemoteUrls, a.JavascriptCanOpenWindows,
                a.JavascriptCanAccessClipboard, a.JavascriptCanPaste, a.PluginsEnabled, a.AllowRunningInsecureContent,
                a.NavigateOnDropEnabled, a.LocalStorageEnabled, a.WebGLEnabled, a.AllowGeolocationOnInsecureOrigins,
                a.AllowWindowActivationFromJavaScript, a.HyperlinkAuditingEnabled, a.PdfViewerEnabled):
        assert settings.testAttribute(off) is False, off
    assert settings.testAttribute(a.JavascriptEnabled) is True  # the map is drawn by script
    assert not w.view.acceptDrops()


@needs_webengine
@pytest.mark.slow
@pytest.mark.parametrize(("settings", "interceptor"), [(True, True), (True, False), (False, True)],
                         ids=["both layers", "settings alone", "interceptor alone"])
def test_a_preview_page_cannot_read_local_files_or_reach_the_network(qtbot, tmp_path, listener, settings, interceptor):
    w = preview(qtbot)
    weaken(w, settings=not settings, interceptor=not interceptor)
    load(qtbot, w, probe_page(tmp_path, listener.port))
    out = probe_results(qtbot, w)
    assert SECRET not in w.view.title()
    assert out == {k: "blocked" for k in ("xhr_secret", "xhr_hostname", "xhr_net", "fetch_secret", "fetch_hostname",
                                          "fetch_net")}
    qtbot.wait(500)
    assert listener.hits == []
    if not settings:  # the interceptor alone: it saw, and refused, every request of the probe
        blocked = {u.rsplit("/", 1)[-1] for u in w.gate.blocked}
        assert {"secret.txt", "hostname", "img", "xhr"} <= blocked, w.gate.blocked


CONTROL = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWidgets import QApplication
from gui import qt_app, web_preview
QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication([a for a in qt_app.qt_app_argv("control") if a not in qt_app.PREVIEW_CHROMIUM_SWITCHES])
web_preview.network_lock_missing = lambda: []  # the preview as it would be without the switches
w = web_preview.WebMapPreview()
if sys.argv[2] == "weakened":  # as weaken(w, settings=True, interceptor=True)
    for attribute in (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
                      QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls):
        w.view.page().settings().setAttribute(attribute, True)
    w.profile.setUrlRequestInterceptor(None)
w.resize(900, 600)
w.show()
w.loaded.connect(lambda ok: QTimer.singleShot(3000, app.quit))
QTimer.singleShot(60000, app.quit)
w.show_file(sys.argv[1])
app.exec()
"""


def without_the_switches(page: Path, *, weakened: bool = False) -> None:
    """Show ``page`` for 3 s in the preview of an application started without the Chromium
    switches: a process of its own, as Chromium reads them once per process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", CONTROL, str(page), "weakened" if weakened else "as is"], cwd=ROOT,
                   env=env, timeout=120, check=True, capture_output=True)


@needs_webengine
@pytest.mark.slow
def test_control_with_both_layers_removed_the_probe_reads_the_file_and_connects(qtbot, tmp_path, listener):
    """With settings and interceptor gone the probe reads the file. Its requests then meet the
    Chromium switches, which stop them too: the dead proxy fails closed, Chromium does not fall back
    to connecting directly. In an application without the switches as well, they connect."""
    w = preview(qtbot)
    weaken(w, settings=True, interceptor=True)
    page = probe_page(tmp_path, listener.port)
    load(qtbot, w, page)
    out = probe_results(qtbot, w)
    assert out["xhr_secret"] == "read:" + SECRET
    assert out["xhr_net"] == out["fetch_net"] == "blocked"
    qtbot.wait(500)
    assert listener.hits == []
    without_the_switches(page, weakened=True)
    assert any("/xhr" in h for h in listener.hits), listener.hits


def unrequested_probe_page(tmp_path: Path, port: int, udp_port: int) -> Path:
    """A page that connects without a request, which neither settings nor interceptor see: a
    ``<link rel=preconnect>`` to 127.0.0.1:port (a bare TCP connection), a frame there (headless
    Chromium connects for one before its page's policy blocks it), and WebRTC asking a STUN server
    on 127.0.0.1:udp_port (UDP) and a TURN server on 127.0.0.1:port (TCP) for its address."""
    page = tmp_path / "unrequested.html"
    page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>
<link rel="preconnect" href="http://127.0.0.1:{port}/"></head><body>
<iframe src="http://127.0.0.1:{port}/frame"></iframe>
<script>
var pc = new RTCPeerConnection({{iceServers: [{{urls: "stun:127.0.0.1:{udp_port}"}},
  {{urls: "turn:127.0.0.1:{port}?transport=tcp", username: "u", credential: "c"}}]}});
pc.createDataChannel("x");
pc.createOffer().then(function (offer) {{ return pc.setLocalDescription(offer); }});
</script></body></html>""", encoding="utf-8")
    return page


def test_the_application_carries_the_preview_switches_where_qtwebengine_reads_them(qapp):
    """The suite's QApplication has the arguments Crossings starts with, so the preview tests below
    test the production switches; and nothing (such as ``QTWEBENGINE_CHROMIUM_FLAGS``) makes Qt
    ignore them."""
    args = qapp.arguments()
    assert qt_app.missing_chromium_switches(args) == []
    assert args[1:] == qt_app.qt_app_argv("x")[1:]
    assert qt_app.CHROMIUM_FLAGS_VARIABLE not in os.environ
    if qt_app.running_as_root():  # Chromium will not start as root with its sandbox
        assert "--no-sandbox" in args[args.index("--webEngineArgs"):]


def test_a_developers_chromium_flags_do_not_take_the_switches_away(monkeypatch):
    """Qt drops all of ``--webEngineArgs`` while ``QTWEBENGINE_CHROMIUM_FLAGS`` is set: the
    variable's switches go into the arguments instead, before Crossings' own (Chromium keeps the
    last value of a switch), and the variable out of the environment."""
    monkeypatch.setenv(qt_app.CHROMIUM_FLAGS_VARIABLE, '--proxy-server=direct:// --lang="fr"')
    argv = qt_app.qt_app_argv("crossings")
    assert qt_app.CHROMIUM_FLAGS_VARIABLE not in os.environ
    assert argv[:4] == ["crossings", "--webEngineArgs", "--proxy-server=direct://", "--lang=fr"]
    assert argv[-len(qt_app.PREVIEW_CHROMIUM_SWITCHES):] == list(qt_app.PREVIEW_CHROMIUM_SWITCHES)
    assert qt_app.missing_chromium_switches(argv) == []


def test_without_the_switches_in_force_the_preview_does_not_use_qtwebengine(qtbot, monkeypatch):
    """Switches that Qt would not use fail closed: the preview falls back to its plain message."""
    switches = list(qt_app.PREVIEW_CHROMIUM_SWITCHES)
    assert qt_app.missing_chromium_switches(["crossings", *switches]) == switches  # no --webEngineArgs
    overridden = ["crossings", "--webEngineArgs", *switches, "--proxy-server=direct://"]
    assert qt_app.missing_chromium_switches(overridden) == [switches[0]]
    argv = qt_app.qt_app_argv("crossings")
    monkeypatch.setenv(qt_app.CHROMIUM_FLAGS_VARIABLE, "--no-sandbox")  # set after the application started
    assert qt_app.missing_chromium_switches(argv) == switches
    w = WebMapPreview()
    qtbot.addWidget(w)
    assert not w.uses_webengine and w.unlocked == switches
    assert "without the switches" in w.message.text()


@needs_webengine
@pytest.mark.slow
def test_a_page_in_the_preview_opens_no_connection_without_a_request(qtbot, tmp_path, listener, udp_listener):
    """Preconnect, frame and WebRTC reach nothing: with a dead proxy for everything, loopback
    included, the bare connection goes to a closed port, and WebRTC may send no unproxied UDP."""
    w = preview(qtbot)
    load(qtbot, w, unrequested_probe_page(tmp_path, listener.port, udp_listener.port))
    qtbot.wait(2000)
    assert listener.hits == []
    assert udp_listener.hits == []


@needs_webengine
@pytest.mark.slow
def test_control_without_the_switches_the_page_connects_and_sends_udp(tmp_path, listener, udp_listener):
    """The probe works: in an application started without the switches (a process of its own:
    Chromium reads them once per process), the same page in the same preview connects and sends
    STUN packets, with its settings and interceptor in place."""
    without_the_switches(unrequested_probe_page(tmp_path, listener.port, udp_listener.port))
    assert NO_REQUEST in listener.hits, listener.hits  # the preconnect; the frame's request was blocked
    assert udp_listener.hits, "no STUN packet"


@needs_webengine
@pytest.mark.slow
@pytest.mark.parametrize("how", ["script", "meta refresh", "link"])
def test_a_preview_page_cannot_navigate_away_from_the_file(qtbot, tmp_path, how):
    other = tmp_path / "other.html"
    other.write_text("<!DOCTYPE html><title>NAVIGATED</title>", encoding="utf-8")
    go = {"script": "<script>setTimeout(function () { location.href = 'other.html'; }, 0);</script>",
          "meta refresh": '<meta http-equiv="refresh" content="0; url=other.html">',
          "link": "<a id='a' href='other.html'>x</a><script>setTimeout(function () { document.getElementById('a').click(); }, 0);"
                  "</script>"}[how]
    page = tmp_path / "leave.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>stayed</title></head><body>{go}</body></html>", encoding="utf-8")
    w = preview(qtbot)
    load(qtbot, w, page)
    qtbot.wait(1500)
    assert w.view.title() == "stayed"
    assert w.view.url().toLocalFile() == str(page.resolve())
    # control: with the gate open the same page does leave (the settings then still refuse to
    # show the other file, so the address is what tells)
    w.gate.allows = lambda url: True
    w.view.reload()
    qtbot.waitUntil(lambda: w.view.url().toLocalFile() == str(other.resolve()), timeout=20_000)


@needs_webengine
@pytest.mark.slow
def test_the_exported_map_still_loads_in_the_locked_preview(qtbot, exported):
    w = preview(qtbot)
    load(qtbot, w, exported)
    result = {}

    def drawn():
        w.view.page().runJavaScript(
            "window.crossingsMap ? document.querySelectorAll('path.crossings-flow').length : -1",
            0, lambda value: result.__setitem__("flows", value))
        assert result.get("flows") == 5

    qtbot.waitUntil(drawn, timeout=30_000)
    assert w.gate.blocked == []  # the map needs nothing but its own file
