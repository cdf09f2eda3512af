"""Whose land a figure's box stands on (geo.foreign_land), measured against the countries layer at full
detail in page pixels, not against the layout's own simplified shapes."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geo.document import MapDocument
from geo.foreign_land import FOREIGN_LAND_COST, FOREIGN_LAND_LIMIT, CountryLand
from geo.page import Page
from geo.projection import transformer
from geo.view import MapView

SIZE = (60.0, 20.0)
"""A figure's box in page pixels: about 10 mm by 3 mm at 150 dpi."""


@pytest.fixture(scope="module")
def land():
    from gui.layout import PageLayout  # the frame only: no Qt is started

    doc = MapDocument.from_files()
    page = Page("A4", "landscape", 150.0)
    frame = PageLayout().frame_px(page)
    view = MapView(doc.crs, doc.default_extent(), frame, page.dpi)
    countries = doc.layer("boundaries").data
    project = transformer("EPSG:4326", doc.crs)

    def to_px(geom):
        return shapely.transform(shapely.segmentize(geom, 0.05),
                                 lambda xy: view.to_px(np.column_stack(project.transform(xy[:, 0], xy[:, 1]))))

    shapes = {iso: to_px(g) for iso, g in zip(countries["iso_a3"], countries.geometry, strict=True)}
    return CountryLand(doc, view), shapes, view


def home_of(land: CountryLand, shape) -> set[int]:
    """The layout's index of the country ``shape`` (pixels) is: the one of its shapes it most overlaps."""
    overlap = shapely.area(shapely.intersection(land.shapes, shape.buffer(0)))
    assert overlap.max() > 0, "the country is not in the view: nothing tested"
    return {int(np.argmax(overlap))}


def boxes_across(shapes: dict, iso: str, other: str, step: float = 2.0) -> list[tuple[float, float, float]]:
    """Candidate centres stepping across the border of ``iso`` and ``other``: from wholly in one to wholly
    in the other, every share between."""
    border = shapely.intersection(shapes[iso].buffer(1.0), shapes[other].buffer(1.0))
    (cx, cy), = shapely.get_coordinates(shapely.centroid(border))
    return [(cx + dx, cy, 0.0) for dx in np.arange(-2 * SIZE[0], 2 * SIZE[0], step)]


def share_on(shapes: dict, iso: str, cand) -> float:
    w, h = SIZE
    box = shapely.box(cand[0] - w / 2, cand[1] - h / 2, cand[0] + w / 2, cand[1] + h / 2)
    return shapely.area(shapely.intersection(box, shapes[iso])) / box.area


def test_a_figure_more_than_a_quarter_on_another_country_is_ruled_out(land):
    """Tunisia's 19,238 stood 64–82 % over Algeria on A4, read as Algeria's, because foreign land only
    cost as much as a position nearer another route. Across the Tunisia–Algeria border, a box for a
    Tunisian figure is free on Tunisia, costs its share on Algeria up to FOREIGN_LAND_LIMIT, and is ruled
    out beyond it (the figure is then numbered, geo.figure_keys)."""
    countries, shapes, _view = land
    cands = boxes_across(shapes, "TUN", "DZA")
    cost = countries.foreign_cost(cands, SIZE, home_of(countries, shapes["TUN"]))
    shares = np.array([share_on(shapes, "DZA", c) for c in cands])
    assert shares.min() == 0.0 and shares.max() > 0.9, "the boxes do not cross the border: nothing tested"
    # the layout compares simplified shapes: a few hundredths either way at the limit
    far = shares > FOREIGN_LAND_LIMIT + 0.03
    near = shares < FOREIGN_LAND_LIMIT - 0.03
    assert far.any() and near.any()
    assert np.isinf(cost[far]).all()
    assert np.isfinite(cost[near]).all() and (cost[near] <= FOREIGN_LAND_COST).all()
    assert (cost[shares < 0.01] < 1.0).all()
    inside = shares > 0.05
    assert (cost[near & inside] > 0.0).all(), "a box partly on Algeria costs nothing"


def test_land_of_the_figures_own_countries_costs_nothing(land):
    """A route's figure may stand on where it leaves and where it arrives: the same boxes across the
    border cost nothing when both countries are its own."""
    countries, shapes, _view = land
    home = home_of(countries, shapes["TUN"]) | home_of(countries, shapes["DZA"])
    assert len(home) == 2
    cost = countries.foreign_cost(boxes_across(shapes, "TUN", "DZA"), SIZE, home)
    assert (cost < 1.0).all()


@pytest.mark.parametrize(("route_id", "country"), [("WMR-CEUTA", "ESP"), ("WMR-MELILLA", "ESP"), ("EXP-DZ-NE", "NER"),
                                                    ("CMR-LY", "ITA")])
def test_a_branch_arrives_in_the_country_across_the_border_from_where_it_leaves(land, route_id, country):
    """The arrows into Ceuta and Melilla end at the fence on Morocco's side: Morocco was taken for the
    country of 'Ceuta and Melilla 2,647', and the total set over Morocco's coast was free. A branch arrives
    in the country nearest its tip but the one it leaves from."""
    countries, shapes, view = land
    doc = MapDocument.from_files()
    routes = doc.projected(doc.layer("routes")).set_index("route_id")
    geom = routes.geometry[route_id]
    line = geom if geom.geom_type == "LineString" else max(geom.geoms, key=lambda g: g.length)
    start, tip = view.to_px(np.asarray(line.coords)[[0, -1]])
    arrives = countries.arrival(tip[None], start[None])
    assert arrives == home_of(countries, shapes[country])
    assert not arrives & countries.home(start[None]), "the country it leaves from taken for where it arrives"


def test_a_country_s_total_stands_over_it_clear_of_every_arrow():
    """Spain's total over its routes (geo.relations.TOTAL_OVER) is no one arrow's figure: set beside the
    Almería arrow it read as that arrow's. It stands round the middle of its country, with no leader,
    and COUNTRY_TOTAL_CLEAR_MM off every flow, though a place beside the arrow is nearer the middle."""
    from geo.figure_layout import COUNTRY_TOTAL_CLEAR_MM, country_total_request
    from geo.join import TotalLabel
    from geo.labels import place_labels
    from geo.value_layout import Symbols

    mm = 10.0
    land = CountryLand.__new__(CountryLand)
    land.shapes = np.array([shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)], dtype=object)
    land.codes = np.array(["ESP", "PRT"], dtype=object)
    land.tree, land.slack = shapely.STRtree(land.shapes), 0.0
    arrow = shapely.box(480, 250, 520, 470)  # an arrow ending just above the country's middle
    total = TotalLabel("ESP", "Spain", 21237.0, "", "", 0.0, (), 21237.0, "WMR", "ESP")
    request = country_total_request("total:ESP", total, (300.0, 40.0), land, Symbols([arrow], ["WMR"]), mm)
    assert request.anchors is None  # no leader to any one branch
    (placed,), _dropped = place_labels([request], [], (0.0, 0.0, 2000.0, 1000.0), hard=[arrow])
    box = shapely.box(*placed.rect)
    assert placed.leader is None and box.distance(arrow) >= COUNTRY_TOTAL_CLEAR_MM * mm
    assert box.intersection(land.shapes[1]).area == 0  # and not over the neighbour


def test_a_country_s_total_finds_its_country_s_free_land_beyond_its_rings():
    """On the A4 overview the Strait's inset and the title covered Spain's middle and every ring round
    it; Spain's total was numbered though Catalonia was free. It may stand anywhere over its country."""
    from geo.figure_layout import country_total_request
    from geo.join import TotalLabel
    from geo.labels import place_labels
    from geo.value_layout import Symbols

    mm = 10.0
    land = CountryLand.__new__(CountryLand)
    land.shapes = np.array([shapely.box(0, 0, 1600, 1000)], dtype=object)
    land.codes = np.array(["ESP"], dtype=object)
    land.tree, land.slack = shapely.STRtree(land.shapes), 0.0
    inset = shapely.box(0, 0, 1250, 1000)  # furniture over the country's middle and 20 mm round it
    total = TotalLabel("ESP", "Spain", 63427.0, "", "", 0.0, (), 63427.0, "WMR", "ESP")
    request = country_total_request("total:ESP", total, (300.0, 40.0), land, Symbols([], []), mm)
    placed, dropped = place_labels([request], [], (0.0, 0.0, 2400.0, 1000.0), hard=[inset])
    assert dropped == [] and shapely.box(*placed[0].rect).within(land.shapes[0])
