"""A preview of an exported web map: QtWebEngine where it is installed, a plain fallback where not.

Import this module before the ``QApplication`` is created, or set ``AA_ShareOpenGLContexts`` first
(``gui.app.make_app`` does): it imports QtWebEngineWidgets, which Qt wants loaded before the
application. Chromium's switches (``--no-sandbox`` as root, and those that keep it off the network)
are in the application's arguments, from ``gui.qt_app.qt_app_argv``. Without QtWebEngine (a slim
PySide6 install, a bundle without it) the widget says so and offers to open the file in the system
browser; nothing else depends on it.

The preview shows the file the exporter wrote (``load(QUrl.fromLocalFile(...))``, not ``setHtml``,
which Qt limits to 2 MB). The file may come from a project someone mailed, and the exporter's own
defences (escaping, the page's Content-Security-Policy) may one day miss a case; as root,
Chromium's sandbox is off too. So the preview does not trust the page either, and gives it:

- its own off-the-record profile: no cookies, storage or cache shared with, or left for, anything;
- settings that take away what a map does not need: reading other local files
  (``LocalContentCanAccessFileUrls``, on by default), the network, windows, the clipboard,
  plugins, insecure content, local storage, WebGL, navigation by dropping a file;
- a request interceptor on that profile that blocks every request but the file itself and
  ``data:`` URLs (the inlined Leaflet's images), whatever the settings let through;
- a page that refuses to navigate anywhere else and denies every permission it is asked for;
- Chromium switches for the whole process (``gui.qt_app.PREVIEW_CHROMIUM_SWITCHES``) against what
  is no request, so neither settings nor interceptor see it: the bare connection a
  ``<link rel=preconnect>`` opens, WebRTC's UDP. An application started without them (or with
  ``QTWEBENGINE_CHROMIUM_FLAGS`` set, which makes Qt drop them) gets the plain fallback instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.qt_app import missing_chromium_switches


def _prepare_webengine() -> tuple[type | None, str]:
    """The QWebEngineView class (or None) and, when None, why."""
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError as exc:  # PySide6 without the WebEngine add-on, or missing system libraries
        return None, str(exc)
    return QWebEngineView, ""


_WEBVIEW_CLASS, _WEBENGINE_PROBLEM = _prepare_webengine()

if _WEBVIEW_CLASS is not None:
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineSettings,
        QWebEngineUrlRequestInterceptor,
    )

    #: What the preview's profile turns off (True: what it keeps). A map needs scripts and images.
    PREVIEW_SETTINGS = {
        QWebEngineSettings.WebAttribute.JavascriptEnabled: True,
        QWebEngineSettings.WebAttribute.AutoLoadImages: True,
        QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls: False,
        QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls: False,
        QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows: False,
        QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard: False,
        QWebEngineSettings.WebAttribute.JavascriptCanPaste: False,
        QWebEngineSettings.WebAttribute.AllowWindowActivationFromJavaScript: False,
        QWebEngineSettings.WebAttribute.PluginsEnabled: False,
        QWebEngineSettings.WebAttribute.PdfViewerEnabled: False,
        QWebEngineSettings.WebAttribute.AllowRunningInsecureContent: False,
        QWebEngineSettings.WebAttribute.AllowGeolocationOnInsecureOrigins: False,
        QWebEngineSettings.WebAttribute.NavigateOnDropEnabled: False,
        QWebEngineSettings.WebAttribute.LocalStorageEnabled: False,
        QWebEngineSettings.WebAttribute.WebGLEnabled: False,
        QWebEngineSettings.WebAttribute.HyperlinkAuditingEnabled: False,
        QWebEngineSettings.WebAttribute.DnsPrefetchEnabled: False,
        QWebEngineSettings.WebAttribute.AutoLoadIconsForPage: False,
        QWebEngineSettings.WebAttribute.FullScreenSupportEnabled: False,
        QWebEngineSettings.WebAttribute.ScreenCaptureEnabled: False,
        QWebEngineSettings.WebAttribute.WebRTCPublicInterfacesOnly: True,
    }

    class _OnlyTheFile(QWebEngineUrlRequestInterceptor):
        """Blocks every request of the profile except the previewed file and ``data:`` URLs.

        The settings already keep a local page off other files and the network; this is the
        second lock, in the browser process, which no page script and no missed setting can pass.
        ``blocked`` lists what was refused (capped), for tests and for a curious developer.
        """

        def __init__(self, parent=None) -> None:
            super().__init__(parent)
            self.allowed: str | None = None  # the previewed file's path
            self.blocked: list[str] = []

        def allows(self, url: QUrl) -> bool:
            if url.scheme() == "data":
                return True
            return self.allowed is not None and url.isLocalFile() and url.toLocalFile() == self.allowed

        def interceptRequest(self, info) -> None:
            url = info.requestUrl()
            if not self.allows(url):
                info.block(True)
                if len(self.blocked) < 1000:
                    self.blocked.append(url.toString())

    class _PreviewPage(QWebEnginePage):
        """A page that stays on the previewed file: links, scripts and form posts cannot take it
        (or a frame in it) anywhere else, and it is granted no permission (camera, location…)."""

        def __init__(self, profile, gate: _OnlyTheFile, parent=None) -> None:
            super().__init__(profile, parent)
            self.gate = gate
            self.permissionRequested.connect(lambda permission: permission.deny())

        def acceptNavigationRequest(self, url, kind, is_main_frame) -> bool:
            return bool(is_main_frame) and self.gate.allows(url)


def webengine_available() -> bool:
    return _WEBVIEW_CLASS is not None


def network_lock_missing() -> list[str]:
    """The Chromium switches against bare connections that this application would run without
    ([] when all are in force): without them the preview does not use QtWebEngine."""
    return missing_chromium_switches(QCoreApplication.arguments())


class WebMapPreview(QWidget):
    """Shows one exported web map file; ``show_file(path)`` to (re)load it.

    ``use_webengine=False`` forces the fallback (tests, or a user setting). ``loaded`` is emitted
    with True/False when the page finished loading (always True in the fallback). ``unlocked``
    lists the Chromium switches the application lacks, when that is why the fallback is shown.
    """

    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, use_webengine: bool | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.view = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        use = webengine_available() if use_webengine is None else (use_webengine and webengine_available())
        self.unlocked = network_lock_missing() if use else []
        if use and not self.unlocked:
            self.view = _WEBVIEW_CLASS(self)
            # created after the view, so deleted after it (and after its page, which must go first)
            self.profile = QWebEngineProfile(self)  # no storage name: off the record
            self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
            self.profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
            for attribute, on in PREVIEW_SETTINGS.items():
                self.profile.settings().setAttribute(attribute, on)
            self.gate = _OnlyTheFile(self.profile)
            self.profile.setUrlRequestInterceptor(self.gate)
            self.view.setPage(_PreviewPage(self.profile, self.gate, self.view))
            self.view.setAcceptDrops(False)  # a file dropped here goes to the main window, which opens it
            self.view.loadFinished.connect(self.loaded.emit)
            layout.addWidget(self.view, 1)
            self.message = None
        else:
            self.message = QLabel(self)
            self.message.setWordWrap(True)
            self.message.setTextFormat(Qt.TextFormat.PlainText)
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_button = QPushButton("Open in browser", self)
        self.open_button.setToolTip("Open the web map in the system's web browser")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_in_browser)
        row.addWidget(self.open_button)
        if self.view is None:
            row.addStretch(1)
            layout.addLayout(row)
            layout.addStretch(1)
        else:
            layout.addLayout(row)
        self._update_message()

    @property
    def uses_webengine(self) -> bool:
        return self.view is not None

    def show_file(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        self.open_button.setEnabled(True)
        if self.view is not None:
            url = QUrl.fromLocalFile(str(self.path))
            self.gate.allowed = url.toLocalFile()
            self.view.load(url)
        else:
            self._update_message()
            self.loaded.emit(True)

    def open_in_browser(self) -> bool:
        if self.path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def _update_message(self) -> None:
        if self.message is None:
            return
        if not webengine_available():
            why = "Qt WebEngine is not installed"
        elif self.unlocked:
            why = "the application was started without the switches that keep Qt WebEngine off the network"
        else:
            why = "the interactive preview is turned off"
        text = f"No interactive preview here: {why}."
        if _WEBENGINE_PROBLEM and not webengine_available():
            text += f"\n({_WEBENGINE_PROBLEM})"
        if self.path is not None:
            text += f"\n\nThe web map was written to\n{self.path}\nand opens in any web browser, with no internet connection."
        self.message.setText(text)
