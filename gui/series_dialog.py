"""File → Export series…: the quarter's whole series from the window, as ``crossings atlas`` makes it.

The dialog only fills a plan (``geo.series.plan_series``) from checkboxes; the maps are drawn by
the same worker processes as the command line (``gui.series_export``), off the UI thread, with
progress, time left and Cancel. The workers load a snapshot of the window's document, so unsaved
edits are in the series.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.history import clone
from geo.metrics import metric_label
from geo.series import FORMATS, LANGUAGES, SeriesPlan, plan_series
from gui.workers import TaskRunner

LANGUAGE_LABELS = {"en": "English", "fr": "Français", "ar": "العربية"}
FORMAT_NAMES = {"png": "PNG", "pdf": "PDF", "svg": "SVG", "geojson": "GeoJSON", "gpkg": "GeoPackage",
                "html": QT_TRANSLATE_NOOP("SeriesDialog", "Web map")}


class SeriesDialog(QDialog):
    """Choose periods, metrics, languages and formats; draw them all with one width scale per metric."""

    finished_series = Signal(object)  # the SeriesResult
    failed = Signal(str)

    def __init__(self, doc: MapDocument, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export series"))
        self.doc = doc
        self.runner = TaskRunner(self, threads=1)
        self.task = None
        self.result = None
        self.periods = self._checklist([(str(p), p.display()) for p in doc.flows.periods()], {doc.period})
        self.metrics = self._checklist([(m, metric_label(m)) for m in doc.flows.metrics()], {doc.metric})
        self.languages = {lang: QCheckBox(LANGUAGE_LABELS[lang], self) for lang in LANGUAGES}
        self.languages[getattr(doc, "label_language", "en")].setChecked(True)
        self.formats = {fmt: QCheckBox(QCoreApplication.translate("SeriesDialog", FORMAT_NAMES[fmt]), self)
                        for fmt in FORMATS}
        self.formats["png"].setChecked(True)
        self.atlas = QCheckBox(self.tr("PDF atlas with a contents page (atlas.pdf)"), self, checked=True)
        self.folder = QLineEdit(str(folder), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.progress = QProgressBar(self, minimum=0, maximum=100)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and data
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export series"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._cancel_or_close)

        form = QFormLayout()
        form.addRow(self.tr("Periods"), self.periods)
        form.addRow(self.tr("Metrics"), self.metrics)
        form.addRow(self.tr("Languages"), self._row(self.languages.values()))
        form.addRow(self.tr("Formats"), self._row(self.formats.values()))
        form.addRow("", self.atlas)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Folder"), where)
        page = QLabel(doc.page.describe(), self)
        page.setToolTip(self.tr("The page of the Export dialog; every map of the series uses it"))
        form.addRow(self.tr("Page"), page)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)

    def _checklist(self, items: list[tuple[str, str]], checked: set) -> QListWidget:
        widget = QListWidget(self)
        for key, label in items:
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.setMaximumHeight(120)
        return widget

    def _row(self, boxes) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for b in boxes:
            layout.addWidget(b)
        layout.addStretch(1)
        return row

    @staticmethod
    def checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def plan(self) -> SeriesPlan:
        """The plan the boxes describe (raises CrossingsError naming what is missing)."""
        periods, metrics = self.checked(self.periods), self.checked(self.metrics)
        languages = tuple(k for k, b in self.languages.items() if b.isChecked())
        formats = tuple(k for k, b in self.formats.items() if b.isChecked())
        if not periods or not metrics or not languages or not (formats or self.atlas.isChecked()):
            raise CrossingsError(self.tr("Choose at least one period, metric, language and format"))
        return plan_series(clone(self.doc), periods, metrics, languages, formats, self.doc.page)

    def start(self) -> None:
        if self.task is not None:
            return
        try:
            plan = self.plan()
            folder = Path(self.folder.text()).expanduser()
            if not folder.is_dir():
                raise CrossingsError(self.tr("Folder {0} does not exist").format(folder))
        except CrossingsError as exc:
            self._fail(str(exc))
            return
        work, atlas = clone(self.doc), (folder / "atlas.pdf" if self.atlas.isChecked() else None)
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.status.setText(self.tr("Starting {0} maps…").format(len(plan.maps)))
        self.task = self.runner.start(lambda progress, cancelled: draw_series(work, plan, folder, atlas, progress,
                                                                              cancelled),
                                      self._done, self._error, self._progress)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(fraction * 100))
        if text:
            self.status.setText(text)

    def _done(self, result) -> None:
        self.task, self.result = None, result
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        if result.interrupted:
            text = self.tr("Cancelled: {0} files of finished maps were written, no atlas").format(len(result.written))
        else:
            text = self.tr("Wrote {0} files").format(len(result.written))
            if result.atlas:
                text += self.tr("; atlas: {0}").format(result.atlas.name)
        if result.failed:
            text += "\n" + self.tr("Not drawn:") + "\n" + "\n".join(result.failed)
        self.status.setText(text)
        self.progress.setValue(100 if not result.interrupted else self.progress.value())
        self.finished_series.emit(result)

    def _error(self, exc: BaseException) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self._fail(str(exc) if isinstance(exc, CrossingsError) else self.tr("Export failed: {0}").format(exc))

    def _fail(self, text: str) -> None:
        self.status.setText(text)
        self.failed.emit(text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling: the maps being drawn finish…"))

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.cancel()
        else:
            self.reject()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the series"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)


def draw_series(doc: MapDocument, plan: SeriesPlan, folder: Path, atlas: Path | None, progress, cancelled):
    """Runs on a worker thread: the workers load a snapshot of ``doc`` (its edits included)."""
    from gui.series_export import DocumentSource, run_series

    def report(done, total, item, left):
        progress(done / total, QCoreApplication.translate("SeriesDialog", "{0}/{1} {2}, about {3} s left")
                 .format(done, total, item.describe(), round(left)))

    with tempfile.TemporaryDirectory(prefix="crossings-series-") as tmp:
        return run_series(DocumentSource.snapshot(doc, tmp), plan, folder, atlas=atlas, progress=report,
                          cancelled=cancelled)
