"""Where the web map sets the figures the PNG prints: the same words in the same colours
(geo.map_marks.figure_labels), placed by the PNG's own layout (geo.figure_layout) at the PNG's
scale, with the text measured from the bundled fonts instead of Qt.

The page zooms, so a figure beside its band is anchored at the side of its box that faces the band
and written away from it (Leaflet's tooltip ``direction``): zoomed out, the band narrows under the
words instead of growing into them. A total is anchored at its box's centre, and a leader line,
where the PNG draws one, ties a figure to its flow as on paper.
"""

from __future__ import annotations

import shapely
from shapely.geometry import LineString, Point, mapping

from geo.document import MapDocument
from geo.figure_layout import figure_requests, font_measure, place_figures
from geo.islands import document_islands, islands_on_page
from geo.map_marks import FigureLabel
from geo.place_layout import small_islands
from geo.projection import transformer
from geo.view import MapView


def figure_label_points(doc: MapDocument, view: MapView, figures: dict[str, FigureLabel], nodes: list
                        ) -> tuple[list[dict], list[dict]]:
    """GeoJSON points, one per figure the layout could place, and the leader lines the PNG draws.
    ``nodes`` are the OD nodes' circles in the view's CRS (never under a figure, as on the PNG)."""
    if not figures:
        return [], []
    symbols = doc.flow_symbols(view)
    requests, drawn = figure_requests(doc, view, symbols, figures, font_measure(view.dpi))
    hard = [*drawn.shapes, *(shapely.transform(n, view.to_px) for n in nodes), *_small_islands(doc, view)]
    placed, _ = place_figures(doc, view, requests, hard, [])
    to_ll = transformer(view.crs, "EPSG:4326")

    def lonlat(x: float, y: float) -> tuple[float, float]:
        lon, lat = to_ll.transform(*view.to_map(x, y))
        return round(lon, 5), round(lat, 5)

    anchors = {r.key: r.anchors for r in requests}
    points, leaders = [], []
    for lab in placed:
        fig = figures[lab.key]
        x0, y0, x1, y1 = lab.rect
        if fig.kind == "total":
            where, direction = ((x0 + x1) / 2, (y0 + y1) / 2), "center"
        else:
            where, direction = _facing_side(lab.rect, anchors[lab.key][lab.candidate])
        points.append({"type": "Feature", "id": f"{'t' if fig.kind == 'total' else 'v'}{len(points)}",
                       "geometry": mapping(Point(*lonlat(*where))),
                       "properties": {"kind": "total_label" if fig.kind == "total" else "flow_label",
                                      "route_id": fig.route_id, "value": fig.value, "value_label": fig.text,
                                      "colour": fig.colour, "direction": direction}})
        if lab.leader is not None:
            leaders.append({"type": "Feature", "id": f"l{len(leaders)}",
                            "geometry": mapping(LineString([lonlat(*lab.leader[0]), lonlat(*lab.leader[1])])),
                            "properties": {"kind": "leader", "route_id": fig.route_id}})
    return points, leaders


def _facing_side(rect, anchor) -> tuple[tuple[float, float], str]:
    """The middle of the side of ``rect`` (page pixels, y down) that faces ``anchor`` (its band's
    edge), and the Leaflet direction the text runs from there. A side is preferred to the top or
    the bottom: a browser's face may be wider than the PNG's, and a figure anchored at its middle
    would spread both ways, back over its band."""
    x0, y0, x1, y1 = rect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if anchor is None:
        return (cx, cy), "center"
    ax, ay = anchor
    if ax <= x0:
        return (x0, cy), "right"
    if ax >= x1:
        return (x1, cy), "left"
    return ((cx, y0), "bottom") if ay <= y0 else ((cx, y1), "top")


def _small_islands(doc: MapDocument, view: MapView) -> list:
    """The small islands no figure may cover (as on the PNG), in page pixels, when countries are drawn."""
    boundaries = doc.layer("boundaries")
    found = document_islands(doc) if boundaries is not None and boundaries.style.visible else None
    if found is None:
        return []
    return list(small_islands(islands_on_page(found[1], view).shapes, view.px_per_mm))
