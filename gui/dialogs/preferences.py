"""Preferences kept with QSettings: interface language and autosave interval."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

LANGUAGES = (("", QT_TRANSLATE_NOOP("PreferencesDialog", "System")), ("en", "English"), ("fr", "Français"), ("ar", "العربية"))


class PreferencesDialog(QDialog):
    """Language (applied at the next start) and autosave minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        settings = QSettings()
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name) if code == "" else name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.value("language", "")), 0))
        self.language.setToolTip(self.tr("Interface language; takes effect when Crossings restarts"))
        self.autosave = QSpinBox(self, minimum=1, maximum=60, suffix=self.tr(" min"))
        self.autosave.setValue(int(settings.value("autosave_minutes", 1)))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Autosave every"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue("language", self.language.currentData())
        settings.setValue("autosave_minutes", self.autosave.value())
        super().accept()
