"""The export dialog: page settings, formats, a preview of the page, progress and cancel.

The dialog fills an ``ExportRequest`` (plain data) and ``run_export`` does the work on a copy of
the document off the UI thread, so the window stays responsive and the user may keep editing.
"""

from __future__ import annotations

import glob
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from geo.atomic import output_set
from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.export_settings import FORMATS, ExportSettings, output_folder, relative_folder
from geo.history import clone
from geo.insets import AUTO, INSET_AREAS, NONE, parse_insets
from geo.legend_place import BESIDE, INSIDE
from geo.map_language import map_language
from geo.page import PAPER_SIZES_MM, Page
from gui import export as png_export
from gui.dialogs.prompts import confirm_overwrite as ask_overwrite
from gui.workers import TaskRunner

PREVIEW_DPI = 72.0
FORMAT_LABELS = {"png": QT_TRANSLATE_NOOP("ExportDialog", "PNG image"),
                 "pdf": QT_TRANSLATE_NOOP("ExportDialog", "PDF (vector)"),
                 "svg": QT_TRANSLATE_NOOP("ExportDialog", "SVG (vector, named layers)"),
                 "geojson": QT_TRANSLATE_NOOP("ExportDialog", "GeoJSON, one file per layer"),
                 "gpkg": QT_TRANSLATE_NOOP("ExportDialog", "GeoPackage, all layers"),
                 "html": QT_TRANSLATE_NOOP("ExportDialog", "Web map (one HTML file that works offline)")}


def inset_choices(doc: MapDocument) -> list[tuple[str, str | tuple[str, ...]]]:
    """The inset control's entries after auto and none, as (text, choice): each area, then each set of
    them, named by the titles their insets print (in the map's language)."""
    lang = map_language(doc)
    out = []
    for n in range(1, len(INSET_AREAS) + 1):
        for areas in itertools.combinations(INSET_AREAS.values(), n):
            out.append((" + ".join(lang(a.word) for a in areas), tuple(a.key for a in areas)))
    return out


def _inset_key(choice: str | tuple[str, ...]) -> str:
    """A choice as the control's item data: auto, none, or the areas' keys in the planner's order."""
    return choice if isinstance(choice, str) else ",".join(k for k in INSET_AREAS if k in choice)


def available_formats() -> list[str]:
    """PNG, GeoJSON and GeoPackage always; PDF and SVG when the exporter offers them."""
    return [f for f in FORMATS if f not in ("pdf", "svg") or hasattr(png_export, f"export_{f}")]


@dataclass(frozen=True)
class ExportRequest:
    folder: Path
    base: str
    page: Page
    formats: frozenset[str] = field(default_factory=lambda: frozenset({"png", "geojson"}))
    transparent: bool = False
    extent: tuple[float, float, float, float] | None = None
    """A projected extent (the canvas's view) every file frames exactly; None: the document's frame."""
    insets: str | tuple[str, ...] = AUTO
    """The pages' inset maps (geo.insets: auto, none or the areas' keys)."""
    legend_place: str = AUTO
    """Where the pages' legend stands (geo.legend_place: auto, inside or beside)."""


def existing_outputs(req: ExportRequest) -> list[Path]:
    """The files of this export that exist already (GeoJSON: any ``<base>_<layer>.geojson``)."""
    base = re.sub(r"[^\w.-]+", "-", req.base) or "map"
    found = [req.folder / f"{base}.{fmt}" for fmt in sorted(req.formats) if fmt != "geojson"]
    found = [p for p in found if p.exists()]
    if "geojson" in req.formats:
        found += sorted(req.folder.glob(f"{glob.escape(base)}_*.geojson"))
    return found


def run_export(doc: MapDocument, req: ExportRequest, progress, cancelled) -> list[Path]:
    """Write every requested format; stops between files when cancelled, and then no file of the
    job is left (not even the formats already finished)."""
    if not req.folder.is_dir():
        raise CrossingsError(f"output folder {req.folder} does not exist")
    base = re.sub(r"[^\w.-]+", "-", req.base) or "map"
    targets = {fmt: req.folder / f"{base}.{fmt}" for fmt in req.formats}
    if "geojson" in targets:
        targets["geojson"] = req.folder / base
    if req.extent is not None:  # ``doc`` is the export's own copy: the frame is this export's alone
        doc.frame_extent = req.extent
    doc.insets = req.insets
    doc.legend_place = req.legend_place
    with output_set():  # Cancel or a failure discards every file of the job; success renames them all
        written = png_export.write_map_files(doc, req.page, targets, transparent=req.transparent,
                                             progress=progress, cancelled=cancelled)
    progress(1.0, "")
    return written


class ExportDialog(QDialog):
    """Choose page and formats, preview, export with progress; Cancel stops a running export."""

    finished_export = Signal(list)
    preview_ready = Signal()
    failed = Signal(str)

    def __init__(self, doc: MapDocument, folder: Path, parent: QWidget | None = None,
                 confirm_overwrite=None, history=None,
                 view_extent: tuple[float, float, float, float] | None = None) -> None:
        """``folder`` is the project's folder (the export folder is kept relative to it); the settings
        of an export are written back to ``doc`` (through ``history``, as one undoable edit).
        ``view_extent`` is the map window's view (projected), offered as the export's frame."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export map"))
        self.confirm_overwrite = confirm_overwrite or (lambda paths: ask_overwrite(self, paths))
        self.doc = doc
        self.project_folder = Path(folder)
        self.history = history
        settings = getattr(doc, "export_settings", ExportSettings())
        self.runner = TaskRunner(self)
        self.task = None
        self.written: list[Path] = []
        page = doc.page
        self.paper = QComboBox(self)
        self.paper.addItems(list(PAPER_SIZES_MM))
        self.paper.setCurrentText(page.paper if page.width_px is None else "A4")
        self.orientation = QComboBox(self)
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(self.orientation.findData(page.orientation))
        self.dpi = QSpinBox(self, minimum=50, maximum=1200, singleStep=50, value=round(page.dpi), suffix=" dpi")
        self.transparent = QCheckBox(self.tr("Transparent background"), self)
        self.transparent.setChecked(settings.transparent)
        self.view_extent = tuple(view_extent) if view_extent is not None else None
        self.this_view = QCheckBox(self.tr("Frame the map's current view"), self)
        self.this_view.setToolTip(self.tr("Export exactly what the map window shows (widened to the page's shape) "
                                          "instead of fitting the frame to the flows"))
        self.this_view.setEnabled(self.view_extent is not None)
        self.insets = QComboBox(self)
        self.insets.addItem(self.tr("Automatic: where the map needs one"), AUTO)
        self.insets.addItem(self.tr("None"), NONE)
        for text, choice in inset_choices(doc):
            self.insets.addItem(text, _inset_key(choice))
        self.insets.setCurrentIndex(max(0, self.insets.findData(_inset_key(doc.insets))))
        self.insets.setToolTip(self.tr("Small maps of the areas the page's map cannot show legibly (PNG, PDF and SVG; "
                                       "the web map zooms instead)"))
        self.legend_place = QComboBox(self)
        self.legend_place.addItem(self.tr("Automatic: beside the map when it is large"), AUTO)
        self.legend_place.addItem(self.tr("Over the map"), INSIDE)
        self.legend_place.addItem(self.tr("Beside the map"), BESIDE)
        self.legend_place.setCurrentIndex(max(0, self.legend_place.findData(getattr(doc, "legend_place", AUTO))))
        self.legend_place.setToolTip(self.tr("Over the map, a large legend makes the map smaller: its frame keeps every "
                                             "flow clear of it. Beside it, the legend has a column of its own"))
        self.folder = QLineEdit(str(output_folder(settings, self.project_folder)), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.base = QLineEdit(settings.base or self._automatic_base(), self)
        self.checks = {}
        formats = QVBoxLayout()
        for fmt in available_formats():
            box = QCheckBox(self.tr(FORMAT_LABELS[fmt]), self)
            box.setChecked(fmt in settings.formats)
            formats.addWidget(box)
            self.checks[fmt] = box
        form = QFormLayout()
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow("", self.transparent)
        form.addRow("", self.this_view)
        form.addRow(self.tr("Inset maps"), self.insets)
        form.addRow(self.tr("Legend"), self.legend_place)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Folder"), where)
        form.addRow(self.tr("File name"), self.base)
        form.addRow(self.tr("Formats"), formats)
        self.preview = QLabel(self)
        self.preview.setFixedSize(360, 280)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setToolTip(self.tr("Preview of the page as it will be exported"))
        self.progress = QProgressBar(self, minimum=0, maximum=100)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it shows error messages that quote data
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._cancel_or_close)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.preview)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self._preview_timer = QTimer(self, singleShot=True, interval=120, timeout=self.update_preview)
        for w in (self.paper, self.orientation, self.insets, self.legend_place):
            w.currentIndexChanged.connect(self._preview_timer.start)
        self.transparent.toggled.connect(self._preview_timer.start)
        self.this_view.toggled.connect(self._preview_timer.start)
        self.update_preview()

    def request(self) -> ExportRequest:
        page = Page(self.paper.currentText(), self.orientation.currentData(), float(self.dpi.value()))
        return ExportRequest(Path(self.folder.text()).expanduser(), self.base.text().strip(), page,
                             frozenset(f for f, b in self.checks.items() if b.isChecked()), self.transparent.isChecked(),
                             self.view_extent if self.this_view.isChecked() else None,
                             parse_insets(self.insets.currentData()), self.legend_place.currentData())

    def _automatic_base(self) -> str:
        """The file name when none was chosen: after the selection, so it follows the quarter."""
        return re.sub(r"[^\w.-]+", "-", f"crossings_{self.doc.period}_{self.doc.metric}")

    def settings(self, req: ExportRequest | None = None) -> ExportSettings:
        """What the project keeps of ``req``: a folder outside the project's folder and the automatic
        file name are not stored; the name is kept as the files are named."""
        req = req or self.request()
        base = re.sub(r"[^\w.-]+", "-", req.base) or None
        formats = tuple(req.formats) or ExportSettings().formats
        folder = relative_folder(req.folder, self.project_folder)
        try:
            return ExportSettings(formats, folder, None if base == self._automatic_base() else base, req.transparent)
        except CrossingsError:  # a name no project may keep ("..", too long): the automatic one
            return ExportSettings(formats, folder, None, req.transparent)

    def _remember(self, req: ExportRequest) -> None:
        """Write the export's settings, page and insets back to the document, as one undoable edit when changed."""
        settings = self.settings(req)
        same_insets = _inset_key(self.doc.insets) == _inset_key(req.insets)  # the same areas in any order
        same = same_insets and self.doc.legend_place == req.legend_place
        if (self.doc.page, getattr(self.doc, "export_settings", None)) == (req.page, settings) and same:
            return

        def apply() -> None:
            self.doc.export_settings = settings
            self.doc.insets = req.insets
            self.doc.legend_place = req.legend_place
            if self.doc.page != req.page:
                self.doc.set_page(req.page)

        if self.history is not None:
            self.history.edit(self.tr("Export settings"), apply)
        else:
            apply()

    def update_preview(self) -> None:
        """Render the page at screen resolution off the UI thread (the export's renderer), then shrink it.

        Rendering at the preview's own few dpi would make text and halos unreadable blobs.
        """
        req = self.request()
        page = req.page.with_dpi(PREVIEW_DPI)
        work = clone(self.doc)
        work.frame_extent = req.extent  # the preview frames what the export will
        work.insets = req.insets
        work.legend_place = req.legend_place
        options = png_export.RenderOptions(transparent=req.transparent)
        self.runner.start(lambda progress, cancelled: png_export.render_image(work, page, options),
                          self._show_preview, lambda exc: self.preview.setText(str(exc)))

    def _show_preview(self, image) -> None:
        pix = QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pix)
        self.preview_ready.emit()

    def start(self) -> None:
        if self.task is not None:
            return
        req = self.request()
        if not req.formats:
            self._fail(self.tr("Choose at least one format"))
            return
        existing = existing_outputs(req) if req.folder.is_dir() else []
        if existing and not self.confirm_overwrite(existing):
            self.status.setText(self.tr("Not exported: the existing files were kept"))
            return
        self._remember(req)
        work = clone(self.doc)
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.status.setText(self.tr("Exporting…"))
        self.task = self.runner.start(lambda progress, cancelled: run_export(work, req, progress, cancelled),
                                      self._done, self._error, self._progress, self._cancelled)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(fraction * 100))
        if text:
            self.status.setText(self.tr("Writing {0}…").format(text.upper()))

    def _done(self, written: list) -> None:
        self._reset()
        self.written = list(written)
        self.progress.setValue(100)
        self.status.setText(self.tr("Wrote {0} files to {1}").format(len(written), self.folder.text()))
        self.finished_export.emit(self.written)

    def _error(self, exc: BaseException) -> None:
        self._reset()
        self._fail(str(exc) if isinstance(exc, CrossingsError) else self.tr("Export failed: {0}").format(exc))

    def _cancelled(self) -> None:
        self._reset()
        self.status.setText(self.tr("Cancelled"))

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    def _reset(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.cancel()
        else:
            self.reject()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def closeEvent(self, event) -> None:
        self.cancel()
        self.runner.wait(10000)
        super().closeEvent(event)
