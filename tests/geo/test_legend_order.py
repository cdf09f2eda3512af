"""The route colours keep one order in every legend: a legend that reorders itself with the figures
(the largest route first) reads as a ranking, and two maps of a series no longer line up."""

import pytest

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.legend import COLOUR, legend_entries


@pytest.fixture(scope="module")
def doc():
    return MapDocument.from_files()


def _colours(doc, period, metric):
    doc.select(period, metric, None)
    return [e.text for e in legend_entries(doc) if e.kind == COLOUR]


def test_route_groups_are_listed_west_to_east_then_overland_on_every_map(doc):
    canonical = ["Atlantic route", "Western Mediterranean route", "Algeria–Balearic route",
                 "Central Mediterranean route", "Expulsions (land)"]
    seen = 0
    for period in ("2024Q4", "2024", "2023"):
        for metric in ("arrivals", "interceptions", "dead_missing", "expulsions"):
            try:
                texts = _colours(doc, period, metric)
            except CrossingsError:  # a metric the period has no figures for (dead and missing in 2023)
                continue
            listed = [t for t in canonical if t in texts]
            assert texts[:len(listed)] == listed, (period, metric, texts)
            seen += len(texts) > 1
    # on these figures the largest route differs between maps (the CMR in 2023, the Atlantic in 2024)
    assert seen >= 5


def test_the_no_figure_entry_is_dashed_in_the_colour_the_routes_are(doc):
    """The 2023 Atlantic routes without a figure were dashed blue on the map, grey in the legend (the
    painter's, the web map's): the legend showed a mark the map does not draw."""
    from geo.exports.webmap import WebMapSettings
    from geo.exports.webmap_page import _furniture_html
    from geo.legend import NO_DATA, NO_DATA_GREY

    doc.select("2023", "arrivals", None)
    routes = doc.layer("routes").data
    drawn = {doc.group_colour(g) for g in routes.loc[routes["route_id"].isin(doc.join().no_data), "group"]}
    assert len(drawn) == 1
    entry = next(e for e in legend_entries(doc) if e.kind == NO_DATA)
    assert entry.colour == next(iter(drawn))
    assert f'crossings-dash" style="border-top-color:{entry.colour}"' in _furniture_html(doc, WebMapSettings())
    doc.select("2024-11", "rescues", None)  # routes of several groups without a figure: the neutral grey
    assert next(e for e in legend_entries(doc) if e.kind == NO_DATA).colour == NO_DATA_GREY
