"""Small multiples: one panel per period on one page, every panel on the same width scale.

Each panel is the one renderer's ``render_map`` in its own frame; the legend, scale bar and
sources are drawn once for the page. The document's selection is restored afterwards.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.callouts import keyed_note
from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.flow_geometry import WidthScale
from geo.held_scale import held_largest, panel_max_width_mm
from geo.map_language import MapLanguage, map_language
from geo.map_marks import figure_items
from geo.map_texts import map_title, metric_text, sources_text
from geo.page import Page
from geo.periods import parse_period
from geo.view import MapView
from gui.fonts import map_font
from gui.furniture_painter import FurniturePainter
from gui.layout import PageLayout
from gui.painting import pen
from gui.render import MapRenderer, RenderOptions
from gui.text_lines import in_direction


def shared_scale(doc: MapDocument, periods: list[str], max_width_mm: float | None = None) -> WidthScale:
    """One width scale for all ``periods``: the largest flow of any of them, unless fixed, drawn
    ``max_width_mm`` wide (the document's, by default; a panel's from ``panel_max_width_mm``)."""
    style = doc.flow_style
    widest = style.max_width_mm if max_width_mm is None else max_width_mm
    if style.reference_value:
        return WidthScale(style.reference_value, widest, style.min_width_mm, tuple(sorted(style.classes)))
    largest = held_largest(doc, periods, doc.metric, doc.source)
    return WidthScale.fit([largest], widest, style.min_width_mm, breaks=tuple(style.classes))


@contextmanager
def selection_kept(doc: MapDocument):
    style = doc.flow_style
    saved = (doc.period, doc.metric, doc.source, style.reference_value, style.max_width_mm, doc.subtitle)
    try:
        yield
    finally:
        doc.period, doc.metric, doc.source, style.reference_value, style.max_width_mm, doc.subtitle = saved
        doc.invalidate("selection")


def drawn_on(doc: MapDocument, scale: WidthScale) -> None:
    """The document set to draw on ``scale`` (inside ``selection_kept``, which puts it back)."""
    doc.flow_style.reference_value = scale.reference_value
    doc.flow_style.max_width_mm = scale.reference_width_mm


PAGE_TITLE_MM, PANEL_GAP_MM = 12.0, 4.0
"""The page's title band above the panels, and the gap between panels."""


def panel_frames(page: Page, layout: PageLayout, n: int) -> list[tuple[float, float, float, float]]:
    """Each of ``n`` panels' frames (left, top, width, height; page pixels) in the layout's map frame."""
    k = page.px_per_mm
    fx, fy, fw, fh = layout.frame_px(page)
    title_h, gap = PAGE_TITLE_MM * k, PANEL_GAP_MM * k
    cols, rows = grid(n, fw, fh - title_h)
    pw = (fw - gap * (cols - 1)) / cols
    ph = (fh - title_h - gap * (rows - 1)) / rows
    return [(fx + (i % cols) * (pw + gap), fy + title_h + (i // cols) * (ph + gap), pw, ph) for i in range(n)]


def panel_scale(doc: MapDocument, page: Page, periods: list[str], layout: PageLayout = PageLayout()) -> WidthScale:
    """The one width scale of every panel: ``shared_scale`` with the widest band in the panels' size to
    the page's map frame (``geo.held_scale.panel_max_width_mm``)."""
    _, _, pw, ph = panel_frames(page, layout, len(periods))[0]
    _, _, fw, fh = layout.frame_px(page)
    return shared_scale(doc, periods, panel_max_width_mm(doc.flow_style.max_width_mm, pw * ph, fw * fh))


def grid(n: int, width: float, height: float) -> tuple[int, int]:
    """Columns and rows for ``n`` panels that keep each panel closest to the page's own shape."""
    best = (n, 1)
    best_score = math.inf
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        panel_aspect = (width / cols) / (height / rows)
        score = abs(math.log(panel_aspect / 1.3)) + 0.15 * (cols * rows - n)
        if score < best_score:
            best, best_score = (cols, rows), score
    return best


def render_small_multiples(painter: QPainter, doc: MapDocument, page: Page, periods: list[str],
                           options: RenderOptions = RenderOptions()) -> list[MapView]:
    """Paint one panel per period; returns the panels' views (for tests and exports)."""
    if len(periods) < 2:
        raise CrossingsError("a comparison needs at least two periods")
    known = {str(p) for p in doc.flows.periods()}
    labels = []
    for p in periods:
        try:
            label = str(parse_period(p))
        except ValueError as exc:
            raise CrossingsError(str(exc)) from None
        if label not in known:
            raise CrossingsError(f"period {p!r} has no figures; periods in the data: {', '.join(sorted(known))}")
        labels.append(label)
    layout: PageLayout = options.layout
    lang = map_language(doc)
    flags = in_direction(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lang.rtl)
    k = page.px_per_mm
    w, h = page.size_px
    if not options.transparent and options.paints("background"):
        painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
    fx, fy, fw, _ = layout.frame_px(page)
    title_h = PAGE_TITLE_MM * k
    frames = panel_frames(page, layout, len(labels))
    views: list[MapView] = []
    scale = panel_scale(doc, page, labels, layout)
    with selection_kept(doc):
        drawn_on(doc, scale)
        # the legend and scale bar once, in the last panel, on the shared scale; each panel's period in
        # its corner: boxes the common frame keeps every panel's flows clear of, and labels too
        last = MapView(doc.crs, doc.default_extent(), frames[-1], page.dpi)
        rects = FurniturePainter(doc, last, painter, periods=labels).layout_rects()
        boxes = [[_panel_title_box(painter, frame, lang.period(label), page, lang)]
                 for frame, label in zip(frames, labels, strict=True)]
        boxes[-1] += [rects["legend"], rects["scale"]]
        reserved = [tuple((b.left(), b.top(), b.right(), b.bottom()) for b in panel) for panel in boxes]
        extent = _common_extent(doc, frames, reserved, labels, page.dpi)
        lost = []  # (period, the panel's figures it had no room for): said in the footer, never lost in silence
        for i, (label, frame, keep_clear) in enumerate(zip(labels, frames, reserved, strict=True)):
            doc.select(label, doc.metric, doc.source)
            view = MapView(doc.crs, extent, frame, page.dpi)
            renderer = MapRenderer(doc)
            # the callouts once, as the legend, in the last panel: repeated, a December note stood on every year
            renderer.render_map(painter, view, RenderOptions(furniture=False, transparent=options.transparent,
                                                             layout=layout, phases=options.phases,
                                                             keep_clear=keep_clear, callouts=i == len(labels) - 1))
            note = figure_items(doc, renderer.report.dropped_labels)
            if note:
                lost.append(f"{lang.period(label)}{lang('colon')}" + lang("items_sep").join(note.values()))
            if options.paints("furniture"):
                _panel_title(painter, view, lang.period(label), page, lang)
            views.append(view)
        if not options.paints("furniture"):
            return views
        fp = FurniturePainter(doc, views[-1], painter, periods=labels)
        fp.legend(rects["legend"])
        fp.scale_and_north(rects["scale"])
        painter.setPen(QColor(doc.theme.text))
        painter.setFont(map_font(14, page.dpi, painter.device().logicalDpiY(), bold=True))
        painter.drawText(QRectF(fx, fy, fw, title_h * 0.62), flags, map_title(doc))
        painter.setPen(QColor(doc.theme.muted_text))
        painter.setFont(map_font(9, page.dpi, painter.device().logicalDpiY()))
        sub = lang("multiples", metric=metric_text(doc), periods=lang("periods_and").join(lang.period(p) for p in labels))
        painter.drawText(QRectF(fx, fy + title_h * 0.55, fw, title_h * 0.45), flags, sub)
        sources = sources_text(doc, labels)
        keyed = keyed_note(doc, renderer.report.keyed_callouts)  # the last panel's: the callouts are drawn there
        if keyed:
            sources += " " + keyed
        if lost:
            sources += " " + lang("no_room", items=lang("items_sep").join(lost))
        FurniturePainter(doc, views[-1], painter).footer(QRectF(*layout.footer_px(page)), sources, page.size_px[1])
    return views


def _common_extent(doc: MapDocument, frames: list, reserved: list, labels: list[str],
                   dpi: float) -> tuple[float, float, float, float]:
    """One frame for every panel, so they compare: the document's frame if it has one, else fitted
    to every panel's flows at once, each clear of its own boxes (``geo.extent_fit``)."""
    from geo.extent_fit import Panel, fit_extent

    if doc.frame_extent is not None or doc.extent_lonlat is not None:
        return doc.frame_extent or doc.default_extent()
    panels = [Panel(frame, boxes, label) for frame, boxes, label in zip(frames, reserved, labels, strict=True)]
    fitted = fit_extent(doc, panels, dpi, lambda label: doc.select(label, doc.metric, doc.source))
    return fitted or doc.default_extent()


def _panel_title_box(painter: QPainter, frame, text: str, page: Page, lang: MapLanguage) -> QRectF:
    """Where the panel's period is written: a box at its top corner (right for a right-to-left map)."""
    k = page.px_per_mm
    left, top, width, _ = frame
    painter.setFont(map_font(12, page.dpi, painter.device().logicalDpiY(), bold=True))
    box = QRectF(left + 3 * k, top + 3 * k, painter.fontMetrics().horizontalAdvance(text) + 6 * k, 9 * k)
    if lang.rtl:
        box.moveRight(left + width - 3 * k)
    return box


def _panel_title(painter: QPainter, view: MapView, text: str, page: Page, lang: MapLanguage) -> None:
    """The panel's period in its box."""
    k = page.px_per_mm
    box = _panel_title_box(painter, view.frame_px, text, page, lang)
    painter.setPen(pen("#999999", 0.2 * k))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 1.2 * k, 1.2 * k)
    painter.setPen(QColor("#222222"))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
