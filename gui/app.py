"""Start the desktop app: QApplication, fonts, translations (Arabic right to left), main window.

``run_gui(argv)`` is what ``crossings`` and ``crossings gui`` call.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from geo.paths import resource_path
from gui.qt_app import qt_app_argv

RTL_LANGUAGES = ("ar", "he", "fa", "ur")


def language_for(requested: str | None) -> str:
    """The interface language: the argument, else the preference, else the system's."""
    if requested:
        return requested
    saved = QSettings().value("language", "")
    return saved or QLocale.system().name().split("_")[0]


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Crossings' and Qt's own translations for ``language``; set right to left for Arabic."""
    translators = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"crossings_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    if isinstance(app, QApplication):
        rtl = language in RTL_LANGUAGES
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return translators


def make_app(argv: list[str]) -> QApplication:
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    if QApplication.instance() is None:
        # QtWebEngine (the web map preview, loaded only when asked for) needs shared GL contexts,
        # which can only be switched on before the application exists
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("Crossings")
    app.setApplicationName("Crossings")
    app.setApplicationDisplayName("Crossings")
    return app


class QuitAfterFirstPaint(QObject):
    """``CROSSINGS_QUIT_AFTER_MS``: quit that long after the first paint (smoke tests of the installed bundle)."""

    def __init__(self, app: QCoreApplication, msecs: int) -> None:
        super().__init__(app)
        self.msecs = msecs
        app.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QCoreApplication.instance().removeEventFilter(self)
            print(f"crossings: painted, quitting in {self.msecs} ms", file=sys.stderr, flush=True)
            QTimer.singleShot(self.msecs, QCoreApplication.quit)
        return False


def run_gui(argv: list[str] | None = None) -> int:
    """Open the main window (with any files named on the command line) and run the event loop."""
    parser = argparse.ArgumentParser(prog="crossings gui", description="Open the Crossings desktop app.")
    parser.add_argument("files", nargs="*", help="projects, vector files or figures to open")
    parser.add_argument("--lang", choices=("en", "fr", "ar"), help="interface language (default: preference or system)")
    parser.add_argument("--no-recover", action="store_true", help="do not offer to recover an autosave")
    args = parser.parse_args(argv)
    app = make_app(qt_app_argv())  # with the web preview's Chromium switches
    install_translations(app, language_for(args.lang))
    from gui.fonts import ensure_fonts
    from gui.main_window import MainWindow

    ensure_fonts()
    window = MainWindow()
    language = language_for(args.lang)
    if language in ("fr", "ar"):
        window.doc.label_language = language  # field offices read the map in their language too
        window.doc.invalidate("style")
        window.history.reset()
    window.show()
    if not args.no_recover:
        QTimer.singleShot(0, window.files.offer_recovery)
    if args.files:
        window.files.open_paths([Path(f) for f in args.files])
    if os.environ.get("CROSSINGS_QUIT_AFTER_MS"):
        QuitAfterFirstPaint(app, int(os.environ["CROSSINGS_QUIT_AFTER_MS"]))
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:]))
