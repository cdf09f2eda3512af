"""The page's geography worked out from the data, not from the layout code: which country a drawn label
stands on (for tests of what the map's figures read as)."""

from __future__ import annotations

import numpy as np
import shapely

from geo.projection import transformer

TOTAL_HOMES = {"total:CMR": ("ITA",), "total:ESP": ("ESP",), "total:WMR": ("ESP",), "total:WMR-LAND": ("ESP",)}
"""The country each total counts arrivals in, as the update says: Italy's 65,474, Spain's 16,903 (and
Ceuta and Melilla's 2,647, both Spanish)."""
FOREIGN_SHARE = 0.05
"""A total's box may touch another country's coast, no more: over its land it reads as that country's."""


def lonlat_to_px(view):
    """A function taking lon/lat geometries to ``view``'s page pixels (segmentized first: a straight
    border is curved on most projections)."""
    t = transformer("EPSG:4326", view.crs)

    def project(xy):
        x, y = t.transform(xy[:, 0], xy[:, 1])
        return view.to_px(np.column_stack([x, y]))

    return lambda geoms: shapely.transform(shapely.segmentize(np.asarray(geoms, dtype=object), 0.05), project)


def foreign_shares(report, countries, to_px, rgb) -> dict[str, float]:
    """For each total ``report`` placed: the share of its box on countries other than its own, where more
    than FOREIGN_SHARE. Asserts it is drawn there (dark letters in the box)."""
    totals = [m for m in report.marks if m.kind == "total"]
    shapes = to_px(countries.geometry.to_numpy())
    out = {}
    for mark in totals:
        x0, y0, x1, y1 = (round(v) for v in mark.rect)
        assert (rgb[y0:y1, x0:x1].max(axis=2) < 90).sum() > 30, f"{mark.key}: no letters drawn in its box"
        box = shapely.box(*mark.rect)
        foreign = ~countries["iso_a3"].isin(TOTAL_HOMES[mark.key]).to_numpy()
        share = float(shapely.area(shapely.intersection(shapes[foreign], box)).sum() / box.area)
        if share > FOREIGN_SHARE:
            out[mark.key] = round(share, 2)
    return out


def circle_figures_abroad(report, countries, to_px, view) -> dict[str, float]:
    """For each circle's figure ``report`` placed whose circle stands on a country's land: the share of
    its box on other countries' land, where more than FOREIGN_SHARE (it reads as theirs). A circle at
    sea has no country of its own and is not counted."""
    circles = report.place_circles
    if circles is None or not len(circles):
        return {}
    shapes = to_px(countries.geometry.to_numpy())
    anchors = dict(zip(circles["key"], view.to_px(circles[["x", "y"]].to_numpy(float)), strict=True))
    out = {}
    for mark in (m for m in report.marks if m.kind == "place_figure"):
        own = shapely.contains_xy(shapes, *anchors[mark.key])
        if not own.any():
            continue
        box = shapely.box(*mark.rect)
        share = float(shapely.area(shapely.intersection(shapes[~own], box)).sum() / box.area)
        if share > FOREIGN_SHARE:
            out[mark.key] = round(share, 2)
    return out


def route_figures_abroad(report, doc, view, countries, to_px) -> dict[str, float]:
    """For each route's figure ``report`` placed: the share of its box on a country other than the
    ones nearest its route's two ends (where it leaves and where it arrives), where more than
    FOREIGN_SHARE: Tunisia's 19,238 over Algeria reads as Algeria's."""
    routes = doc.projected(doc.layer("routes")).set_index("route_id")
    shapes = to_px(countries.geometry.to_numpy())
    out = {}
    for mark in (m for m in report.marks if m.kind == "value" and m.key in routes.index):
        geom = routes.loc[mark.key].geometry
        line = geom if geom.geom_type == "LineString" else max(geom.geoms, key=lambda g: g.length)
        ends = shapely.points(view.to_px(np.asarray(line.coords)[[0, -1]]))
        home = set(np.argmin(shapely.distance(shapes[:, None], ends[None, :]), axis=0).tolist())
        foreign = np.array([i not in home for i in range(len(shapes))])
        box = shapely.box(*mark.rect)
        share = float(shapely.area(shapely.intersection(shapes[foreign], box)).sum() / box.area)
        if share > FOREIGN_SHARE:
            out[mark.key] = round(share, 2)
    return out
