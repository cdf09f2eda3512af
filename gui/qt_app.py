"""One QGuiApplication for headless work; picks the offscreen platform when there is no display."""

from __future__ import annotations

import os
import sys


def ensure_gui_app(headless: bool = True):
    """The running Q(Gui)Application, or a new QGuiApplication (offscreen when headless)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    return QGuiApplication(sys.argv[:1])
