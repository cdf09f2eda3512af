"""The quarterly walk of issue 12 under Xvfb, with a screenshot of the whole screen at each step.

    Xvfb :57 -screen 0 1280x720x24 &
    DISPLAY=:57 QT_QPA_PLATFORM=xcb .venv/bin/python docs/quarterly_walk/shoot.py 1280 720 /tmp/walk720

The window is driven with real mouse events (QTest) on the bundled map: draw Tobruk → Crete, add
Q1 2025 in the figures editor, compare with Q4 2024 on the held scale, save, reopen, open Export.
The figures typed are made up for the walk. tests/gui/test_quarterly_walk.py is the same path as a test.
"""
import sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "gui"), str(ROOT / "tests"), str(ROOT)]
import numpy as np
from PySide6.QtCore import QPoint, Qt, QSettings, QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

W, H, OUT = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
OUT.mkdir(parents=True, exist_ok=True)
app = QApplication(["crossings"])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(OUT / "settings"))
QCoreApplication.setOrganizationName("CrossingsWalk"); QCoreApplication.setApplicationName("CrossingsWalk")
from window_support import FakePrompts
from geo.document import MapDocument
from geo.projection import transformer
from geo.route_edit import RouteFields
from gui.main_window import MainWindow
from gui.dialogs.route_form import RouteForm

TOBRUK_CRETE = [(23.98, 32.10), (24.6, 33.4), (24.85, 34.3), (24.95, 34.88)]
Q1 = {"ATL": "10200", "CMR-LY": "8900", "CMR-TN": "1500", "CMR-DZ": "300", "WMR": "3900"}
prompts = FakePrompts()
win = MainWindow(MapDocument.from_files(), prompts=prompts, state_dir=OUT / "state")
win.setGeometry(0, 0, W, H)
win.show()
def pause(ms):
    # a local event loop, not QTest.qWait: qWait keeps Python's GIL while it waits, so the canvas's
    # render thread crawls (10 s instead of 0.1 s) and the status bar's "drawn in" would say so
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()
def settle(ms=600):
    pause(ms)
    while win.canvas.busy:
        pause(50)
    app.processEvents()
def shot(name):
    settle()
    app.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
def px(lon, lat):
    x, y = transformer("EPSG:4326", win.doc.crs).transform(lon, lat)
    (u, v), = win.canvas.view.to_px(np.array([[x, y]]))
    return QPoint(round(u), round(v))
settle(1500)
shot("01_start")
t = transformer("EPSG:4326", win.doc.crs)
xs, ys = t.transform([20.5, 28.5], [30.5, 36.5])
win.canvas.set_extent((min(xs), min(ys), max(xs), max(ys)))
settle()
win.routes.actions["new_route"].trigger()
for lon, lat in TOBRUK_CRETE[:-1]:
    QTest.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(lon, lat)); settle(100)
QTest.mouseMove(win.canvas, px(*TOBRUK_CRETE[-1])); settle(200)
shot("02_drawing")
form = RouteForm(win.doc.routes_layers()[0].data, None, None, win.doc.flow_style.colour_for, win)
form.route_id.setText("CMR-TOBRUK"); form.name.setText("Central Mediterranean route: Tobruk to Crete")
form.group.setCurrentText("CMR"); form.origin.setText("Tobruk"); form.dest.setText("Crete")
form.show(); shot("03_route_form")
answer = form.values(); form.close()
win.routes.ask_fields = lambda layer, fields: answer
QTest.mouseDClick(win.canvas, Qt.MouseButton.LeftButton, pos=px(*TOBRUK_CRETE[-1]))
settle()
shot("04_route_added")
win.act_zoom_full.trigger()
editor = win.edit_figures()
editor.resize(min(W - 80, 1100), min(H - 80, 600)); editor.move(40, 40)
editor.new_period("2025Q1")
rows = editor.rows()
template = next(r for r in rows if r["period"] == "2025Q1" and r["metric"] == "arrivals")
for i, r in enumerate(rows):
    if r["period"] == "2025Q1" and r["metric"] == "arrivals" and r["route_id"] in Q1:
        editor.set_cell(i, "value", Q1[r["route_id"]])
editor.add_row({**template, "route_id": "CMR-TOBRUK", "value": "2100", "qualifier": "about"})
shot("05_figures_editor")
assert editor.apply(), editor.message.text()
editor.close()
win.docks["compare"].show(); win.docks["compare"].raise_()
win.compare.compare.setCurrentIndex(win.compare.compare.findData("previous"))
win.compare.compare.activated.emit(win.compare.compare.currentIndex())
win.compare.colour_change.setChecked(True)
win.figures.select_route("CMR-TOBRUK")
shot("06_compare_q1_2025")
win.compare.colour_change.setChecked(False)
win.selection.choose("2024Q4", period="2024Q4")
shot("07_q4_2024_same_scale")
win.selection.choose("2025Q1", period="2025Q1")
prompts.save_path = str(OUT / "q1_2025.crossings.json")
win.act_save.trigger()
prompts.project_path = prompts.save_path
win.act_open_project.trigger(); settle(1500)
dialog = win.show_export(); settle(1500)
shot("08_reopened_export")
dialog.close()
print("done", win.doc.period, sorted(str(p) for p in win.doc.flows.periods()))
win.history.mark_clean()
win.close()
