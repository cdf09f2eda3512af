"""Every question the main window asks the user, behind one object tests can replace.

Modal dialogs block a test forever; the window never calls QMessageBox or QFileDialog directly
but goes through ``Prompts``, and tests pass a subclass with canned answers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

DATA_FILTER = "Map data (*.shp *.gpkg *.geojson *.json *.kml *.gml *.csv *.xlsx *.tsv *.txt);;All files (*)"
PROJECT_FILTER = "Crossings projects (*.crossings.json *.json);;All files (*)"


def message_box(icon: QMessageBox.Icon, title: str, message: str, parent: QWidget | None = None) -> QMessageBox:
    """A message box that shows its text as typed: messages quote file content (a cell reading
    ``<a href=…>`` must not become a live link, nor ``<h1>`` a heading), and Qt guesses rich text."""
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def confirm_overwrite(parent: QWidget | None, paths: list) -> bool:
    """Ask before an export replaces files; the names are listed (at most 12) as plain text."""
    names = [str(getattr(p, "name", p)) for p in paths]
    shown = "\n".join(names[:12]) + (f"\n… ({len(names) - 12} more)" if len(names) > 12 else "")
    box = message_box(QMessageBox.Icon.Question, QCoreApplication.translate("Prompts", "Replace files?"),
                      QCoreApplication.translate("Prompts", "These files exist already and will be replaced:")
                      + "\n\n" + shown, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


class Prompts:
    """Real dialogs; each method returns the user's answer."""

    def error(self, parent: QWidget, title: str, message: str) -> None:
        message_box(QMessageBox.Icon.Warning, title, message, parent).exec()

    def info(self, parent: QWidget, title: str, message: str) -> None:
        message_box(QMessageBox.Icon.Information, title, message, parent).exec()

    def unsaved_changes(self, parent: QWidget) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Prompts", "Unsaved changes"),
                          QCoreApplication.translate("Prompts", "The map has changes that are not saved. Save them first?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel")

    def recover(self, parent: QWidget, when: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("Prompts", "Recover unsaved work"),
                                      QCoreApplication.translate("Prompts", "Crossings did not close normally. Recover the map autosaved at {0}?").format(when))
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget, title: str, label: str, options: list[str]) -> str | None:
        """One of ``options`` (a layer, a sheet), or None when the user cancels."""
        chosen, ok = QInputDialog.getItem(parent, title, label, options, 0, False)
        return chosen if ok and chosen else None

    def open_files(self, parent: QWidget, folder: str) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("Prompts", "Open data"), folder, QCoreApplication.translate("Prompts", DATA_FILTER))
        return files

    def open_project(self, parent: QWidget, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Prompts", "Open project"), folder, QCoreApplication.translate("Prompts", PROJECT_FILTER))
        return path or None

    def save_project(self, parent: QWidget, folder: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Prompts", "Save project"), folder, QCoreApplication.translate("Prompts", PROJECT_FILTER))
        if path and not path.endswith(".json"):
            path += ".crossings.json"
        return path or None
