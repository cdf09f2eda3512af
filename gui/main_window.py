"""The main window: composes the canvas, panels, menus and status bar. Wiring only, no logic.

Files are handled by ``FileActions``, edits go through ``History``, questions through ``Prompts``
(replaceable in tests, so nothing modal blocks them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QScrollArea, QToolBar, QWidget

from geo.document import MapDocument
from geo.history import History
from gui.about import show_about
from gui.callout_edit import CalloutActions
from gui.compare_panel import ComparePanel
from gui.dialogs.preferences import PreferencesDialog
from gui.dialogs.prompts import Prompts
from gui.export_dialog import ExportDialog
from gui.figures_table import FiguresTable
from gui.file_actions import AUTOSAVE_MS, FileActions
from gui.layer_panel import LayerPanel
from gui.map_canvas import MapCanvas
from gui.route_actions import RouteActions
from gui.selection_bar import SelectionBar
from gui.series_dialog import SeriesDialog
from gui.thematic_panel import ThematicPanel
from gui.trend_chart import TrendChart


def default_state_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or Path.home() / ".crossings")


WINDOW_SIZE = (1400, 860)
"""The window's first size, where the screen has room for it."""


SCROLLED_DOCKS = ("thematic", "compare")
"""Panels of many fields, which scroll within their dock: at their full size the thematic layers' 442 px
and the comparison's 429 px made the window too large for a 1280 x 720 screen."""


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless area that scrolls when the dock is smaller than it."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def first_size() -> tuple[int, int]:
    """The window's first size: WINDOW_SIZE within the primary screen's free area. At 1400 x 860 on a
    1280 x 720 laptop the window ran off the screen, its status bar and the map's lower part unseen."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return WINDOW_SIZE
    free = screen.availableGeometry()
    return min(WINDOW_SIZE[0], free.width()), min(WINDOW_SIZE[1], free.height())


class MainWindow(QMainWindow):
    """One map document in one window."""

    def __init__(self, doc: MapDocument | None = None, prompts: Prompts | None = None,
                 state_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc or MapDocument.from_files()
        self.history = History(self.doc)
        self.prompts = prompts or Prompts()
        self.files = FileActions(self.doc, self.history, self.prompts, self, state_dir or default_state_dir())
        self.setAcceptDrops(True)
        self.canvas = MapCanvas(self.doc, self)
        self.setCentralWidget(self.canvas)
        self.layers = LayerPanel(self.doc, self.history, self)
        self.thematic = ThematicPanel(self.doc, self.history, self,
                                      report=lambda t, m: self.prompts.error(self, t, m))
        self.figures = FiguresTable(self.doc, self.history, self)
        self.trend = TrendChart(self.doc, self)
        self.compare = ComparePanel(self.doc, self.history, self.canvas, self,
                                    report=lambda t, m: self.prompts.error(self, t, m))
        self.selection = SelectionBar(self.doc, self.history, self,
                                      report=lambda t, m: self.prompts.error(self, t, m))
        self.docks = {}
        for key, title, widget, area in (
                ("layers", self.tr("Layers"), self.layers, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("thematic", self.tr("Thematic layers"), self.thematic, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("figures", self.tr("Figures"), self.figures, Qt.DockWidgetArea.RightDockWidgetArea),
                ("trend", self.tr("Trend"), self.trend, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("compare", self.tr("Compare"), self.compare, Qt.DockWidgetArea.LeftDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(scrolling(widget) if key in SCROLLED_DOCKS else widget)
            self.addDockWidget(area, dock)
            self.docks[key] = dock
        self.tabifyDockWidget(self.docks["trend"], self.docks["compare"])
        self.tabifyDockWidget(self.docks["layers"], self.docks["thematic"])
        self.docks["trend"].raise_()
        self.docks["layers"].raise_()
        self._build_actions()
        self.routes = RouteActions(self)
        self.callouts = CalloutActions(self)
        self._build_menus()
        self._build_status()
        self.figures.route_selected.connect(self.trend.set_route)
        self.figures.route_selected.connect(self.routes.select_route)
        self.layers.zoom_to_layer.connect(self.canvas.zoom_to_layer)
        self.files.layer_added.connect(self.layers.select_layer)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.files.project_changed.connect(lambda _: self._update_title())
        self.files.recent_changed.connect(self._fill_recent)
        self.history.changed.connect(self._on_history)
        self.files.autosave_timer.setInterval(int(QSettings().value("autosave_minutes", AUTOSAVE_MS // 60000)) * 60000)
        self._on_history()
        self._fill_recent()
        width, height = first_size()
        self.resize(width, height)
        share = width / WINDOW_SIZE[0]  # the docks take the same share of a smaller window
        self.resizeDocks([self.docks["layers"], self.docks["figures"]], [round(300 * share), round(470 * share)],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["layers"], self.docks["trend"]], [round(330 * height / WINDOW_SIZE[1]),
                                                                       round(260 * height / WINDOW_SIZE[1])],
                         Qt.Orientation.Vertical)
        self.restoreGeometry(QSettings().value("window/geometry", b""))
        self.restoreState(QSettings().value("window/state", b""))
        first = next((r.route_id for r in self.figures.rows if r.value), None)
        if first:
            self.figures.select_route(first)

    # -- actions --------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}"
                       + (f" ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else ""))
        act.setStatusTip(tip or text.replace("&", ""))
        act.triggered.connect(lambda checked=False: slot())
        self.addAction(act)
        setattr(self, f"act_{name}", act)
        return act

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        f, c = self.files, self.canvas
        self._action("open_data", self.tr("&Open data…"), self.open_data, std.Open,
                     self.tr("Open boundaries, routes, points (any OGR file or CSV with lat/lon) or figures (CSV/XLSX)"))
        self._action("open_project", self.tr("Open &project…"), lambda: f.open_project(), "Ctrl+Shift+O")
        self._action("save", self.tr("&Save project"), f.save, std.Save)
        self._action("save_as", self.tr("Save project &as…"), lambda: f.save_as(None), std.SaveAs)
        self._action("export", self.tr("&Export…"), self.show_export, "Ctrl+E",
                     self.tr("Export the map as PNG and the layers as GeoJSON or GeoPackage"))
        self._action("export_series", self.tr("Export &series…"), self.show_series_export, "Ctrl+Shift+E",
                     self.tr("Every period, metric and language chosen, on one width scale per metric, with a PDF atlas"))
        self._action("quit", self.tr("&Quit"), self.close, std.Quit)
        self._action("undo", self.tr("&Undo"), self.history.undo, std.Undo)
        self._action("redo", self.tr("&Redo"), self.history.redo, std.Redo)
        self._action("preferences", self.tr("Pre&ferences…"), lambda: PreferencesDialog(self).exec(), std.Preferences)
        zoom_in = self._action("zoom_in", self.tr("Zoom &in"), lambda: c.zoom(1.5), std.ZoomIn)
        # Ctrl++ needs Shift on most keyboards; Ctrl+= is the same key without it
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
        self._action("zoom_out", self.tr("Zoom &out"), lambda: c.zoom(1 / 1.5), std.ZoomOut)
        self._action("zoom_full", self.tr("&Full extent"), c.zoom_full, "Ctrl+0")
        self._action("zoom_layer", self.tr("Zoom to &layer"), self.zoom_to_selected_layer, "Ctrl+L")
        self._action("prev_period", self.tr("&Previous period"), lambda: self.selection.step_period(-1), "Ctrl+PgUp")
        self._action("next_period", self.tr("&Next period"), lambda: self.selection.step_period(1), "Ctrl+PgDown")
        self._action("about", self.tr("&About Crossings"), lambda: show_about(self))
        self._action("map_text", self.tr("Map &title and notes…"), self.edit_map_text, "Ctrl+T",
                     self.tr("The map's title, subtitle and notes"))
        self._action("edit_figures", self.tr("Edit &figures…"), self.edit_figures, "Ctrl+Shift+F",
                     self.tr("Type, paste or add a period of figures (undoable)"))
        self._action("remove_layer", self.tr("&Remove layer"), self.remove_selected_layer, "Ctrl+Del",
                     self.tr("Remove the layer selected in the layer panel (undoable)"))
        self._action("web_preview", self.tr("&Web map preview"), self.show_web_preview, "Ctrl+Shift+W",
                     self.tr("The interactive web map of the current selection, as exported (works offline)"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.act_open_data, self.act_open_project])
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        file.addSeparator()
        file.addActions([self.act_save, self.act_save_as, self.act_export, self.act_export_series])
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_map_text, self.callouts.action, self.act_edit_figures, self.act_remove_layer])
        edit.addSeparator()
        edit.addAction(self.act_preferences)
        bar.addMenu(self.routes.menu(bar))
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_full, self.act_zoom_layer])
        view.addSeparator()
        view.addActions([self.act_prev_period, self.act_next_period])
        view.addAction(self.act_web_preview)
        view.addActions(self.compare.view_actions())  # use this view / reset the export extent
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        bar.addMenu(self.tr("&Help")).addAction(self.act_about)
        tools = QToolBar(self.tr("Main"), self)
        tools.setObjectName("toolbar_main")
        tools.setMovable(False)
        tools.addActions([self.act_open_data, self.act_save, self.act_export])
        tools.addSeparator()
        # the toolbar's Undo/Redo keep short fixed names (the menu's name the step): a button that grew with
        # "Undo Open figures <long file name>" pushed the period and metric selectors into the » overflow
        self.tool_undo = QAction(self.tr("Undo"), self, triggered=lambda checked=False: self.history.undo())
        self.tool_redo = QAction(self.tr("Redo"), self, triggered=lambda checked=False: self.history.redo())
        tools.addActions([self.tool_undo, self.tool_redo])
        tools.addSeparator()
        tools.addAction(self.act_zoom_full)  # zoom in/out: wheel, +/- and the View menu
        tools.addSeparator()
        tools.addWidget(self.selection)
        self.addToolBar(tools)

    def _build_status(self) -> None:
        self.coords = QLabel(self)
        self.coords.setMinimumWidth(170)
        self.coords.setToolTip(self.tr("Longitude and latitude under the cursor (WGS84)"))
        self.render_time = QLabel(self)
        self.unshown = QLabel(self)  # figures the canvas had no room for: said, never dropped silently
        self.statusBar().addPermanentWidget(self.unshown)
        self.statusBar().addPermanentWidget(self.render_time)
        self.statusBar().addPermanentWidget(self.coords)
        self.canvas.cursor_lonlat.connect(self.show_lonlat)
        self.canvas.rendered.connect(lambda ms: self.render_time.setText(self.tr("drawn in {0:.0f} ms").format(ms)))
        self.canvas.rendered.connect(self._say_unshown)

    def _say_unshown(self) -> None:
        """Count the figures the canvas found no room for at this zoom, naming them on hovering: a printed
        page numbers them and keys them in its footer, the canvas has none (at 1280 x 720 Italy's total
        was simply not there)."""
        from geo.map_marks import dropped_figures

        report = self.canvas.renderer.report
        lost = dropped_figures(self.doc, [*report.dropped_labels,
                                          *(k for _inset, inner in report.insets for k in inner.dropped_labels)])
        self.unshown.setText(self.tr("%n figure(s) not drawn at this zoom, for want of room", "", len(lost)) if lost else "")
        self.unshown.setToolTip("\n".join(lost))

    # -- behaviour ------------------------------------------------------------------------------
    def show_lonlat(self, lon: float, lat: float) -> None:
        ew, ns = ("E" if lon >= 0 else "W"), ("N" if lat >= 0 else "S")
        self.coords.setText(f"{abs(lat):.3f}° {ns}  {abs(lon):.3f}° {ew}")

    def open_data(self) -> None:
        paths = self.prompts.open_files(self, str(self.files.folder()))
        if paths:
            self.files.open_paths(paths)

    def show_export(self) -> ExportDialog:
        dialog = ExportDialog(self.doc, self.files.folder(), self, history=self.history,
                              view_extent=self.canvas.view.extent)
        dialog.failed.connect(lambda msg: self.prompts.error(self, self.tr("Export"), msg))
        dialog.show()
        self.export_dialog = dialog
        return dialog

    def show_series_export(self) -> SeriesDialog:
        dialog = SeriesDialog(self.doc, self.files.folder(), self)
        dialog.show()
        self.series_dialog = dialog
        return dialog

    def edit_map_text(self, dialog=None) -> None:
        """Title, subtitle and notes as one undoable edit (``dialog`` injectable for tests)."""
        from gui.dialogs.map_text import MapTextDialog

        dialog = dialog or MapTextDialog(self.doc, self)
        if not dialog.exec():
            return
        title, subtitle, notes = dialog.values()

        def apply():
            self.doc.set_title(title or self.doc.title, subtitle)
            self.doc.notes = notes
        self.history.edit(self.tr("Edit title and notes"), apply)

    def edit_figures(self, dialog=None):
        """The figures editor, window-modal but not blocking (``dialog`` injectable for tests)."""
        from gui.figures_editor import open_figures_editor

        return open_figures_editor(self.doc, self.history, self, dialog)

    def remove_selected_layer(self) -> None:
        layer = self.layers.current()
        if layer is None:
            return
        if (layer.kind == "routes" and self.doc.flows is not None and not self.doc.is_od
                and len(self.doc.routes_layers()) == 1):
            self.prompts.error(self, self.tr("Remove layer"),
                               self.tr("The routes carry the figures' flows; open other routes instead of removing them"))
            return
        self.history.edit(self.tr("Remove layer {0}").format(layer.title), lambda: self.doc.remove_layer(layer))

    web_preview_engine: bool | None = None
    """None: QtWebEngine when installed; False: always the plain fallback (tests, slim installs)."""

    def show_web_preview(self) -> None:
        """Export the current map as a web map off the UI thread and show it in a dock (QtWebEngine
        where installed; otherwise the dock says so and offers the system browser)."""
        from geo.history import clone
        from gui.layout import page_view
        from gui.web_export import export_webmap
        from gui.web_preview import WebMapPreview

        if "web" not in self.docks:
            dock = QDockWidget(self.tr("Web map"), self)
            dock.setObjectName("dock_web")
            dock.setWidget(WebMapPreview(dock, use_webengine=self.web_preview_engine))
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.tabifyDockWidget(self.docks["figures"], dock)
            self.docks["web"] = dock
        dock = self.docks["web"]
        dock.show()
        dock.raise_()
        snapshot = clone(self.doc, caches_from=self.doc)  # the worker reads a copy, never the live document
        self.files.state_dir.mkdir(parents=True, exist_ok=True)
        target = self.files.state_dir / "web_preview.html"
        if getattr(self, "web_runner", None) is None:
            from gui.workers import TaskRunner

            self.web_runner = TaskRunner(self, threads=1)
        self.statusBar().showMessage(self.tr("Building the web map…"))
        self.web_task = self.web_runner.start(
            lambda progress, cancelled: export_webmap(snapshot, page_view(snapshot), target),  # an export's frame
            on_done=lambda path: (dock.widget().show_file(path), self.statusBar().showMessage(str(path), 5000)),
            on_failed=lambda exc: self.prompts.error(self, self.tr("Web map"), str(exc)))

    def zoom_to_selected_layer(self) -> None:
        layer = self.layers.current()
        if layer is not None:
            self.canvas.zoom_to_layer(layer)

    def _on_history(self) -> None:
        h = self.history
        self.act_undo.setEnabled(h.can_undo)
        self.act_redo.setEnabled(h.can_redo)
        self.act_undo.setText(self.tr("&Undo {0}").format(h.undo_label) if h.can_undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo {0}").format(h.redo_label) if h.can_redo else self.tr("&Redo"))
        for tool, act, can in ((self.tool_undo, self.act_undo, h.can_undo), (self.tool_redo, self.act_redo, h.can_redo)):
            tool.setEnabled(can)
            tool.setToolTip(act.text().replace("&", "") + f" ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self._update_title()

    def _update_title(self) -> None:
        name = self.files.project.name if self.files.project else self.tr("Untitled map")
        self.setWindowTitle(f"{name}{' *' if self.history.is_dirty else ''} — Crossings")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent():
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda checked=False, p=path: self.files.open_project(Path(p)))
        self.recent_menu.setEnabled(bool(self.files.recent()))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.drop_mime(event.mimeData())
        event.acceptProposedAction()

    def drop_mime(self, mime) -> None:
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            self.files.open_paths(paths)

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.canvas.tasks.wait()
        self.files.clean_exit()
        event.accept()
