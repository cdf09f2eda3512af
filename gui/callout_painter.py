"""The map's callouts, painted as geo.callouts and geo.callout_layout describe them.

What a callout says and where its box goes are the domain's; this mixin measures the text with Qt,
hands the layout everything drawn before (flows, furniture, labels, leaders, circles, dots), paints
the box (white, a thin dark border), its text in the map's font, the leader and the anchor's dot, and
records each as a PlacedMark (kind "callout") for the web map and a PlacedCallout for the window.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.callout_layout import (
    ANCHOR_CLEAR_MM,
    ANCHOR_DOT_MM,
    BORDER_MM,
    CALLOUT_PT,
    CALLOUT_WRAPS_MM,
    LEADER_CROSSES,
    LEADER_WIDTH_MM,
    PAD_MM,
    CalloutRequest,
    Obstacle,
    box_size,
    callout_home,
    drawn_route_ends,
    layout_callouts,
    route_anchor,
    wrap_lines,
)
from geo.callouts import CALLOUT_KEY, anchor_point, callout_key, key_letter, label, language_notes
from geo.errors import CrossingsError
from geo.foreign_land import country_land
from geo.placed_marks import PlacedMark, facing_side
from geo.view import MapView
from gui.fonts import map_font
from gui.painting import draw_halo_text, pen
from gui.text_lines import is_right_to_left

CALLOUT = "callout"
"""The kind of a callout's PlacedMark."""
FURNITURE_NAMES = {"title": "the title", "legend": "the legend", "scale": "the scale bar"}
NAME_MAKES_WAY = {"place": 2.0, "country": 4.0}
"""What a name's making way for a callout costs (geo.callout_layout.Obstacle.yields), as farther rings: a
country's name orients the reader more than an island's or a town's."""


class CalloutsMixin:
    """MapRenderer's callouts; needs ``self.doc`` and ``self.report``. Laid out after every label."""

    def _paint_callouts(self, painter: QPainter, view: MapView, symbols_px: list, soft: list, draw: bool) -> None:
        callouts = getattr(self.doc, "callouts", ())
        if not callouts:
            return
        doc, mm, theme = self.doc, view.px_per_mm, self.doc.theme
        lang = getattr(doc, "label_language", "en")
        self.report.callout_notes += language_notes(doc)
        font = map_font(CALLOUT_PT, view.dpi, painter.device().logicalDpiY())
        painter.setFont(font)
        fm = painter.fontMetrics()
        line_h = fm.height()
        key_font = map_font(CALLOUT_PT, view.dpi, painter.device().logicalDpiY(), bold=True)
        painter.setFont(key_font)
        key_w, key_h = box_size(["W"], painter.fontMetrics().horizontalAdvance, line_h, mm)
        key_size = (max(key_w, key_h), key_h)  # a letter: a small box, about square
        painter.setFont(font)
        requests, texts = [], {}
        land = country_land(doc, view)  # a note over another country's land reads as that country's
        for i, callout in enumerate(callouts):
            key = callout_key(i)
            text, _ = callout.text_for(lang)
            wraps = [wrap_lines(text, width * mm, fm.horizontalAdvance) for width in CALLOUT_WRAPS_MM]
            sizes = [box_size(lines, fm.horizontalAdvance, line_h, mm) for lines in wraps]
            try:
                anchor, trim = self._callout_anchor(view, callout, i)
            except CrossingsError as exc:  # its place or route is no longer in the map's layers: said
                self.report.callout_notes.append(f"{exc}, so the callout is not drawn")
                continue
            hidden = _hidden_by(anchor, view.frame_px, self.report.furniture_rects)
            if hidden:
                self.report.callout_notes.append(f"{label(i, callout, lang)}: {callout.anchor.describe()} lies "
                                                 f"{hidden}, so the callout is not drawn (move the frame or the "
                                                 "callout's anchor)")
                continue
            offset = None if callout.offset_mm is None else (callout.offset_mm[0] * mm, callout.offset_mm[1] * mm)
            ends = drawn_route_ends(self.report.symbols, callout.anchor.ref, view) if callout.anchor.kind == "route" else None
            home = callout_home(land, anchor, ends)
            requests.append(CalloutRequest(key, anchor, sizes[0], offset, trim + ANCHOR_CLEAR_MM * mm, tuple(sizes[1:]),
                                           key_size, partial(_foreign_share, land, home)))
            texts[key] = (i, wraps)
        obstacles = self._callout_obstacles(view, symbols_px)
        placed = layout_callouts(requests, obstacles, soft, view.frame_px, mm)
        # the names that made way for a callout: not drawn, gone from the report (gui.yielding_names)
        gone = [obstacles[k].ref for one in placed for k in one.yielded]
        self._make_way([ref for kind, ref in gone if kind == "box"], [ref for kind, ref in gone if kind == "leader"])
        dark = QColor(theme.text)
        for one in placed:
            i, wraps = texts[one.key]
            lines = wraps[one.wrap]
            self.report.callouts.append(one)
            if one.keyed:  # its letter by the anchor, its text in the footer
                letter = key_letter(doc, len(self.report.keyed_callouts))
                self.report.keyed_callouts.append((letter, i))
                self.report.callout_notes.append(f"note: {label(i, callouts[i], lang)}: no clear place near its anchor "
                                                 f"on this page: lettered [{letter}] on the map, its text in the footer")
                self._record(painter, one, CALLOUT_KEY, letter, key_font, dark, mm, line_h, draw)
                continue
            if one.overlaps:
                why = "moved there by hand" if one.moved else "no clear place near its anchor"
                words = overlap_words(one.overlaps)
                self.report.callout_notes.append(f"{label(i, callouts[i], lang)}{'' if words.startswith('overlaps') else ':'} "
                                                 f"{words} ({why})")
            self._record(painter, one, CALLOUT, "\n".join(lines), font, dark, mm, line_h, draw)

    def _record(self, painter: QPainter, one, kind: str, text: str, font, dark: QColor, mm: float, line_h: float,
                draw: bool) -> None:
        """A callout's box (``kind`` CALLOUT: its text; CALLOUT_KEY: its letter, bold and centred) in the
        report's labels, texts, leaders and marks, and painted when ``draw``."""
        theme, keyed = self.doc.theme, kind == CALLOUT_KEY
        self.report.labels.append((kind, one.rect))
        self.report.texts.append((kind, text, theme.text, "#ffffff"))
        if one.leader is not None:
            self.report.leaders.append((one.key, one.leader[0], one.leader[1]))
        self.report.marks.append(PlacedMark(kind, one.key, text, theme.text, one.rect, facing_side(one.rect, one.anchor),
                                            CALLOUT_PT, line_h / mm, (2 * PAD_MM[0], 2 * PAD_MM[1]), bold=keyed,
                                            leader=one.leader))
        if draw:
            rtl = not keyed and is_right_to_left(Qt.LayoutDirection.LayoutDirectionAuto, text)  # as Qt sets the line
            _draw_callout(painter, one, text, font, dark, rtl, mm, centred=keyed)

    def _callout_anchor(self, view: MapView, callout, index: int) -> tuple[tuple[float, float], float]:
        """The anchor in page pixels and how far round it the leader may cross what it starts on."""
        mm = view.px_per_mm
        if callout.anchor.kind == "route":
            drawn = route_anchor(self.report.symbols, callout.anchor.ref, view)
            if drawn is not None:
                return drawn
            self.report.callout_notes.append(f"{label(index, callout, self.doc.label_language)}: the map draws no "
                                             f"flow of {callout.anchor.describe()}: it points at the middle of the "
                                             "route's line")
        x, y = anchor_point(self.doc, callout, index)
        (px, py), = view.to_px(np.array([[x, y]], float))
        reach = ANCHOR_DOT_MM * mm
        if callout.anchor.kind == "place":  # its own dot
            reach = max([reach] + [r for pid, *_, r in self.report.dots if pid.casefold() == callout.anchor.ref.casefold()])
        return (float(px), float(py)), reach

    def _callout_anchor_rooms(self, view: MapView) -> list:
        """The point each callout tied to a place or a lon/lat is tied to, with room for its dot and the
        start of its leader (page pixels): the map's labels keep off it, as they keep off a flow. A figure's
        number set on Tunis left the Tunisian callout's every leader crossing it (route anchors lie on
        their band, which labels keep off already)."""
        rooms = []
        for i, callout in enumerate(getattr(self.doc, "callouts", ())):
            if callout.anchor.kind == "route":
                continue
            try:
                x, y = anchor_point(self.doc, callout, i)
            except CrossingsError:  # said when the callouts are laid out
                continue
            (px, py), = view.to_px(np.array([[x, y]], float))
            rooms.append(shapely.Point(float(px), float(py)).buffer((ANCHOR_DOT_MM + ANCHOR_CLEAR_MM) * view.px_per_mm))
        return rooms

    def _callout_obstacles(self, view: MapView, symbols_px: list) -> list[Obstacle]:
        """Everything drawn before the callouts, named: flows, furniture, labels and leaders (boxes and
        leaders keep off them); circles, dots and islands (boxes keep off them)."""
        report = self.report
        out: list[Obstacle] = []
        symbols = report.symbols
        ids = list(symbols["route_id"]) if symbols is not None else []
        for k, geom in enumerate(symbols_px):
            out.append(Obstacle(f"the flow {ids[k]}" if k < len(ids) else "an OD node", geom))
        boundaries = self.doc.layer("boundaries")
        islands = self._page_islands(view) if boundaries is not None and boundaries.style.visible else None
        for shape in islands.shapes if islands is not None else ():  # a box would hide it: Sardinia, where
            out.append(Obstacle("an island", shape, leader=False))  # the arrow from Algeria lands, on A4
        for key, rect in report.furniture_rects.items():
            name = FURNITURE_NAMES.get(key, "an inset map" if key.startswith("cutout") else "the page's furniture")
            out.append(Obstacle(name, shapely.box(rect.left(), rect.top(), rect.right(), rect.bottom())))
        named = {tuple(m.rect): m for m in report.marks}
        for kind, rect in report.labels:
            mark = named.get(tuple(rect))
            if kind == "figure_key":
                name = "a figure's number"
            elif mark is None:
                name = "a label"
            else:
                name = f"the {'name' if kind in ('place', 'country') else 'figure'} '{mark.text.splitlines()[0]}'"
            # a place's or a country's name may make way for a callout with no clear place
            out.append(Obstacle(name, shapely.box(*rect), yields=NAME_MAKES_WAY.get(kind, 0.0), ref=("box", tuple(rect))))
        by_key = {m.key: m for m in report.marks}
        for key, a, b in report.leaders:  # a name's leader is keyed 'place:<id>', its mark '<id>'
            name = key.startswith("place:")
            mark = by_key.get(key.removeprefix("place:"))
            what = key if mark is None else f"the {'name' if name else 'figure'} '{mark.text.splitlines()[0]}'"
            out.append(Obstacle(f"the leader of {what}", shapely.LineString([a, b]),
                                yields=NAME_MAKES_WAY["place"] if name else 0.0, ref=("leader", key)))
        circles = report.place_circles
        if circles is not None and len(circles):
            from geo.place_figure_layout import circle_shapes

            for row, disc in zip(circles.itertuples(), circle_shapes(circles, view), strict=True):
                out.append(Obstacle(f"the circle of {row.name}", disc, leader=False))
        for pid, x, y, r in report.dots:
            out.append(Obstacle(f"the dot of {pid}", shapely.Point(x, y).buffer(r + 0.3 * view.px_per_mm), leader=False))
        return out


def _draw_callout(painter: QPainter, one, text: str, font, colour: QColor, rtl: bool, mm: float,
                  centred: bool = False) -> None:
    """Leader, box (white, thin dark border), text (left aligned, right aligned when it reads right to
    left; ``centred``: a keyed callout's letter), and the dot at the anchor over the leader's end."""
    painter.save()
    x0, y0, x1, y1 = one.rect
    if one.leader is not None:
        painter.setPen(pen(colour, LEADER_WIDTH_MM * mm))
        painter.drawLine(QPointF(*one.leader[0]), QPointF(*one.leader[1]))
    painter.setPen(pen(colour, BORDER_MM * mm, join=Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(QColor("#ffffff"))
    half = BORDER_MM * mm / 2  # the border inside the box: the box is what the layout kept clear
    painter.drawRect(QRectF(x0 + half, y0 + half, x1 - x0 - 2 * half, y1 - y0 - 2 * half))
    inner = QRectF(x0 + PAD_MM[0] * mm, y0 + PAD_MM[1] * mm, x1 - x0 - 2 * PAD_MM[0] * mm, y1 - y0 - 2 * PAD_MM[1] * mm)
    align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    draw_halo_text(painter, inner, text, font, colour, QColor("#ffffff"), 0.0, flags=align)
    painter.setPen(pen("#ffffff", 0.2 * mm))
    painter.setBrush(colour)
    r = ANCHOR_DOT_MM * mm
    painter.drawEllipse(QPointF(*one.anchor), r, r)
    painter.restore()


def _hidden_by(anchor, frame, furniture: dict) -> str:
    """Where an anchor cannot be seen: "outside the map's frame", "under the legend"; "" where it can."""
    fx, fy, fw, fh = frame
    x, y = anchor
    if not (fx <= x <= fx + fw and fy <= y <= fy + fh):
        return "outside the map's frame"
    for key, rect in furniture.items():
        if rect.left() <= x <= rect.right() and rect.top() <= y <= rect.bottom():
            return "under " + FURNITURE_NAMES.get(key, "an inset map" if key.startswith("cutout") else "the furniture")
    return ""


def overlap_words(names: tuple[str, ...]) -> str:
    """'overlaps the legend; its leader crosses the flow CMR-LY', from geo.callout_layout.overlaps' names."""
    crossed = [n.removeprefix(LEADER_CROSSES) for n in names if n.startswith(LEADER_CROSSES)]
    covered = [n for n in names if not n.startswith(LEADER_CROSSES)]
    parts = ([f"overlaps {_and(covered)}"] if covered else []) + ([f"{LEADER_CROSSES}{_and(crossed)}"] if crossed else [])
    return "; ".join(parts)


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def callout_notes(doc, page=None) -> list[str]:
    """What a render of ``doc``'s page says of its callouts (a text in another language, an overlap, an
    anchor off the map), from a layout of the page with nothing painted (as the web map's labels)."""
    from gui.render import MapRenderer, RenderOptions
    from gui.render_report import layout_painter

    page = page or doc.page
    renderer = MapRenderer(doc)
    with layout_painter(page.dpi) as painter:
        renderer.render_page(painter, page, RenderOptions(phases=frozenset()))
    return list(renderer.report.callout_notes)


def _foreign_share(land, home: set[int], cands: list, size: tuple[float, float], which):
    """geo.callout_layout.CalloutRequest.foreign: the share of each box on land not ``home``'s."""
    return land.foreign_share(cands, size, home, which)
