"""The corpus tests: one window shared by every case, errors caught by a prompts hook."""

from __future__ import annotations

import time

import pytest


class RecordingPrompts:
    """Stands in for gui.dialogs.prompts.Prompts: records errors, answers questions, never blocks."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def error(self, parent, title, message):
        self.errors.append((title, message))

    def info(self, parent, title, message):
        pass

    def unsaved_changes(self, parent):
        return "discard"

    def recover(self, parent, when):
        return True

    def choose(self, parent, title, label, options):
        # figures or routes opened over the bundled ones replace them (each case is read on its own); any
        # other choice (a layer, a sheet) is declined, so a file that needs one says so
        return next((o for o in options if o.startswith("Replace the ")), None)

    def open_files(self, parent, folder):
        return []

    def open_project(self, parent, folder):
        return None

    def save_project(self, parent, folder):
        return None


def wait_until(condition, timeout: float = 20.0) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish in time")
        QCoreApplication.processEvents()
        time.sleep(0.002)
    QCoreApplication.processEvents()


@pytest.fixture(scope="module")
def corpus_window(qapp, tmp_path_factory, bundled_doc_factory):
    """One main window on the bundled map that every corpus file is dropped on in turn."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from gui.main_window import MainWindow

    folder = tmp_path_factory.mktemp("corpus_window")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    QCoreApplication.setOrganizationName("CrossingsCorpusTests")
    QCoreApplication.setApplicationName("CrossingsCorpusTests")
    QSettings().clear()
    prompts = RecordingPrompts()
    win = MainWindow(bundled_doc_factory(), prompts=prompts, state_dir=folder / "state")
    win.files.autosave_timer.stop()
    win.show()
    yield win
    win.files.tasks.wait()
    win.history.mark_clean()
    win.close()
    win.deleteLater()
    QSettings().clear()

