"""French and Arabic interfaces come from the compiled .qm files; Arabic lays out right to left."""

# Fixtures come from window_support by import, so test arguments "redefine" them.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from window_support import isolated_settings, prompts  # noqa: F401

from geo.paths import resource_path
from gui.app import install_translations


@pytest.fixture
def translated(qapp):
    installed = []

    def use(lang):
        installed.extend(install_translations(qapp, lang))

    yield use
    for t in installed:
        qapp.removeTranslator(t)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_message_is_translated(lang):
    ts = resource_path("i18n", f"crossings_{lang}.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts and ts.count("<message>") > 100
    assert resource_path("i18n", f"crossings_{lang}.qm").stat().st_size > 5000


def test_french_window(qtbot, translated, isolated_settings, prompts, tmp_path, bundled_doc_factory):
    from gui.main_window import MainWindow

    translated("fr")
    win = MainWindow(bundled_doc_factory(), prompts=prompts, state_dir=tmp_path)
    qtbot.addWidget(win)
    assert win.menuBar().actions()[0].text() == "&Fichier"
    assert win.docks["layers"].windowTitle() == "Couches"
    assert win.selection.metric.currentText() == "Arrivées"
    assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_arabic_window_is_right_to_left(qtbot, translated, isolated_settings, prompts, tmp_path, bundled_doc_factory):
    from gui.main_window import MainWindow

    translated("ar")
    win = MainWindow(bundled_doc_factory(), prompts=prompts, state_dir=tmp_path)
    qtbot.addWidget(win)
    assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
    assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.docks["figures"].windowTitle() == "الأرقام"
