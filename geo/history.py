"""Undo/redo as whole-document snapshots (Flox ``Undo``): simple, and right for a document this size.

A snapshot copies everything a user can edit (layer list and styles, figures, selection, styles,
page, projection, texts) but shares the immutable heavy parts (GeoDataFrames, the figures table),
so taking one costs microseconds. Every edit goes through :meth:`History.edit`; an edit that
raises is rolled back and leaves the history as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from geo.document import Layer, MapDocument
from geo.signals import Signal


@dataclass(frozen=True)
class DocumentState:
    """What a user can change in a document, as values (layers share their data frames)."""

    layers: tuple[tuple[Layer, Any], ...]
    flows: Any
    period: str | None
    metric: str
    source: str | None
    flow_style: Any
    theme: Any
    page: Any
    crs: str
    title: str
    subtitle: str | None
    notes: str
    extent_lonlat: tuple | None
    extra: dict = field(default_factory=dict)


# Attributes other parts of Crossings may add to the document; kept in snapshots when present.
EXTRA_ATTRS = ("label_language", "export_settings", "od_nodes", "insets", "legend_place", "place_layers", "callouts")


def snapshot(doc: MapDocument) -> DocumentState:
    return DocumentState(
        layers=tuple((lyr, replace(lyr.style)) for lyr in doc.layers), flows=doc.flows,
        period=doc.period, metric=doc.metric, source=doc.source,
        flow_style=copy.deepcopy(doc.flow_style), theme=replace(doc.theme), page=doc.page, crs=doc.crs,
        title=doc.title, subtitle=doc.subtitle, notes=doc.notes, extent_lonlat=doc.extent_lonlat,
        extra={a: getattr(doc, a) for a in EXTRA_ATTRS if hasattr(doc, a)})


def restore(doc: MapDocument, state: DocumentState) -> None:
    """Make ``doc`` look like ``state``, announcing only what differs (so caches survive an undo)."""
    before = snapshot(doc)
    reasons = []
    if [lyr for lyr, _ in before.layers] != [lyr for lyr, _ in state.layers]:
        same_set = {id(lyr) for lyr, _ in before.layers} == {id(lyr) for lyr, _ in state.layers}
        reasons.append("order" if same_set else "layers")
    doc.layers = [lyr for lyr, _ in state.layers]
    for lyr, style in state.layers:
        lyr.style = replace(style)
    if state.crs != doc.crs:
        doc.crs = state.crs
    doc.flows = state.flows
    doc.period, doc.metric, doc.source = state.period, state.metric, state.source
    doc.flow_style = copy.deepcopy(state.flow_style)
    doc.theme = replace(state.theme)
    doc.page, doc.title, doc.subtitle, doc.notes = state.page, state.title, state.subtitle, state.notes
    doc.extent_lonlat = state.extent_lonlat
    for attr, value in state.extra.items():
        setattr(doc, attr, value)
    if before.extra != state.extra:
        reasons.append("style")
    if before.flows is not state.flows or (before.period, before.metric, before.source) != (
            state.period, state.metric, state.source):
        reasons.append("selection")
    if (before.flow_style, before.theme) != (state.flow_style, state.theme) or any(
            a != b for (_, a), (_, b) in zip(before.layers, state.layers, strict=False)):
        reasons.append("style")
    if before.page != state.page:
        reasons.append("page")
    if (before.title, before.subtitle, before.notes) != (state.title, state.subtitle, state.notes):
        reasons.append("text")
    for reason in reasons or ["style"]:
        doc.invalidate(reason)


GEOMETRY_CACHES = ("proj", "simple", "land", "relations", "routes-union", "country-label-requests",
                   "place-name-requests", "named-islands")
# Keyed by the selection, the figures table's token, the routes layer and the CRS: valid in a clone.
SELECTION_CACHES = ("join", "proj-flows", "flow-symbols", "changes", "od-curves", "od-groups", "route-ends",
                    "held-scale", "content-extent", "extent-fit")


def clone(doc: MapDocument, caches_from: MapDocument | None = None) -> MapDocument:
    """An independent document with the same content and its own caches (for work off the UI thread).

    Projected and simplified geometry and the dissolved land depend only on a layer's (immutable)
    data, the CRS and the scale, and are keyed by layer id, which the clone keeps; joins and flow
    layouts are keyed by the selection and the (immutable) figures table's token too. So they are
    carried over from ``caches_from``.
    """
    other = MapDocument()
    state = snapshot(doc)
    restore(other, replace(state, layers=tuple((replace(lyr, style=replace(st)), st) for lyr, st in state.layers)))
    source = dict((caches_from or doc)._cache)  # one atomic copy: another thread may be filling it
    other._cache.update({k: v for k, v in source.items() if k[0] in GEOMETRY_CACHES + SELECTION_CACHES})
    return other


class History:
    """A linear undo stack of snapshots; ``changed`` fires whenever undo/redo availability may differ."""

    def __init__(self, doc: MapDocument, limit: int = 200) -> None:
        self.doc = doc
        self.limit = limit
        self.changed = Signal()
        self._undo: list[tuple[str, DocumentState]] = []
        self._redo: list[tuple[str, DocumentState]] = []
        self._clean: DocumentState | None = snapshot(doc)
        self._busy = False

    # -- editing --------------------------------------------------------------------------------
    def edit(self, label: str, action: Callable[[], Any]) -> Any:
        """Run ``action`` (which edits the document) as one undoable step named ``label``.

        If it raises, the document is restored and the history is unchanged, then the error propagates.
        """
        before = snapshot(self.doc)
        self._busy = True
        try:
            result = action()
        except BaseException:
            restore(self.doc, before)
            raise
        finally:
            self._busy = False
        if snapshot_equal(before, snapshot(self.doc)):
            return result
        self._undo.append((label, before))
        del self._undo[:-self.limit]
        self._redo.clear()
        self.changed.emit()
        return result

    def reset(self, clean: bool = True) -> None:
        """Forget every step (after opening a project); the current state counts as saved if ``clean``."""
        self._undo.clear()
        self._redo.clear()
        self._clean = snapshot(self.doc) if clean else None
        self.changed.emit()

    def mark_clean(self) -> None:
        self._clean = snapshot(self.doc)
        self.changed.emit()

    # -- moving ---------------------------------------------------------------------------------
    def undo(self) -> bool:
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        return self._step(self._redo, self._undo)

    def _step(self, source: list, target: list) -> bool:
        if not source:
            return False
        label, state = source.pop()
        target.append((label, snapshot(self.doc)))
        restore(self.doc, state)
        self.changed.emit()
        return True

    # -- state ----------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1][0] if self._redo else ""

    @property
    def is_dirty(self) -> bool:
        return self._clean is None or not snapshot_equal(self._clean, snapshot(self.doc))


def snapshot_equal(a: DocumentState, b: DocumentState) -> bool:
    """States are equal when the same layers, in the same order, with equal styles and settings."""
    if [id(lyr) for lyr, _ in a.layers] != [id(lyr) for lyr, _ in b.layers]:
        return False
    if a.flows is not b.flows:
        return False
    fields = ("period", "metric", "source", "flow_style", "theme", "page", "crs", "title", "subtitle",
              "notes", "extent_lonlat", "extra")
    return all(getattr(a, f) == getattr(b, f) for f in fields) and all(
        sa == sb for (_, sa), (_, sb) in zip(a.layers, b.layers, strict=True))
