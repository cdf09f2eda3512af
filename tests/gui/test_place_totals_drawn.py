"""A circle layer's total over a country's routes on the page (geo.place_totals): "Routes to Spain: ≥ 10,000
dead and missing" (Caminando Fronteras) set once over Spain in its layer's colour, clear of every flow, with no
circle of its own; numbered and keyed where the page has no room for it; on the web map where the PNG sets it."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
import shapely
from page_geography import lonlat_to_px
from painted import paint, pixels

from geo import paths
from geo.figure_layout import COUNTRY_TOTAL_CLEAR_MM
from geo.page import Page
from geo.place_figure_layout import place_total_requests
from geo.place_totals import TOTAL_KEY, TOTALS_APART_MM, place_totals
from geo.placed_marks import PLACE_TOTAL
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"


@pytest.fixture(scope="module")
def a3(qapp):
    doc = load_project(OVERVIEW)
    page = dataclasses.replace(doc.page, dpi=150.0)
    image, view, report = paint(doc, page)
    return doc, pixels(image), view, report


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])


def test_the_total_stands_over_spain_in_its_layers_colour_clear_of_every_flow(a3):
    doc, px, view, report = a3
    marks = [m for m in report.marks if m.key.startswith(TOTAL_KEY)]
    assert [m.kind for m in marks] == [PLACE_TOTAL]
    mark = marks[0]
    assert mark.text == "Routes to Spain: ≥\u00a010,000\ndead and missing"
    box = shapely.box(*mark.rect)
    countries = doc.layer("boundaries").data
    shapes = lonlat_to_px(view)(countries.geometry.to_numpy())
    spain = shapely.union_all(shapes[(countries["iso_a3"] == "ESP").to_numpy()])
    others = shapely.union_all(shapes[(countries["iso_a3"] != "ESP").to_numpy()])
    # over Spain or its coast's sea, no leader (it names no one route), at most a sliver of another country
    assert box.intersection(spain).area / box.area > 0.3 and box.intersection(others).area / box.area <= 0.05
    assert mark.leader is None
    flows = shapely.union_all(shapely.transform(report.symbols.geometry.to_numpy(), view.to_px))
    assert box.distance(flows) >= COUNTRY_TOTAL_CLEAR_MM * view.px_per_mm - 1.0
    # apart from Spain's arrivals' total: 5 mm under it, a line and a half of type, the two read as one block
    spain_total = next(m for m in report.marks if m.key == "total:ESP")
    assert box.distance(shapely.box(*spain_total.rect)) >= TOTALS_APART_MM * view.px_per_mm - 1.0
    # drawn, in the grey of Caminando Fronteras' circles' figures: its letters' pixels in the box
    x0, y0, x1, y1 = (round(v) for v in mark.rect)
    colour = _rgb(place_totals(doc).iloc[0]["text_colour"])
    ink = np.abs(px[y0:y1, x0:x1].astype(int) - colour).sum(axis=2) < 40
    assert ink.sum() > 150, ink.sum()


def test_the_page_hands_the_totals_layout_every_flow_it_draws(qapp, monkeypatch):
    """The total keeps COUNTRY_TOTAL_CLEAR_MM off the flows the layout is given (geo.figure_layout,
    tested there); no flow crosses Spain's middle on the overview, so the page is watched handing them
    over: every drawn symbol, in page pixels."""
    import gui.place_figure_painter as painter_module

    seen = []

    def spy(totals, view, measure, land, flows):
        seen.append((view, flows))
        return place_total_requests(totals, view, measure, land, flows)

    monkeypatch.setattr(painter_module, "place_total_requests", spy)
    doc = load_project(OVERVIEW)
    _image, view, report = paint(doc, Page("A4", "landscape", 100.0))
    assert seen, "the totals were not laid out: nothing tested"
    flows = next(f for v, f in seen if v == view)
    drawn = shapely.transform(report.symbols.geometry.to_numpy(), view.to_px)
    routes = list(report.symbols["route_id"])
    totals = [m.key for m in report.marks if m.kind == "total"]
    assert sorted(flows.keys) == sorted(routes + totals)  # and the totals written before, to stand apart from
    for shape, key in zip(drawn, routes, strict=True):
        mine = flows.shapes[list(flows.keys).index(key)]
        assert shape.hausdorff_distance(mine) < 2.0, key  # in pixels, as drawn (simplified under a pixel)


def test_no_circle_is_drawn_for_the_total(a3):
    """The dead and missing have three circles of Caminando Fronteras' on the page, not four: Spain's total
    drawn as a circle on the Western Mediterranean's line doubled them."""
    _doc, _px, _view, report = a3
    circles = report.place_circles
    assert sorted(circles[circles["source"] == "Caminando Fronteras"]["where"]) == ["ALB", "ATL", "WMR"]


def test_without_room_it_is_numbered_and_keyed_with_its_figure_and_source(qapp):
    """On the A4 overview Spain's middle is taken by its arrivals' totals, the inset and the title: the total
    is numbered over Spain or off its coast, its disc no nearer another country than Spain but for the
    slack a strait allows (geo.foreign_land.NEARER_ABROAD_SLACK_MM), and the footer keys it whole."""
    from geo.foreign_land import NEARER_ABROAD_SLACK_MM

    doc = load_project(OVERVIEW)
    _image, view, report = paint(doc, Page("A4", "landscape", 150.0))
    assert not [m for m in report.marks if m.kind == PLACE_TOTAL]
    keyed = [k for k in report.numbered if any(key.startswith(TOTAL_KEY) for key in k.keys)]
    assert len(keyed) == 1
    footer = " ".join(text for kind, text, *_ in report.texts if kind == "footer")  # sources, key, disclaimer
    entry = re.search(rf"\({keyed[0].number}\) ([^;]*)", footer)
    assert entry and entry.group(1).startswith("Routes to Spain: ≥\u00a010,000 dead and missing (Caminando Fronteras)"), footer
    countries = doc.layer("boundaries").data
    shapes = lonlat_to_px(view)(countries.geometry.to_numpy())
    gaps = shapely.distance(shapes, shapely.box(*keyed[0].rect))  # over Spain or its sea, as a total
    spain = (countries["iso_a3"] == "ESP").to_numpy()
    slack = NEARER_ABROAD_SLACK_MM * view.px_per_mm
    assert gaps[spain].min() <= gaps[~spain].min() + slack, "the number stands nearer another country than Spain"


def test_the_web_map_sets_the_total_as_the_page_does(qapp):
    from gui.layout import page_view
    from gui.web_export import page_marks, webmap_html

    doc = load_project(OVERVIEW)
    view = page_view(doc)
    png = [m for m in page_marks(doc, view).marks if m.key.startswith(TOTAL_KEY)]
    assert len(png) == 1, "the A3 page sets the total: nothing to compare"
    text = webmap_html(doc, view)
    props = [json.loads(p) for p in re.findall(r'\{[^{}]*"key": "place-total:[^{}]*\}', text)]
    assert [(p["key"], p["text"]) for p in props] == [(png[0].key, png[0].text)], props
