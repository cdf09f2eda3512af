"""The web map preview: QtWebEngine shows the exported file; without it, a fallback that opens a browser."""

from __future__ import annotations

import os

# folium imports requests/urllib3, which opens a socket to probe IPv6: import it at collection,
# before pytest-socket blocks sockets.
import folium  # noqa: F401
import pytest

from gui import web_preview  # before any QApplication: it prepares QtWebEngine
from gui.web_preview import WebMapPreview


@pytest.fixture(scope="module")
def exported(tmp_path_factory, bundled_doc_factory):
    from gui.layout import PageLayout
    from gui.web_export import export_webmap

    doc = bundled_doc_factory()
    view = PageLayout().view(doc.page, doc.crs, doc.default_extent())
    return export_webmap(doc, view, tmp_path_factory.mktemp("preview") / "map.html")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only as root is the sandbox turned off")
def test_running_as_root_turns_the_chromium_sandbox_off(qapp):
    """Chromium refuses to start as root with its sandbox: the flag goes in the app's arguments
    (Qt ignores --webEngineArgs when QTWEBENGINE_CHROMIUM_FLAGS is set, so that stays unset)."""
    args = qapp.arguments()
    assert "--no-sandbox" in args[args.index("--webEngineArgs"):]
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ


@pytest.mark.skipif(not web_preview.webengine_available(), reason="QtWebEngine is not installed here")
def test_webengine_preview_shows_the_exported_map(qtbot, exported):
    w = WebMapPreview()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    assert w.uses_webengine
    with qtbot.waitSignal(w.loaded, timeout=30_000) as blocker:
        w.show_file(exported)
    assert blocker.args == [True]
    result = {}

    def check():
        w.view.page().runJavaScript(
            "window.crossingsMap ? document.querySelectorAll('path.crossings-flow').length : -1",
            0, lambda value: result.__setitem__("flows", value))
        assert result.get("flows") == 5

    qtbot.waitUntil(check, timeout=20_000)
    assert w.open_button.isEnabled()


def test_fallback_says_why_and_opens_the_file_in_the_browser(qtbot, exported, monkeypatch):
    opened = []
    monkeypatch.setattr(web_preview.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(web_preview, "_WEBVIEW_CLASS", None)
    monkeypatch.setattr(web_preview, "_WEBENGINE_PROBLEM", "No module named 'PySide6.QtWebEngineWidgets'")
    w = WebMapPreview()
    qtbot.addWidget(w)
    assert not w.uses_webengine
    assert not w.open_button.isEnabled()
    assert w.open_in_browser() is False
    with qtbot.waitSignal(w.loaded, timeout=1000):
        w.show_file(exported)
    text = w.message.text()
    assert "Qt WebEngine is not installed" in text and str(exported) in text
    assert "no internet connection" in text
    w.open_button.click()
    assert opened == [str(exported)]


def test_fallback_can_be_chosen_even_with_webengine(qtbot, exported):
    w = WebMapPreview(use_webengine=False)
    qtbot.addWidget(w)
    assert not w.uses_webengine and w.view is None
    w.show_file(exported)
    assert str(exported) in w.message.text()
