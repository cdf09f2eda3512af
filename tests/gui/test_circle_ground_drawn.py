"""A see-through circle over a flow is seen in its key's colour (geo.circle_ground), measured in the A3
overview's pixels: where Libya's ≥ 21,470 interceptions lay over the tail of its 41,484 arrivals they
mixed to a muddy violet, and the Atlantic's grey dead and missing over its blue band to a slate no key
shows. The web map draws the same ground under its circles."""

from __future__ import annotations

import dataclasses

import folium  # noqa: F401  (urllib3 probes IPv6 on import: import it at collection, outside any test)
import numpy as np
import pytest
import shapely
from painted import paint, pixels
from webmap_support import features

from geo import paths
from geo.place_figure_layout import circle_shapes
from geo.place_figures import PLACE_CIRCLE_OPACITY
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"
DPI = 150.0
MM = DPI / 25.4
SEEN_WITHIN = 14.0
"""RGB distance within which a pixel is the circle's colour over the ground (antialiasing, rounding)."""
EDGE_MM = 0.5
"""A circle's white casing and antialiased edge: its pixels this far inside are its fill."""


@pytest.fixture(scope="module")
def overview(qapp):
    doc = load_project(OVERVIEW)
    image, view, report = paint(doc, dataclasses.replace(doc.page, dpi=DPI))
    return doc, pixels(image).astype(float), view, report


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[k:k + 2], 16) for k in (1, 3, 5)], float)


def pixels_in(shape, px) -> tuple[np.ndarray, np.ndarray]:
    """(ys, xs) of the pixel centres inside ``shape`` (page pixels)."""
    x0, y0, x1, y1 = (int(v) for v in shape.bounds)
    ys, xs = np.mgrid[y0:y1 + 1, x0:x1 + 1]
    inside = shapely.contains_xy(shape, xs + 0.5, ys + 0.5)
    return ys[inside], xs[inside]


def test_a_circle_over_a_flow_is_seen_in_its_keys_colour(overview):
    doc, px, view, report = overview
    bands = shapely.union_all(shapely.transform(report.symbols.geometry.to_numpy(), view.to_px))
    discs = circle_shapes(report.place_circles, view)
    grounds = [rgb(c) for c in (doc.theme.sea, doc.theme.land, doc.theme.focus_land)]
    over = 0
    muddy = {}
    for i, (disc, row) in enumerate(zip(discs, report.place_circles.itertuples(), strict=True)):
        others = shapely.union_all([d for j, d in enumerate(discs) if j != i])
        inner = disc.buffer(-EDGE_MM * MM).intersection(bands).difference(others.buffer(EDGE_MM * MM))
        if inner.area < (0.5 * MM) ** 2:
            continue
        over += 1
        ys, xs = pixels_in(inner, px)
        seen = [PLACE_CIRCLE_OPACITY * rgb(row.colour) + (1 - PLACE_CIRCLE_OPACITY) * g for g in grounds]
        near = np.min([np.linalg.norm(px[ys, xs] - c, axis=1) for c in seen], axis=0)
        share = float((near > SEEN_WITHIN).mean())
        if share > 0.02:
            muddy[f"{row.where} {row.value:g}"] = round(share, 2)
    assert over >= 2, "the Atlantic's dead and missing and Libya's interceptions not on their flows: nothing tested"
    assert muddy == {}, f"circles over a flow not in their key's colour (share of the pixels over it): {muddy}"


def test_the_web_map_draws_the_same_ground_under_its_circles(overview):
    from gui.web_export import webmap_html

    doc, _px, view, report = overview
    text = webmap_html(doc, view)
    ground = features(text, "ground_under_circle")
    assert len(ground) == len(report.ground_under_circles) >= 1
    assert ground[0]["properties"]["fill"] == doc.theme.sea
    # drawn before the circles, in their pane: under them
    circle = features(text, "place_figure")[0]
    assert text.find(f'"id": "{ground[0]["id"]}"') < text.find(f'"id": "{circle["id"]}"')
    to_view = __import__("pyproj").Transformer.from_crs("EPSG:4326", view.crs, always_xy=True)
    web = shapely.union_all([shapely.transform(shapely.geometry.shape(f["geometry"]),
                                               lambda c: np.column_stack(to_view.transform(c[:, 0], c[:, 1])))
                             for f in ground[:1]])
    png = report.ground_under_circles[0][0]
    assert web.symmetric_difference(png).area < 0.02 * png.area
