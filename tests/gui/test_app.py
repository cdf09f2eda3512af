"""Start-up: `crossings` and `crossings gui` open the window; the canvas renders off the UI thread."""

# Fixtures come from window_support by import, so test arguments "redefine" them.
# ruff: noqa: F811

from __future__ import annotations

import time

import pytest
from window_support import isolated_settings, prompts  # noqa: F401

from gui import cli


@pytest.mark.parametrize("argv,expected", [([], []), (["gui"], []), (["gui", "a.csv", "--lang", "ar"], ["a.csv", "--lang", "ar"])])
def test_cli_without_command_or_gui_starts_the_app(monkeypatch, argv, expected):
    calls = []
    import gui.app

    monkeypatch.setattr(gui.app, "run_gui", lambda args: calls.append(args) or 0)
    assert cli.main(argv) == 0
    assert calls == [expected]


def test_run_gui_opens_the_window_and_files(qapp, qtbot, monkeypatch, tmp_path, isolated_settings):
    import gui.app
    from gui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(type(qapp), "exec", lambda self: shown.append(self.activeWindow()) or 0)
    monkeypatch.setattr(MainWindow, "__init__", _wrap_init(MainWindow.__init__, tmp_path, shown))
    points = tmp_path / "pts.csv"
    points.write_text("name,lat,lon\nA,30,10\n", encoding="utf-8")
    assert gui.app.run_gui([str(points), "--no-recover"]) == 0
    win = shown[0]
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: not win.files.tasks.busy, timeout=10000)
    qtbot.waitUntil(lambda: win.doc.layers[-1].title == "pts", timeout=10000)
    win.history.mark_clean()


def _wrap_init(original, tmp_path, shown):
    def init(self, *args, **kwargs):
        kwargs.setdefault("state_dir", tmp_path / "state")
        original(self, *args, **kwargs)
        shown.append(self)
    return init


def test_background_render_keeps_the_ui_thread_free(qtbot, doc, canvas):
    doc.layer("routes").style.opacity = 0.5
    t = time.perf_counter()
    canvas._render_later()  # what the settle timer calls
    queued_ms = (time.perf_counter() - t) * 1000
    assert canvas.busy and queued_ms < 50  # the UI thread only copies the document
    with qtbot.waitSignal(canvas.rendered, timeout=10000):
        pass
    assert canvas.last_render_ms > queued_ms
    assert canvas._image_view == canvas.view


def test_about_lists_data_sources_and_licences(qapp):
    from gui.about import about_html

    html = about_html()
    for text in ("Natural Earth", "public domain", "MMC Quarterly Mixed Migration Update", "SIL Open Font License",
                 "LGPLv3"):
        assert text in html


def test_preferences_are_kept_in_qsettings(qtbot, isolated_settings):
    from PySide6.QtCore import QSettings

    from gui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.autosave.setValue(5)
    dialog.accept()
    assert QSettings().value("language") == "ar" and int(QSettings().value("autosave_minutes")) == 5
    from gui.app import language_for

    assert language_for(None) == "ar" and language_for("fr") == "fr"
