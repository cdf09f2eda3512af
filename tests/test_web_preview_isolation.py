"""The web preview in QtWebEngine: its own profile, closed settings, a request interceptor, no
navigation away, and Chromium switches for what is no request (a preconnect, WebRTC), each layer
tested alone and with a control. The overview: tests/web_isolation_support.py."""
# ruff: noqa: F811
# Fixtures come from web_isolation_support by import, so test arguments "redefine" them.

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest
from web_isolation_support import (  # noqa: F401  (fixtures are used by name)
    NO_REQUEST,
    ROOT,
    exported,
    listener,
    needs_webengine,
    udp_listener,
)

from gui import qt_app  # web_preview before any QApplication: it prepares QtWebEngine
from gui.web_preview import WebMapPreview

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
