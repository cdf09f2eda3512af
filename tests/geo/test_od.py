"""Origin–destination figures: reading, node resolution, net flows, and laid-out curves."""

import numpy as np
import pytest
import shapely

from geo import paths
from geo.document import MapDocument
from geo.errors import DataError
from geo.flow_table import read_flow_table
from geo.od import node_index, od_join
from geo.page import Page
from geo.vector_io import read_vector
from geo.view import MapView

OD = paths.data_path("flows", "od_2024.csv")


@pytest.fixture(scope="module")
def nodes():
    return node_index(read_vector(paths.default_countries()), read_vector(paths.default_places()))


def test_od_file_reads_with_synthesised_route_ids():
    table = read_flow_table(OD)
    assert {"origin", "destination"} <= set(table.frame.columns)
    assert "Libya→Italy" in set(table.frame["route_id"])
    assert table.metrics() == ["departures", "arrivals_by_nationality"]


def test_the_wmr_nationalities_arrive_in_spain_wmr_not_all_of_spain():
    """The update's Algerians (7,992) and Moroccans (4,212) are the Western Mediterranean's: beside the
    Canary Islands' node, a node named 'Spain' read as all of Spain, the Canaries with it."""
    frame = read_flow_table(OD).frame
    by_nationality = frame[frame["metric"] == "arrivals_by_nationality"]
    assert set(by_nationality["destination"]) == {"Canary Islands", "Spain (WMR)"}
    assert set(by_nationality.loc[by_nationality["destination"] == "Spain (WMR)", "value"]) == {7992, 4212}


def test_cmr_departures_by_country(nodes):
    result = od_join(read_flow_table(OD), nodes, "2024", "departures")
    got = dict(zip(result.flows["route_id"], result.flows["value"], strict=True))
    assert got == {"LBY→ITA": 41484, "TUN→ITA": 19238, "DZA→ITA": 1257}
    line = result.flows.set_index("route_id").loc["LBY→ITA", "geometry"]
    lon, lat = line.coords[0]
    assert 10 < lon < 25 and 20 < lat < 33  # inside Libya
    assert result.flows.crs.to_epsg() == 4326


def test_nodes_resolve_iso_codes_english_and_french_names_and_places(nodes):
    assert nodes["libye"].key == nodes["lby"].key == nodes["libya"].key == "LBY"
    assert nodes["canary islands"].key == "canary_islands"
    assert nodes["algerie"].key == "DZA"


def test_unknown_node_names_the_row(tmp_path, nodes):
    f = tmp_path / "od.csv"
    f.write_text("origin,destination,period,metric,value\nLibya,Italy,2024,departures,5\nAtlantis,Italy,2024,departures,3\n")
    with pytest.raises(DataError, match=r"od.csv, row 3: origin 'Atlantis' is not a country \(ISO code or name\) "
                                        r"or a place of the places layer"):
        od_join(read_flow_table(f), nodes, "2024", "departures")


def test_empty_origin_is_rejected_by_the_reader(tmp_path):
    f = tmp_path / "od.csv"
    f.write_text("origin,destination,period,metric,value\n,Italy,2024,departures,5\n")
    with pytest.raises(DataError, match=r"od\.csv, row 2: origin is empty"):
        read_flow_table(f)


def test_net_flows(tmp_path, nodes):
    f = tmp_path / "two_way.csv"
    f.write_text("origin,destination,period,metric,value\nMorocco,Spain,2024,m,100\nSpain,Morocco,2024,m,30\n"
                 "Libya,Italy,2024,m,10\n")
    table = read_flow_table(f)
    both = od_join(table, nodes, "2024", "m")
    assert sorted(both.flows["value"]) == [10, 30, 100]
    net = od_join(table, nodes, "2024", "m", net=True)
    got = dict(zip(net.flows["route_id"], net.flows["value"], strict=True))
    assert got == {"MAR→ESP": 70, "LBY→ITA": 10}


def test_document_lays_out_curves_that_leave_nodes_clear():
    doc = MapDocument.from_files(flows=OD)
    assert doc.is_od
    doc.select("2024", "arrivals_by_nationality")
    w, h = Page("A4", "landscape", 150).size_px
    view = MapView(doc.crs, doc.default_extent(), (0, 0, w, h), 150)
    curves, radii, totals = doc.od_curves(view)
    assert totals["Canary Islands"] == 13530 + 9554 + 3892 + 2953 + 2608
    assert radii["Canary Islands"] == pytest.approx(doc.node_max_radius_mm)
    assert radii["Guinea"] < radii["Mali"] < radii["Canary Islands"]
    for row in curves.itertuples():
        line = row.geometry
        assert line.length > shapely.distance(shapely.Point(line.coords[0]), shapely.Point(line.coords[-1]))  # curved
    # the five flows into the Canary Islands arrive at distinct angles
    into = curves[curves["dest"] == "Canary Islands"]
    angles = [np.degrees(np.arctan2(*(np.subtract(ln.coords[-1], ln.coords[-3]))[::-1])) for ln in into.geometry]
    assert min(abs(a - b) for i, a in enumerate(angles) for b in angles[i + 1:]) > 3


def test_od_figures_keep_their_qualifiers_through_sums_and_net_flows(nodes, tmp_path):
    p = tmp_path / "od.csv"
    p.write_text("origin,destination,period,metric,value,qualifier,source\n"
                 "Libya,Italy,2024,departures,1000,at least,A\n"
                 "Tunisia,Italy,2024,departures,500,,A\nTunisia,Italy,2024,departures,200,about,B\n"
                 "Italy,Libya,2024,departures,300,,A\n", encoding="utf-8")
    table = read_flow_table(p)
    labels = dict(zip(*(lambda f: (f["route_id"], f["label"]))(od_join(table, nodes, "2024", "departures").flows),
                      strict=True))
    assert labels["LBY→ITA"] == "≥ 1,000"
    assert labels["TUN→ITA"] == "~700"  # 500 + about 200 is about 700
    net = od_join(table, nodes, "2024", "departures", net=True).flows.set_index("route_id")
    assert net.loc["LBY→ITA", "label"] == "700 (derived)"  # 1,000 − 300


@pytest.mark.parametrize("language, metric, said", [
    ("en", "departures", "Circles drawn at Tripoli (Libya), Sfax (Tunisia), Annaba (Algeria), Lampedusa (Italy)."),
    ("fr", "departures", "Cercles placés à Tripoli (Libye), Sfax (Tunisie), Annaba (Algérie), Lampedusa (Italie)."),
    ("en", "arrivals_by_nationality", "Bamako (Mali), Dakar (Senegal)")])
def test_the_footer_says_where_each_node_circle_stands(language, metric, said):
    """Italy's circle stands at Lampedusa and Mali's at Bamako (the node table's points): read as Italy's
    mainland and as a route across the Sahara, with nothing on the map to say where they stand."""
    from geo.document import MapDocument
    from geo.map_texts import sources_text

    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select("2024", metric)
    doc.label_language = language
    assert said in sources_text(doc).replace("\u00a0", " ")


def test_a_flow_without_its_reverse_bends_to_the_side_over_less_land():
    """Annaba's departures for Lampedusa crossed northern Tunisia, 55 % of the curve over land (every
    flow bends the same way, so two-way pairs separate); bent further north, they cross the sea, but
    for the coasts at their ends and Cap Bon's tip. A pair keeps bending apart."""
    from geo.flow_layout import drier_sides

    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select("2024", "departures")
    view = MapView(doc.crs, doc.default_extent(), (0, 0, 3000, 2000), 300)
    land = doc.land(view.units_per_px).geometry
    curves = doc.od_curves(view)[0].set_index("origin")
    line = curves.geometry["Algeria"]
    pts = shapely.get_coordinates(shapely.line_interpolate_point(line, np.linspace(0, 1, 100), normalized=True))
    assert shapely.contains_xy(land, pts[:, 0], pts[:, 1]).mean() < 0.35
    square = shapely.box(-1, -10, 1, 10)  # land south of a west-to-east chord along y = 0 ... and north of it
    starts, ends = np.array([[-5.0, 0.5], [5.0, 0.5]]), np.array([[5.0, 0.5], [-5.0, 0.5]])
    assert list(drier_sides(starts, ends, square)) == [1.0, 1.0]  # a two-way pair: both bend left, apart
    assert list(drier_sides(starts[:1], ends[:1], shapely.box(-1, 0.6, 1, 10))) == [-1.0]  # land on the left
