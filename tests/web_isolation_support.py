"""What the web isolation tests share: the exported map, Chromium's launch flags, and listening
sockets on 127.0.0.1 that record any connection (the only sockets the suite opens).

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

import socket
import threading
from pathlib import Path

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest
from chromium_settings import CHROMIUM, FLAGS, LOCAL_SCHEMES, eventually  # noqa: F401  (re-exported)

from gui import web_preview  # web_preview before any QApplication: it prepares QtWebEngine
from gui.layout import PageLayout
from gui.web_export import export_webmap

ROOT = Path(__file__).resolve().parents[1]

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
needs_webengine = pytest.mark.skipif(not web_preview.webengine_available(), reason="QtWebEngine is not installed here")
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
