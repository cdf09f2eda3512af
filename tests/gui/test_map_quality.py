"""Cartographic quality of the bundled default map, as tests: what a reviewer would check by eye."""

import itertools

import numpy as np
import pytest
import shapely
from painted import paint

from geo.colours import contrast_ratio, delta_e, simulate_cvd
from geo.page import Page
from geo.projection import to_crs


@pytest.fixture(params=[("A4", "landscape"), ("A3", "portrait")], ids=["A4-landscape", "A3-portrait"])
def rendered(request, doc):
    paper, orientation = request.param
    _, view, report = paint(doc, Page(paper, orientation, 150))
    return doc, view, report


def test_no_label_overlaps_another_label(rendered):
    _, _, report = rendered
    boxes = [shapely.box(*rect) for _, rect in report.labels]
    assert len(boxes) > 20
    for a, b in itertools.combinations(boxes, 2):
        assert not a.intersects(b)


def test_no_label_overlaps_a_flow_or_arrowhead(rendered):
    _, view, report = rendered
    flows = [shapely.transform(g, view.to_px) for g in report.symbols.geometry]
    for kind, rect in report.labels:
        box = shapely.box(*rect)
        assert not any(box.intersects(f) for f in flows), f"{kind} label at {rect} overlaps a flow"


def test_every_flow_has_its_value_label(rendered):
    _, _, report = rendered
    assert not report.dropped_labels or all(k not in set(report.symbols["route_id"]) for k in report.dropped_labels)
    # on the page, once: on the map, or in the inset that shows the flow (gui.render's insets)
    values = [k for r in (report, *(i for _, i in report.insets)) for k, _ in r.labels if k == "value"]
    assert len(values) == len(report.symbols)


def test_sea_flows_stay_over_the_sea_between_their_ends(rendered):
    doc, view, report = rendered
    land = to_crs(doc.layer("boundaries").data, view.crs).union_all()
    routes = doc.join().flows.set_index("route_id")
    for row in report.symbols.itertuples():
        if routes.loc[row.route_id, "mode"] != "sea":
            continue
        line = row.centreline
        assert not line.intersects(land), f"{row.route_id} centre line crosses land"
        # the band may touch the coast only where the flow starts or ends
        ends = shapely.MultiPoint([line.coords[0], line.coords[-1]]).buffer(view.mm_to_units(row.arrow_width_mm + 1))
        stray = shapely.difference(shapely.intersection(row.geometry, land), ends)
        assert stray.area < 1e-6 * row.geometry.area, f"{row.route_id} band runs over land"


def test_all_text_has_at_least_4_5_to_1_contrast(rendered):
    _, _, report = rendered
    assert {k for k, *_ in report.texts} >= {"value", "place", "country", "title", "footer"}
    for kind, text, colour, background in report.texts:
        assert contrast_ratio(colour, background) >= 4.5, f"{kind} {text!r}: {colour} on {background}"


def test_route_palette_stays_distinct_with_colour_vision_deficiencies(doc):
    colours = list(doc.flow_style.group_colours.values())
    for kind in ("protanopia", "deuteranopia", "tritanopia", None):
        seen = [simulate_cvd(c, kind) if kind else c for c in colours]
        worst = min(delta_e(a, b) for a, b in itertools.combinations(seen, 2))
        assert worst >= 10, f"two route colours look alike with {kind or 'normal vision'} (ΔE {worst:.1f})"
    # and each stands apart from the sea and the land it is drawn on
    for c in colours:
        assert min(delta_e(c, doc.theme.sea), delta_e(c, doc.theme.land)) >= 20


def test_comparison_labels_and_change_colours(doc):
    """2024 against 2023: every flow keeps a label, with its change, coloured by direction."""
    from geo.styles import CHANGE_COLOURS

    doc.select("2024", "arrivals", "Not named in the update (linked)")
    doc.flow_style.compare = "previous"
    doc.flow_style.colour_by = "change"
    image, view, report = paint(doc, Page("A4", "landscape", 150))
    texts = {t for kind, t, *_ in report.texts if kind == "value"}
    assert "19,238\n−80%" in texts and "1,257\n+115%" in texts and "46,843\n+17% (stated)" in texts
    assert "~6,000\npart of the 14,431\n~+163%" in texts  # nearly 6,000, inside the 14,431: as approximate
    assert not [k for k in report.dropped_labels if k in set(report.symbols["route_id"])]
    assert doc.flow_colour("CMR-TN", "CMR") == CHANGE_COLOURS["down"]
    assert doc.flow_colour("ALB", "Algeria–Balearic") == CHANGE_COLOURS["up"]
    for rid, direction in (("CMR-TN", "down"), ("ATL", "up")):
        centre = report.symbols.set_index("route_id").loc[rid, "centreline"].interpolate(0.3, normalized=True)
        x, y = view.to_px(np.array([[centre.x, centre.y]]))[0]
        assert image.pixelColor(int(x), int(y)).name() == CHANGE_COLOURS[direction].lower(), rid


def test_a_change_the_source_states_without_the_earlier_figure_is_drawn_as_its(doc):
    """The update gives the Atlantic's 2024 arrivals as '+16% compared to 2023' (UNHCR's 46,524; '+17%'
    for the 46,843 of Key Updates) with no 2023 figure: the band was grey, 'No earlier figure', on the
    year's headline route. It is drawn as an increase, labelled as the source's, and the footer says so.
    A quarter's '+47% compared to last quarter' holds against the quarter before, not a year ago's."""
    from geo.legend import footnote_parts
    from geo.map_language import map_language
    from geo.styles import CHANGE_COLOURS

    doc.select("2024", "arrivals", None)
    doc.flow_style.compare = "previous"
    doc.flow_style.colour_by = "change"
    image, view, report = paint(doc, Page("A4", "landscape", 150))
    texts = {t for kind, t, *_ in report.texts if kind == "value"}
    assert "46,524 (a)\n+16% (stated)" in texts and "19,238\n−80%" in texts
    centre = report.symbols.set_index("route_id").loc["ATL", "centreline"].interpolate(0.3, normalized=True)
    x, y = view.to_px(np.array([[centre.x, centre.y]]))[0]
    assert image.pixelColor(int(x), int(y)).name() == CHANGE_COLOURS["up"].lower()
    assert "(stated) a change the update gives without the earlier figure" in " ".join(
        footnote_parts(doc).lines(map_language(doc)))
    doc.select("2024Q4", "arrivals", None)  # '+47% compared to last quarter': not a year ago's
    assert doc.changes()["ATL"].is_stated and doc.changes()["ATL"].label() == "+47%"
    doc.flow_style.compare = "year_ago"
    assert doc.changes()["ATL"].ratio is None


def test_od_map_of_cmr_departures(qapp):
    """The OD map of CMR departures: nodes sized by totals, labels clear of flows and nodes."""
    from geo import paths
    from geo.document import MapDocument

    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select("2024", "departures")
    image, view, report = paint(doc, Page("A4", "landscape", 150))
    assert report.nodes == {"Libya": 41484, "Tunisia": 19238, "Algeria": 1257, "Italy": 61979}
    assert {t for k, t, *_ in report.texts if k == "value"} == {"41,484", "19,238", "1,257"}
    flows = [shapely.transform(g, view.to_px) for g in report.symbols.geometry]
    for kind, rect in report.labels:
        assert not any(shapely.box(*rect).intersects(f) for f in flows), kind
    # Italy's node is drawn (dark, opaque) where its lon/lat projects
    from pyproj import Transformer

    from geo.projection import resolve_crs

    italy = doc.join().flows.geometry.iloc[0].coords[-1]
    x, y = Transformer.from_crs("EPSG:4326", resolve_crs(view.crs), always_xy=True).transform(*italy)
    (px, py), = view.to_px(np.array([[x, y]]))
    c = image.pixelColor(int(px), int(py))
    assert max(c.red(), c.green(), c.blue()) < 110
