"""Callouts in the window: a dialog to add, edit, remove and reset them, and dragging a box on the canvas.

Every change is one undoable step (``History.edit``) that sets ``doc.callouts`` to a new tuple checked
by geo.callouts (an unknown place or route is refused by name, the document left as it was). A drag
stores the box's new place as its offset from its anchor in page millimetres (geo.callout_layout);
"Reset position" sets it back to automatic.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from geo.callout_layout import offset_mm
from geo.callouts import (
    LANGUAGES,
    MAX_CHARS,
    Callout,
    CalloutAnchor,
    anchor_choices,
    callout_index,
    check_callout_texts,
    lonlat_anchor,
    with_callouts,
)
from geo.errors import CrossingsError

DRAG_PX = 3.0
"""A press and release closer than this moves nothing."""


LANGUAGE_LABELS = {"en": QT_TRANSLATE_NOOP("CalloutForm", "English"), "fr": QT_TRANSLATE_NOOP("CalloutForm", "French"),
                   "ar": QT_TRANSLATE_NOOP("CalloutForm", "Arabic")}
"""The callout form's rows, one per language of the map, named in the interface's language."""


class CalloutForm(QDialog):
    """One callout's anchor (place, route or point) and its text in each language; ``callout()`` gives
    the Callout (its offset kept), or raises CrossingsError saying what is wrong."""

    def __init__(self, doc, callout: Callout | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callout"))
        self.doc, self.offset = doc, callout.offset_mm if callout is not None else None
        self.kind = QComboBox(self)
        for kind, text in (("place", self.tr("Place")), ("route", self.tr("Route")), ("lonlat", self.tr("Point"))):
            self.kind.addItem(text, kind)
        self.ref = QComboBox(self)
        self.ref.setEditable(True)
        self.lon, self.lat = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for box, limit in ((self.lon, 180.0), (self.lat, 90.0)):
            box.setRange(-limit, limit)
            box.setDecimals(3)
        self.texts = {lang: QLineEdit(self) for lang in LANGUAGES}
        self.texts["ar"].setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for edit in self.texts.values():
            edit.setMaxLength(MAX_CHARS)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("Tied to"), self.kind)
        form.addRow(self.tr("Place or route"), self.ref)
        point = QHBoxLayout()
        point.addWidget(self.lon)
        point.addWidget(self.lat)
        form.addRow(self.tr("Longitude, latitude"), point)
        for lang in LANGUAGES:
            form.addRow(QCoreApplication.translate("CalloutForm", LANGUAGE_LABELS[lang]), self.texts[lang])
        form.addRow(QLabel(self.tr("A language left empty prints the English text (and the export says so)."), self))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._fill_refs)
        if callout is not None:
            self.kind.setCurrentIndex(self.kind.findData(callout.anchor.kind))
            self._fill_refs()
            if callout.anchor.kind == "lonlat":
                self.lon.setValue(callout.anchor.lon)
                self.lat.setValue(callout.anchor.lat)
            else:
                self.ref.setCurrentText(callout.anchor.ref)
            for lang, text in callout.texts:
                self.texts[lang].setText(text)
        else:
            self._fill_refs()

    def _fill_refs(self) -> None:
        kind = self.kind.currentData()
        self.ref.clear()
        for ident, name in anchor_choices(self.doc, kind) if kind != "lonlat" else []:
            self.ref.addItem(f"{ident} — {name}" if name != ident else ident, ident)
        self.ref.setEnabled(kind != "lonlat")
        self.lon.setEnabled(kind == "lonlat")
        self.lat.setEnabled(kind == "lonlat")

    def callout(self) -> Callout:
        kind = self.kind.currentData()
        if kind == "lonlat":
            anchor = lonlat_anchor(self.lon.value(), self.lat.value())
        else:
            text = self.ref.currentText().split(" — ")[0].strip()
            if not text:
                raise CrossingsError(self.tr("Choose a place or a route"))
            anchor = CalloutAnchor(kind, text)
        callout = Callout(anchor, {lang: edit.text().strip() for lang, edit in self.texts.items()}, self.offset)
        check_callout_texts(callout)
        return callout

    def _accept(self) -> None:
        try:
            self.callout()
        except CrossingsError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class CalloutsDialog(QDialog):
    """The map's callouts: add, edit, remove, reset position; each an undoable step of ``actions``."""

    def __init__(self, actions: CalloutActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.setWindowTitle(self.tr("Callouts"))
        self.list = QListWidget(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        for text, slot in ((self.tr("&Add…"), self.add), (self.tr("&Edit…"), self.edit), (self.tr("&Remove"), self.remove),
                           (self.tr("Reset &position"), self.reset)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda checked=False, s=slot: s())
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        actions.history.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for callout in self.actions.doc.callouts:
            text, _ = callout.text_for(self.actions.doc.label_language)
            moved = self.tr(" (moved)") if callout.offset_mm is not None else ""
            self.list.addItem(f"{callout.anchor}: {text}{moved}")
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _run(self, step) -> None:
        try:
            step()
            self.error.clear()
        except CrossingsError as exc:
            self.error.setText(str(exc))

    def add(self, form: CalloutForm | None = None) -> None:
        form = form or CalloutForm(self.actions.doc, None, self)
        if form.exec():
            self._run(lambda: self.actions.add(form.callout()))

    def edit(self, form: CalloutForm | None = None) -> None:
        i = self.list.currentRow()
        if i < 0:
            return
        form = form or CalloutForm(self.actions.doc, self.actions.doc.callouts[i], self)
        if form.exec():
            self._run(lambda: self.actions.replace(i, form.callout()))

    def remove(self) -> None:
        if self.list.currentRow() >= 0:
            self._run(lambda: self.actions.remove(self.list.currentRow()))

    def reset(self) -> None:
        if self.list.currentRow() >= 0:
            self._run(lambda: self.actions.move(self.list.currentRow(), None))


class CalloutActions(QObject):
    """The window's callout edits (each one undoable step) and the canvas's drag of a callout's box."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.doc, self.history = window, window.doc, window.history
        self.action = QAction(self.tr("&Callouts…"), window)
        self.action.setObjectName("callouts")
        self.action.setStatusTip(self.tr("Short texts in a box tied to a place, a route or a point (undoable)"))
        self.action.triggered.connect(lambda checked=False: self.show_dialog())
        self.drag = CalloutDrag(self, window.canvas)
        window.canvas.idle_tool = self.drag
        self.dialog: CalloutsDialog | None = None

    def show_dialog(self) -> CalloutsDialog:
        self.dialog = self.dialog or CalloutsDialog(self, self.window)
        self.dialog.show()
        return self.dialog

    def _set(self, label: str, callouts) -> None:
        callouts = with_callouts(self.doc, callouts)  # refused before anything changes

        def apply():
            self.doc.callouts = callouts
            self.doc.changed.emit("text")  # words on the map: no cached layer depends on them
        self.history.edit(label, apply)

    def add(self, callout: Callout) -> None:
        self._set(self.tr("Add callout"), (*self.doc.callouts, callout))

    def replace(self, index: int, callout: Callout) -> None:
        callouts = list(self.doc.callouts)
        callouts[index] = callout
        self._set(self.tr("Edit callout {0}").format(index + 1), callouts)

    def remove(self, index: int) -> None:
        callouts = list(self.doc.callouts)
        del callouts[index]
        self._set(self.tr("Remove callout {0}").format(index + 1), callouts)

    def move(self, index: int, offset: tuple[float, float] | None) -> None:
        """Set callout ``index``'s box at ``offset`` (page mm from its anchor), or back to automatic."""
        callouts = list(self.doc.callouts)
        callouts[index] = callouts[index].moved(offset)
        label = self.tr("Move callout {0}") if offset is not None else self.tr("Reset callout {0}'s position")
        self._set(label.format(index + 1), callouts)


class CalloutDrag:
    """The canvas's handling of a press on a callout's box when no other tool is active: dragging
    moves the box (one undoable edit on release); a press elsewhere pans as before."""

    def __init__(self, actions: CalloutActions, canvas) -> None:
        self.actions, self.canvas = actions, canvas
        self._start: QPointF | None = None
        self._pos: QPointF | None = None
        self._placed = None
        self._index = -1

    def hit(self, pos: QPointF):
        """(index, placed callout) of the box under ``pos`` (canvas pixels), topmost first; or None."""
        report = self.canvas.renderer.report
        if self.canvas._image_view != self.canvas.view:  # the drawn image is being panned or zoomed
            return None
        for one in reversed(getattr(report, "callouts", [])):
            x0, y0, x1, y1 = one.rect
            if x0 <= pos.x() <= x1 and y0 <= pos.y() <= y1:
                return callout_index(one.key), one
        return None

    def keyed_tip(self, index: int, one) -> str:
        """A lettered callout's text (the page's footer gives it), and how to set its box on the map."""
        doc = self.canvas.doc
        text, _ = doc.callouts[index].text_for(doc.label_language)
        hint = QCoreApplication.translate("CalloutDrag", "No room for its box here: drag the letter to set it by hand.")
        return f"{text}\n{hint}"

    def press(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        found = self.hit(event.position())
        if found is None:
            return False
        self._index, self._placed = found
        self._start = self._pos = event.position()
        self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)
        return True

    def move(self, event) -> bool:
        if self._start is None:
            found = self.hit(event.position())
            if found is not None:
                self.canvas.setCursor(Qt.CursorShape.OpenHandCursor)
            elif self.canvas._drag_from is None:  # not while the map is being panned
                self.canvas.unsetCursor()
            self.canvas.setToolTip(self.keyed_tip(*found) if found is not None and found[1].keyed else "")
            return False
        self._pos = event.position()
        return True

    def release(self, event) -> bool:
        if self._start is None:
            return False
        d = event.position() - self._start
        one, index = self._placed, self._index
        self._start = self._pos = self._placed = None
        self.canvas.unsetCursor()
        if abs(d.x()) < DRAG_PX and abs(d.y()) < DRAG_PX:
            return True
        x0, y0, x1, y1 = one.rect
        rect = (x0 + d.x(), y0 + d.y(), x1 + d.x(), y1 + d.y())
        try:
            self.actions.move(index, offset_mm(rect, one.anchor, self.canvas.view.px_per_mm))
        except CrossingsError as exc:
            self.actions.window.prompts.error(self.actions.window, QCoreApplication.translate("CalloutActions", "Move callout"),
                                              str(exc))
        return True

    def double_click(self, event) -> bool:
        found = self.hit(event.position())
        if found is None:
            return False
        dialog = self.actions.show_dialog()
        dialog.list.setCurrentRow(found[0])
        return True

    def key(self, event) -> bool:
        return False

    def paint(self, painter: QPainter, view) -> None:
        """The box being dragged, outlined where it would go, and its leader."""
        if self._start is None or self._pos is None:
            return
        d = self._pos - self._start
        x0, y0, x1, y1 = self._placed.rect
        rect = QRectF(x0 + d.x(), y0 + d.y(), x1 - x0, y1 - y0)
        pen = QPen(QColor("#0b5394"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        ax, ay = self._placed.anchor
        bx = min(max(ax, rect.left()), rect.right())
        by = min(max(ay, rect.top()), rect.bottom())
        painter.drawLine(QPointF(ax, ay), QPointF(bx, by))
