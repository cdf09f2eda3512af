"""A preview of an exported web map: QtWebEngine where it is installed, a plain fallback where not.

Import this module before the ``QApplication`` is created (the main window's module does): it sets
``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox`` when running as root (Chromium refuses to start as root
with its sandbox) and imports QtWebEngineWidgets, which Qt wants loaded before the application.
Without QtWebEngine (a slim PySide6 install, a bundle without it) the widget says so and offers to
open the file in the system browser; nothing else depends on it.

The preview shows the file the exporter wrote (``load(QUrl.fromLocalFile(...))``, not ``setHtml``,
which Qt limits to 2 MB). QtWebEngine's default ``LocalContentCanAccessRemoteUrls = False`` keeps a
local page from reaching the network, so the preview is as offline as the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def _prepare_webengine() -> tuple[type | None, str]:
    """The QWebEngineView class (or None) and, when None, why."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags.split():
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError as exc:  # PySide6 without the WebEngine add-on, or missing system libraries
        return None, str(exc)
    return QWebEngineView, ""


_WEBVIEW_CLASS, _WEBENGINE_PROBLEM = _prepare_webengine()


def webengine_available() -> bool:
    return _WEBVIEW_CLASS is not None


class WebMapPreview(QWidget):
    """Shows one exported web map file; ``show_file(path)`` to (re)load it.

    ``use_webengine=False`` forces the fallback (tests, or a user setting). ``loaded`` is emitted
    with True/False when the page finished loading (always True in the fallback).
    """

    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, use_webengine: bool | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.view = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        use = webengine_available() if use_webengine is None else (use_webengine and webengine_available())
        if use:
            self.view = _WEBVIEW_CLASS(self)
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
            self.view.load(QUrl.fromLocalFile(str(self.path)))
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
        why = "Qt WebEngine is not installed" if not webengine_available() else "the interactive preview is turned off"
        text = f"No interactive preview here: {why}."
        if _WEBENGINE_PROBLEM and not webengine_available():
            text += f"\n({_WEBENGINE_PROBLEM})"
        if self.path is not None:
            text += f"\n\nThe web map was written to\n{self.path}\nand opens in any web browser, with no internet connection."
        self.message.setText(text)
