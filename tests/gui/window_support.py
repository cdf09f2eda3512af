"""Helpers for the window tests: isolated QSettings, canned prompts, a two-quarter figures file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from geo import paths
from gui.dialogs.prompts import Prompts


class FakePrompts(Prompts):
    """Answers every question without a modal dialog and records what was shown."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.unsaved_answer = "discard"
        self.unsaved_asked = 0
        self.recover_answer = True
        self.files: list[str] = []
        self.save_path: str | None = None
        self.project_path: str | None = None
        self.choice: str | None = None
        self.figures_choice = "Replace the loaded figures"
        self.choices_offered: list[tuple[str, list[str]]] = []

    def error(self, parent, title, message):
        self.errors.append((title, message))

    def info(self, parent, title, message):
        self.infos.append((title, message))

    def unsaved_changes(self, parent):
        self.unsaved_asked += 1
        return self.unsaved_answer

    def recover(self, parent, when):
        return self.recover_answer

    def choose(self, parent, title, label, options):
        self.choices_offered.append((label, list(options)))
        if self.choice not in options and self.figures_choice in options:
            return self.figures_choice  # figures opened over figures: replace, as before the question existed
        return self.choice

    def open_files(self, parent, folder):
        return self.files

    def open_project(self, parent, folder):
        return self.project_path

    def save_project(self, parent, folder):
        return self.save_path


@pytest.fixture
def isolated_settings(tmp_path):
    """QSettings in a temporary ini file, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("CrossingsTests")
    QCoreApplication.setApplicationName("CrossingsTests")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def prompts():
    return FakePrompts()


@pytest.fixture
def window(qtbot, qapp, isolated_settings, prompts, tmp_path, bundled_doc_factory):
    from gui.main_window import MainWindow

    win = MainWindow(bundled_doc_factory(), prompts=prompts, state_dir=tmp_path / "state")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.render_now()
    yield win
    win.files.tasks.wait()
    win.files.autosave_timer.stop()
    win.history.mark_clean()  # closing must not prompt


def two_quarter_figures(folder: Path) -> Path:
    """The bundled 2024Q4 arrivals plus a 2024Q3 with a quarter of the Atlantic figure (an outlier),
    and one id no route has."""
    rows = list(csv.DictReader(paths.default_flows().open(encoding="utf-8")))
    q4 = [r for r in rows if r["period"] == "2024Q4" and r["metric"] == "arrivals"]
    q3 = []
    for r in q4:
        value = float(r["value"]) / (4 if r["route_id"] == "ATL" else 1.2)
        q3.append({**r, "period": "2024Q3", "value": f"{value:.0f}", "date_from": "", "date_to": ""})
    unknown = {**q4[0], "route_id": "NOWHERE", "value": "100"}
    out = folder / "figures_q3_q4.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(q3 + q4 + [unknown])
    return out


def wait_idle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.files.tasks.busy, timeout=20000)
    qtbot.wait(1)
