"""The map's words: title, subtitle (empty: made from the selection) and notes, edited as one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from geo.document import MapDocument
from geo.map_texts import subtitle


class MapTextDialog(QDialog):
    """Fills from the document; ``values()`` gives (title, subtitle or None, notes) for the caller to apply."""

    def __init__(self, doc: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map title and notes"))
        self.title = QLineEdit(doc.title, self)
        self.subtitle = QLineEdit(doc.subtitle or "", self)
        self.subtitle.setPlaceholderText(subtitle(_without_subtitle(doc)))
        self.subtitle.setToolTip(self.tr("Leave empty to describe the metric, period and dates automatically"))
        self.notes = QPlainTextEdit(doc.notes, self)
        self.notes.setToolTip(self.tr("Kept in the project and printed in the web map"))
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str | None, str]:
        sub = self.subtitle.text().strip()
        return self.title.text().strip(), (sub or None), self.notes.toPlainText().strip()


def _without_subtitle(doc: MapDocument):
    """The document as the automatic subtitle sees it (a custom subtitle would hide it)."""
    class _View:
        def __getattr__(self, name):
            return None if name == "subtitle" else getattr(doc, name)
    return _View()
