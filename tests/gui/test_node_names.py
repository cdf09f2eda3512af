"""An OD map names its nodes (gui.node_names): checked on the page's pixels and shapes, in three
languages, and on the web map's marks."""

import numpy as np
import pytest
import shapely
from painted import paint, pixels

from geo import paths
from geo.document import MapDocument
from geo.map_marks import node_marks
from geo.page import Page

PAGE = Page(dpi=150)
NAMES = {"en": {"Libya", "Tunisia", "Algeria", "Italy"}, "fr": {"Libye", "Tunisie", "Algérie", "Italie"},
         "ar": {"ليبيا", "تونس", "الجزائر", "إيطاليا"}}


def od_page(language: str = "en", period: str = "2024Q4"):
    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select(period, "departures")
    doc.label_language = language
    image, view, report = paint(doc, PAGE)
    return doc, pixels(image), view, report


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_every_node_is_named_once_in_the_maps_language(qapp, language):
    doc, _, view, report = od_page(language)
    nodes = node_marks(doc, view)
    named = [(key, text) for key, text, _ in report.node_names]
    assert sorted(key for key, _ in named) == sorted(f"node:{n}" for n in nodes["name"])
    assert {text for _, text in named} == NAMES[language]


def test_a_node_name_is_drawn_beside_its_circle_clear_of_every_flow_and_node(qapp):
    doc, px, view, report = od_page()
    mm = view.px_per_mm
    nodes = node_marks(doc, view)
    xy = view.to_px(np.column_stack([nodes.geometry.x, nodes.geometry.y]))
    circles = [shapely.Point(x, y).buffer(r * mm) for (x, y), r in zip(xy, nodes["radius_mm"], strict=True)]
    flows = shapely.transform(report.symbols.geometry.to_numpy(), view.to_px)
    text = np.array([int(doc.theme.text[i:i + 2], 16) for i in (1, 3, 5)])
    for key, _, rect in report.node_names:
        box = shapely.box(*rect)
        assert not shapely.intersects(flows, box).any(), key
        assert not any(c.intersects(box) for c in circles), key
        i = list(nodes["name"]).index(key.removeprefix("node:"))
        # beside its own circle: nearer it than any other node, within a few millimetres of its edge
        gaps = [c.distance(box) for c in circles]
        assert int(np.argmin(gaps)) == i and gaps[i] < 4 * mm, (key, gaps)
        # and drawn: the text's dark colour is in its box
        x0, y0, x1, y1 = (round(v) for v in rect)
        inside = px[y0:y1, x0:x1].astype(int)
        assert (np.abs(inside - text).max(axis=2) < 60).sum() > 20, key


def test_the_web_map_sets_the_node_names_where_the_png_does(qapp):
    from gui.web_export import page_marks

    doc, _, view, report = od_page()
    web = {(m.key, m.text, m.rect) for m in page_marks(doc, view).marks if m.key.startswith("node:")}
    assert web == set(report.node_names)
    assert len(web) == 4


@pytest.mark.parametrize("language, period, metric", [("en", "2024Q4", "departures"), ("fr", "2024", "departures"),
                                                      ("en", "2024", "arrivals_by_nationality")])
def test_a_place_or_country_a_node_names_is_not_named_again(qapp, language, period, metric):
    """'Canary Islands' stood over the archipelago and beside its circle, 'SPAIN' over Spain beside the
    node 'Spain', 'TUNISIA' beside 'Tunisia': every name the page writes (place, country, node) once."""
    doc = MapDocument.from_files(flows=paths.data_path("flows", "od_2024.csv"))
    doc.select(period, metric)
    doc.label_language = language
    _, _, report = paint(doc, PAGE)
    nodes = {text.casefold() for _, text, _ in report.node_names}
    written = [text.replace("\n", " ").rstrip("*").casefold() for kind, text, *_ in report.texts
               if kind in ("place", "country")]  # the node names among them
    assert nodes and len(written) > len(nodes)
    assert {n: written.count(n) for n in nodes} == dict.fromkeys(nodes, 1)
