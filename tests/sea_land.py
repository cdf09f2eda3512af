"""Where a sea band lies over land, measured on the symbols as laid out (tests/geo/test_sea_bands.py
and the small multiples' panels in tests/gui/test_print_geometry.py)."""

from __future__ import annotations

import numpy as np
import shapely


def _ahead_of_port(centreline, port):
    """The half-plane ahead of ``port`` across the band's course there: a band too short for its head
    is lengthened back over the land it leaves (geo.flow_geometry.BODY_AT_LEAST_WIDTHS), on purpose."""
    line = max(shapely.get_parts(centreline), key=lambda g: g.length)
    at = line.project(port)
    a, b = (np.asarray(line.interpolate(min(max(t, 0.0), line.length)).coords[0]) for t in (at - 1.0, at + 1.0))
    d = (b - a) / np.hypot(*(b - a))
    n = np.array([-d[1], d[0]])
    p, far = np.asarray(port.coords[0]), 1e8
    return shapely.Polygon([p + n * far, p + n * far + d * far, p - n * far + d * far, p - n * far])


def on_land_mm2(doc, page=None, view=None) -> dict[str, float]:
    """Area (mm²) of each sea band on land, from its port (or its start, if that is later) to where its
    arrowhead begins (an arrow may reach its landing shore), measured on a 0.1 mm grid over the band,
    on ``page`` (its map's view) or in ``view`` (a small multiple's panel)."""
    from gui.render import MapRenderer

    view = view or MapRenderer(doc).page_view(page)
    mm = view.mm_to_units(1)
    land = doc.land(view.units_per_px).geometry
    routes = doc.layer("routes").data
    sea = set(routes.loc[routes["mode"] == "sea", "route_id"])
    projected = doc.projected(doc.layer("routes"))
    ports = dict(zip(projected["route_id"], shapely.get_point(shapely.get_geometry(projected.geometry.to_numpy(), 0), 0),
                     strict=True))
    out = {}
    for band in doc.flow_symbols(view).itertuples():
        if band.route_id not in sea or band.symbol != "flow":
            continue
        tips = shapely.get_point(shapely.get_parts(band.centreline), -1)
        body = band.geometry.difference(shapely.union_all(shapely.buffer(tips, (band.arrow_width_mm + 1) * mm)))
        body = body.intersection(_ahead_of_port(band.centreline, ports[band.route_id]))
        if body.is_empty:
            continue
        x0, y0, x1, y1 = body.bounds
        xs, ys = np.meshgrid(np.arange(x0, x1, 0.1 * mm), np.arange(y0, y1, 0.1 * mm))
        xs, ys = xs.ravel(), ys.ravel()
        inside = shapely.contains_xy(body, xs, ys)
        out[band.route_id] = float(shapely.contains_xy(land, xs[inside], ys[inside]).sum()) * 0.01
    return out


def land_share(doc, route: str, page=None, view=None) -> float:
    """Share of a band's body (its symbol less its head) that lies over land, on a 0.1 mm grid, on
    ``page`` (its map's view) or in ``view``."""
    from gui.render import MapRenderer

    view = view or MapRenderer(doc).page_view(page)
    mm = view.mm_to_units(1)
    land = doc.land(view.units_per_px).geometry
    band = doc.flow_symbols(view).set_index("route_id").loc[route]
    tip = shapely.get_point(band.centreline, -1)
    head = shapely.get_point(band.centreline, -1).buffer(band.arrow_width_mm * 0.85 * mm)
    body = band.geometry.difference(head) if tip is not None else band.geometry
    x0, y0, x1, y1 = body.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1, 0.1 * mm), np.arange(y0, y1, 0.1 * mm))
    inside = shapely.contains_xy(body, xs.ravel(), ys.ravel())
    return float(shapely.contains_xy(land, xs.ravel()[inside], ys.ravel()[inside]).mean())
