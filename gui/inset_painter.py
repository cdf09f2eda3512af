"""Inset maps on a page: where they go is decided in geo.insets; this measures and paints their furniture.

The map inside an inset is the one renderer's ``render_map`` in the inset's view (gui.render); here
are what the page adds around it: the title strip, the thin frame and the locator rectangle on the
main map. The furniture boxes the planner keeps clear of are measured here, in Qt fonts, as the
painter lays them out.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from geo.insets import InsetPlan, PlacedInset, plan_insets
from geo.map_language import map_language
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import pen

INSET_TITLE_PT = 7.0
"""An inset's title: smaller than the map's names' 6.5 pt would not read as a heading; bold."""
INSET_FRAME_MM = 0.25
"""The inset's frame, as thin as the map frame's."""
LOCATOR_MM = 0.35
"""The locator rectangle on the map: a little heavier than the frame, so it reads over land and sea."""
LOCATOR_CLEAR_MM = 1.0
"""The map's labels keep this far clear of a locator's line (its width and a halo)."""
TITLE_PAD_MM = 1.5
"""The title's distance from the inset's side."""


def page_insets(doc, view: MapView, painter: QPainter, keep_clear=(), legend_beside: bool = False) -> InsetPlan:
    """The insets of the page whose map is drawn in ``view`` (geo.insets.plan_insets), clear of the
    title, legend and scale bar as ``painter`` lays them out and of ``keep_clear`` boxes; kept in
    the document's cache (a layered SVG paints the page six times)."""
    from gui.furniture_painter import FurniturePainter

    if doc.insets == "none":
        return InsetPlan()
    rects = [r for key, r in FurniturePainter(doc, view, painter, legend_beside=legend_beside).layout_rects().items()
             if not (key == "legend" and legend_beside)]
    boxes = tuple((r.left(), r.top(), r.right(), r.bottom()) for r in rects if r.width() > 0) + tuple(keep_clear)
    key = ("inset-plan", *doc.selection_key(), doc.width_scale(), repr(doc.flow_style), doc.insets, view.crs,
           tuple(view.extent), tuple(view.frame_px), view.dpi, boxes,
           tuple((lyr.id, lyr.style.visible) for lyr in doc.layers))
    if key not in doc._cache:
        doc._cache[key] = plan_insets(doc, view, doc.insets, boxes)
    return doc._cache[key]


class InsetPainter:
    """The title strip, frame and locator of each inset of a page, painted over its map."""

    def __init__(self, doc, view: MapView, painter: QPainter) -> None:
        self.doc, self.view, self.p = doc, view, painter
        self.mm = view.px_per_mm
        self.lang = map_language(doc)

    def title(self, inset: PlacedInset) -> str:
        return self.lang(inset.area.word)

    def texts(self, plan: InsetPlan) -> list[tuple[str, str, str, str]]:
        """(kind, text, colour, background) of the insets' titles, for legibility checks."""
        return [("inset_title", self.title(inset), self.doc.theme.text, "#ffffff") for inset in plan.placed]

    def locators(self, boxes) -> None:
        """Each inset's area on the map (``boxes``: x0, y0, x1, y1 page pixels): a rectangle, in the
        painter's clip (the map frame, outside the insets)."""
        self.p.save()
        self.p.setPen(pen(self.doc.theme.text, LOCATOR_MM * self.mm, join=Qt.PenJoinStyle.MiterJoin))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        for x0, y0, x1, y1 in boxes:
            if x1 > x0 and y1 > y0:
                self.p.drawRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.p.restore()

    def frame_and_title(self, inset: PlacedInset) -> None:
        """The title strip above the inset's map (white, the title in the map's language and
        direction) and the thin frame round both."""
        mm, theme = self.mm, self.doc.theme
        x0, y0, x1, y1 = inset.rect
        _, ty0, _, ty1 = inset.title_rect
        self.p.save()
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor("#ffffff"))
        self.p.drawRect(QRectF(x0, ty0, x1 - x0, ty1 - ty0))
        # the lines before the title, as every text of the page goes over what is under it (an SVG
        # sets its texts last: a glyph's edge over the strip's line was drawn in the other order)
        self.p.setPen(pen(theme.muted_text, INSET_FRAME_MM * mm, join=Qt.PenJoinStyle.MiterJoin))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawLine(QRectF(x0, ty1, 0, 0).topLeft(), QRectF(x1, ty1, 0, 0).topLeft())
        self.p.drawRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.p.setPen(QColor(theme.text))
        font = map_font(INSET_TITLE_PT, self.view.dpi, self.p.device().logicalDpiY(), bold=True)
        self.p.setFont(font)
        # set on its baseline, centred in the strip: the SVG records a text drawn at a point exactly
        metrics = QFontMetricsF(font, self.p.device())
        title, pad = self.title(inset), TITLE_PAD_MM * mm
        baseline = (ty0 + ty1 + metrics.ascent() - metrics.descent()) / 2
        x = x1 - pad - metrics.horizontalAdvance(title) if self.lang.rtl else x0 + pad
        self.p.drawText(QPointF(x, baseline), title)
        self.p.restore()

