"""A QAbstractListModel over the document's layers (napari's ``_base_item_model`` idea).

Row 0 is the top of the list, i.e. the layer drawn last, as in QGIS. Checking a row toggles the
layer's visibility and dragging a row reorders the layers; both go through the undo history.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, Qt

from geo.document import Layer, MapDocument
from geo.history import History

MIME = "application/x-crossings-layer-row"
# The bundled layers' titles, shown translated; a user's own titles are shown as typed.
BUNDLED_TITLES = (QT_TRANSLATE_NOOP("LayerListModel", "Countries"), QT_TRANSLATE_NOOP("LayerListModel", "Routes"),
                  QT_TRANSLATE_NOOP("LayerListModel", "Places"))


class LayerListModel(QAbstractListModel):
    """Rows are layers, top row drawn on top; edits are undoable steps."""

    def __init__(self, doc: MapDocument, history: History, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.history = doc, history
        doc.changed.connect(self._on_doc_changed)

    # -- reading --------------------------------------------------------------------------------
    def layer_at(self, row: int) -> Layer | None:
        layers = self.doc.layers
        return layers[len(layers) - 1 - row] if 0 <= row < len(layers) else None

    def row_of(self, layer: Layer) -> int:
        return len(self.doc.layers) - 1 - self.doc.layers.index(layer)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.layers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        layer = self.layer_at(index.row())
        if layer is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(layer.title) if layer.title in BUNDLED_TITLES else layer.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if layer.style.visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            where = str(layer.path) if layer.path else self.tr("no file")
            return self.tr("{kind} layer, {n} features\n{where}").format(kind=layer.kind, n=len(layer.data), where=where)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)

    # -- editing --------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        layer = self.layer_at(index.row())
        if layer is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        label = self.tr("Show {0}") if visible else self.tr("Hide {0}")
        self.history.edit(label.format(layer.title), lambda: self.set_style(layer, visible=visible))
        return True

    def set_style(self, layer: Layer, **changes) -> None:
        """Change style fields of ``layer`` and announce it (call inside a history step)."""
        for key, value in changes.items():
            setattr(layer.style, key, value)
        self.doc.style_changed()

    def move_row(self, source_row: int, target_row: int) -> None:
        """Move the layer shown at ``source_row`` so it is shown at ``target_row`` (an undoable step)."""
        layer = self.layer_at(source_row)
        if layer is None or source_row == target_row:
            return
        index = len(self.doc.layers) - 1 - max(0, min(target_row, len(self.doc.layers) - 1))
        self.history.edit(self.tr("Move {0}").format(layer.title), lambda: self.doc.move_layer(layer, index))

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        if indexes:
            mime.setData(MIME, QByteArray(str(indexes[0].row()).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        if not data.hasFormat(MIME):
            return False
        source = int(bytes(data.data(MIME)).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount() - 1)
        if target > source:
            target -= 1  # the row is removed first, so a drop below it lands one higher
        self.move_row(source, target)
        return False  # we moved it ourselves; the view must not remove the source row

    def _on_doc_changed(self, reason: str) -> None:
        if reason in ("layers", "order"):
            self.beginResetModel()
            self.endResetModel()
        elif reason == "style":
            self.dataChanged.emit(self.index(0), self.index(max(self.rowCount() - 1, 0)))
