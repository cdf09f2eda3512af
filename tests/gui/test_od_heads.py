"""Origin–destination flows where they meet a node, measured on the drawn symbols at 300 dpi.

At the Canary Islands the 2024 arrivals by nationality came in 14° apart, and the heads of the
Senegal, Mauritania, Guinea and Mali flows (2.6 to 6 mm wide) lay over each other; turned apart,
the Guinea flow then ran over Mauritania's circle. The symbols are the polygons the painter fills
(``doc.flow_symbols``), the nodes the circles it draws, both in page pixels.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely
from painted import paint

from geo import paths
from geo.document import MapDocument
from geo.od import node_points
from geo.page import Page
from geo.projection import transformer

OD = paths.data_path("flows", "od_2024.csv")
HEADS_APART_MM = 0.3
"""Two heads reaching one node keep at least this far apart: touching, they read as one forked head."""
CASES = [("2024", "arrivals_by_nationality", Page("A4", "landscape", 300)),
         ("2024", "departures", Page("A4", "landscape", 300)),
         ("2024Q4", "departures", Page("A4", "landscape", 300)),
         ("2023", "departures", Page("A3", "portrait", 300))]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2].describe()}")
def od_map(request, qapp):
    period, metric, page = request.param
    doc = MapDocument.from_files(flows=OD)
    doc.select(period, metric)
    _, view, _ = paint(doc, page)
    symbols = doc.flow_symbols(view)
    flows = doc.join().flows
    radii = doc.od_curves(view)[1]
    nodes = node_points(flows)
    x, y = transformer("EPSG:4326", doc.crs).transform(nodes.geometry.x.to_numpy(), nodes.geometry.y.to_numpy())
    centres = dict(zip(nodes["name"], view.to_px(np.column_stack([x, y])), strict=True))
    circles = {n: shapely.Point(*centres[n]).buffer(radii[n] * view.px_per_mm) for n in centres}
    drawn = [(str(o), str(d), shapely.transform(g, view.to_px))
             for o, d, g in zip(flows["origin"], flows["dest"], symbols.geometry, strict=True)]
    return view, drawn, circles


def test_the_heads_reaching_one_node_keep_apart(od_map):
    view, drawn, circles = od_map
    mm = view.px_per_mm
    touching = {}
    for (o1, d1, g1), (o2, d2, g2) in itertools.combinations(drawn, 2):
        if d1 != d2 or o1 == o2:
            continue
        # the heads: what of each symbol lies within 8 mm of the node's circle (a head is at most 6 mm long)
        near = circles[d1].buffer(8 * mm)
        gap = shapely.distance(g1.intersection(near), g2.intersection(near)) / mm
        if gap < HEADS_APART_MM:
            touching[f"{o1}/{o2}→{d1}"] = round(gap, 2)
    assert touching == {}


def test_no_flow_runs_over_a_node_it_does_not_connect(od_map):
    _, drawn, circles = od_map
    over = {f"{o}→{d}": n for o, d, g in drawn for n, c in circles.items() if n not in (o, d) and g.intersects(c)}
    assert over == {}


SEA_END_MM, ISLAND_KM2 = 3.0, 2000.0
"""A departure by sea may cross its own coast this far beyond its node's circle (a port a little inland),
and pass over islands smaller than this (the Kerkennah Islands off Sfax, where boats leave from)."""


def test_a_sea_crossing_stays_off_land_but_at_its_ends(od_map, request):
    """Departures are sea crossings: Annaba's for Lampedusa ran 40 mm over northern Tunisia and the
    Algerian coast (23.6 mm² of its band on land), read as an overland route. Bent further
    (``geo.flow_layout.FAR_BENDS``), it keeps to the sea. Arrivals by nationality start in countries
    inland (Mali) and are not tested."""
    view, drawn, circles = od_map
    if "departures" not in request.node.callspec.id:
        pytest.skip("arrivals by nationality start inland")
    doc = MapDocument.from_files(flows=OD)
    mm = view.px_per_mm
    parts = shapely.get_parts(doc.layer("boundaries").data.to_crs(view.crs).geometry.to_numpy())  # metres
    land = shapely.transform(shapely.union_all(parts[shapely.area(parts) >= ISLAND_KM2 * 1e6]), view.to_px)
    on_land = {}
    for origin, dest, band in drawn:
        ends = shapely.union_all([circles[n].buffer(SEA_END_MM * mm) for n in (origin, dest)])
        on_land[f"{origin}→{dest}"] = round(shapely.area(band.intersection(land).difference(ends)) / mm**2, 2)
    assert on_land and all(v < 0.05 for v in on_land.values()), on_land
