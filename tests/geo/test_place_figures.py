"""Figures counted at places and in countries (issue 14, item 2): read, kept, checked, scaled."""

from __future__ import annotations

import math

import pytest

from geo.document import MapDocument
from geo.errors import CrossingsError, DataError
from geo.figures_edit import SetRow, edited_table, merge_tables, write_figures_csv
from geo.flow_table import read_flow_table
from geo.place_figures import (
    PLACE_CIRCLE_MAX_MM,
    PlaceFigureLayer,
    check_place_layers,
    parse_place_layer,
    place_circles,
)

HEADER = "route_id,place_id,country,period,metric,value,qualifier,source\n"


def write(tmp_path, body: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_place_and_country_rows_are_read_apart_from_the_routes(tmp_path):
    table = read_flow_table(write(tmp_path, "CMR,,,2024,arrivals,65474,,UNHCR\n,dirkou,,2024Q4,stranded,400,about,APS\n"
                                            ",,lby,2024Q4,migrants_present,787326,,IOM DTM\n"))
    assert list(table.frame["route_id"]) == ["CMR"]
    places = table.places()
    assert list(places["place_id"]) == ["dirkou", ""] and list(places["country"]) == ["", "LBY"]
    assert list(places["qualifier"]) == ["about", ""] and list(places["row"]) == [3, 4]
    assert "stranded" not in table.metrics()  # never offered as a route metric


@pytest.mark.parametrize(("row", "words"), [
    ("CMR,dirkou,,2024,stranded,400,,", "names route_id 'CMR' and place_id 'dirkou'"),
    (",dirkou,LBY,2024,stranded,400,,", "names place_id 'dirkou' and country 'LBY'"),
    (",,Libya,2024,migrants_present,5,,", "country 'Libya' is not an ISO 3166 alpha-3 code"),
    (",,,2024,arrivals,5,,", "names no route_id, place_id or country"),
])
def test_a_row_names_one_route_place_or_country(tmp_path, row, words):
    with pytest.raises(DataError) as err:
        read_flow_table(write(tmp_path, "CMR,,,2024,arrivals,1,,\n" + row + "\n"))
    assert "row 3" in str(err.value) and words in str(err.value)


def test_place_figures_survive_writing_editing_and_merging(tmp_path):
    table = read_flow_table(write(tmp_path, "CMR,,,2024,arrivals,65474,,UNHCR\n,dirkou,,2024Q4,stranded,400,about,APS\n"))
    out = tmp_path / "written.csv"
    write_figures_csv(table, out)
    back = read_flow_table(out)
    cols = ["place_id", "country", "period", "metric", "value", "qualifier", "source"]
    assert back.places()[cols].equals(table.places()[cols])
    edited = edited_table(table, [SetRow(0, {"value": "65475"})])
    assert edited.places()[cols].equals(table.places()[cols])
    other = read_flow_table(write(tmp_path, "CMR,,,2024,arrivals,65474,,UNHCR\n,,TUN,2024Q4,refugees,15514,,UNHCR\n",
                                  "more.csv"))
    merged, conflicts = merge_tables(table, other)
    assert sorted(merged.places()["metric"]) == ["refugees", "stranded"] and conflicts == []


def bundled(*layers: PlaceFigureLayer) -> MapDocument:
    doc = MapDocument.from_files()
    doc.place_layers = layers
    return doc


def test_the_bundled_update_places_its_figures_where_they_are_counted():
    doc = bundled(PlaceFigureLayer("migrants_present"), PlaceFigureLayer("stranded"),
                  PlaceFigureLayer("assisted_returns", "2024-01-01/2024-10-16"))
    check_place_layers(doc)
    circles = place_circles(doc).set_index("where")
    assert circles.loc["LBY", "value"] == 787326 and circles.loc["dirkou", "text"] == "~400"
    assert circles.loc["TUN", "text"] == "≥ 5,400"  # 'over 5,400': at least
    # area to scale on one shared scale: the largest at the maximum diameter
    assert circles.loc["LBY", "diameter_mm"] == pytest.approx(PLACE_CIRCLE_MAX_MM)
    libya = doc.layer("boundaries").data.set_index("iso_a3").loc["LBY"].geometry
    import geopandas as gpd
    import shapely

    from geo.projection import to_crs
    inside = to_crs(gpd.GeoDataFrame(geometry=[libya], crs="EPSG:4326"), doc.crs).geometry.iloc[0]
    assert inside.contains(shapely.Point(circles.loc["LBY", "x"], circles.loc["LBY", "y"]))
    dirkou = doc.layer("places").data.set_index("place_id").loc["dirkou"].geometry
    at = to_crs(gpd.GeoDataFrame(geometry=[dirkou], crs="EPSG:4326"), doc.crs).geometry.iloc[0]
    assert math.hypot(at.x - circles.loc["dirkou", "x"], at.y - circles.loc["dirkou", "y"]) < 1.0


def test_an_unknown_place_or_country_is_named_never_dropped(tmp_path):
    doc = MapDocument.from_files(flows=write(tmp_path, "CMR,,,2024Q4,arrivals,1,,\n,atlantis,,2024Q4,stranded,400,,\n"
                                                       ",,XYZ,2024Q4,migrants_present,9,,\n"))
    with pytest.raises(CrossingsError, match=r"figures.csv, row 3: place_id 'atlantis' is not in the map's places"):
        check_place_layers(doc, (PlaceFigureLayer("stranded"),))
    with pytest.raises(CrossingsError, match=r"row 4: country 'XYZ' is not in the map's country boundaries"):
        check_place_layers(doc, (PlaceFigureLayer("migrants_present"),))
    with pytest.raises(CrossingsError, match="the figures hold no stranded figure for 2023"):
        check_place_layers(doc, (PlaceFigureLayer("stranded", "2023"),))


def test_the_command_line_spelling_of_a_layer():
    assert parse_place_layer("assisted_returns@2024-01-01/2024-10-16#IOM") == PlaceFigureLayer(
        "assisted_returns", "2024-01-01/2024-10-16", "IOM")
    assert parse_place_layer("Migrants present") == PlaceFigureLayer("migrants_present")
    with pytest.raises(CrossingsError, match="@Q5"):
        parse_place_layer("stranded@Q5")


def test_a_label_east_of_its_circle_slides_up_past_a_figure_just_below():
    """The Atlantic's 46,524 stood just below the centred place east of the Canaries' dead and missing:
    the circle's figure went nowhere. It slides up, its side still facing the circle's middle."""
    import shapely

    from geo.labels import LabelRequest, place_labels
    from geo.place_figure_layout import circle_candidates

    mm = 6.0
    cx, cy, r = 500.0, 500.0, 40.0
    size = (200.0, 90.0)
    cands, anchors = circle_candidates(cx, cy, r, size, mm)
    below = shapely.box(540, 520, 800, 600)  # a band's figure just below the centred east place
    west = shapely.box(0, 0, 455, 1000)  # the sea west of it taken too
    placed, dropped = place_labels([LabelRequest("c", size, cands, anchors=anchors)], [], (0, 0, 1000, 1000),
                                   hard=[below, west])
    assert not dropped
    x0, y0, x1, y1 = placed[0].rect
    assert x0 == pytest.approx(cx + r + 0.6 * mm) and y0 < cy < y1  # beside, touching, level with its middle
    assert placed[0].leader is None and not shapely.box(x0, y0, x1, y1).intersects(below)


def test_a_number_finds_a_gap_between_the_label_s_eight_directions():
    """A numbered disc tries sixteen directions on rings 2.5 mm apart (disc_candidates): a gap south-west
    of the circle between two labels, which none of the label's eight directions and 5 mm rings reach,
    holds it, tied back to the circle's edge."""
    import math

    import shapely

    from geo.labels import LabelRequest, place_labels
    from geo.place_figure_layout import CIRCLE_LABEL_GAP_MM, DISC_DIRECTIONS, circle_candidates, disc_candidates

    mm = 6.0
    cx, cy, r = 500.0, 500.0, 30.0
    disc = (28.0, 28.0)
    cands, anchors = disc_candidates(cx, cy, r, disc, mm)
    assert len(cands) % DISC_DIRECTIONS == 0 and len(cands) // DISC_DIRECTIONS == 9  # touching, then 8 rings to 20 mm
    first = cands[:DISC_DIRECTIONS]
    assert all(a is None for a in anchors[:DISC_DIRECTIONS])  # the nearest ring touches the circle
    assert all(math.hypot(x - cx, y - cy) == pytest.approx(r + CIRCLE_LABEL_GAP_MM * mm + 14.0) for x, y, _ in first)
    assert all(math.hypot(ax - cx, ay - cy) == pytest.approx(r) for ax, ay in anchors[DISC_DIRECTIONS:])  # on its edge
    # everything taken but a narrow wedge south-west, 7.5 mm out (page y runs down)
    angle = math.radians(157.5)  # west-south-west, between the diagonal and west: no label direction
    gx, gy = cx + math.cos(angle) * (r + 0.6 * mm + 3 * 2.5 * mm + 14), cy + math.sin(angle) * (r + 0.6 * mm + 3 * 2.5 * mm + 14)
    free = shapely.Point(gx, gy).buffer(22).union(shapely.LineString([(cx, cy), (gx, gy)]).buffer(8))
    taken = [shapely.box(0, 0, 1000, 1000).difference(free).difference(shapely.Point(cx, cy).buffer(r))]
    placed, _ = place_labels([LabelRequest("n", disc, cands, anchors=anchors)], [], (0, 0, 1000, 1000), hard=taken)
    assert placed and placed[0].leader is not None
    label_cands, label_anchors = circle_candidates(cx, cy, r, disc, mm, inside=False)
    assert not place_labels([LabelRequest("l", disc, label_cands, anchors=label_anchors)], [], (0, 0, 1000, 1000),
                            hard=taken)[0]


def test_a_candidate_with_an_infinite_cost_is_ruled_out():
    """geo.labels: an infinite extra cost rules a candidate out; a request with none left is dropped."""
    import numpy as np

    from geo.labels import LabelRequest, place_labels

    cands = [(100.0, 100.0, 0.0), (300.0, 100.0, 1.0)]
    some = LabelRequest("a", (20.0, 10.0), cands, extra_cost=lambda idx: np.where(idx == 0, np.inf, 0.0))
    none = LabelRequest("b", (20.0, 10.0), cands, extra_cost=lambda idx: np.full(len(idx), np.inf))
    placed, dropped = place_labels([some, none], [], (0, 0, 400, 200))
    assert [p.key for p in placed] == ["a"] and placed[0].rect[0] == pytest.approx(290.0) and dropped == ["b"]
