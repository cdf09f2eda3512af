"""The web map as a string: self-contained, small, escaped, and showing the figures of the CSV.

What a browser does with the file is proven in ``tests/browser/test_webmap_chromium.py``.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import folium
import pandas as pd
import pytest
import shapely
from hostile_data import PAYLOAD, malicious_document
from shapely.geometry import shape

from geo import paths
from geo.errors import ExportError
from geo.exports.layers import export_layers
from geo.exports.webmap import LEAFLET_CSS, LEAFLET_JS, MAX_DEFAULT_BYTES, WebMapSettings
from gui.layout import PageLayout
from gui.web_export import export_webmap, webmap_html  # the exporter with the PNG's labels (gui lays them out)

Q4_ARRIVALS = ("ATL", "CMR-LY", "WMR", "CMR-TN", "CMR-DZ")


def page_view(doc):
    """The view the PNG is drawn through (and so the flow widths of the web map)."""
    return PageLayout().view(doc.page, doc.crs, doc.default_extent())


@pytest.fixture(scope="module")
def default_doc(qapp, bundled_doc_factory):
    return bundled_doc_factory()


@pytest.fixture(scope="module")
def default_html(default_doc):
    return webmap_html(default_doc, page_view(default_doc))


def geojson_blocks(text: str) -> list[dict]:
    """The GeoJSON objects folium embeds (``<layer>_add({...});``)."""
    return [json.loads(m) for m in re.findall(r"_add\((\{.*?\})\);\n", text)]


def features(text: str, kind: str) -> list[dict]:
    return [f for block in geojson_blocks(text) for f in block["features"] if f["properties"].get("kind") == kind]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(text: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


# -- offline --------------------------------------------------------------------------------------
def test_no_script_or_stylesheet_is_loaded_from_anywhere(default_html):
    found = tags(default_html)
    scripts = [a for t, a in found if t == "script"]
    assert len(scripts) >= 3
    assert all("src" not in a for a in scripts), "every script is inline"
    assert not [a for t, a in found if t == "link"], "every stylesheet is inline"
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    for tag, attrs in found:
        for name in ("src", "href", "data", "poster", "srcset"):
            assert not remote.match(attrs.get(name) or ""), (tag, attrs)
    # No src= to anything remote anywhere in the text, and no remote url() or @import in the CSS.
    assert not re.search(r"""src\s*=\s*["']?\s*(https?:)?//""", default_html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", default_html, re.I)
    assert "@import" not in default_html
    # The only http(s) strings left are inside Leaflet's own code (its home page, the SVG namespace).
    left = set(re.findall(r"https?://[^\s\"')]+", default_html))
    assert left <= {"https://leafletjs.com", "http://www.w3.org/2000/svg",
                    "https://bugzilla.mozilla.org/show_bug.cgi?id=888319"}, left


def test_leaflet_comes_inlined_from_the_vendored_copy_and_nothing_else_is_needed(default_html):
    js = paths.resource_path("web", LEAFLET_JS).read_text(encoding="utf-8")
    body = js.split("//# sourceMappingURL")[0]
    assert body.strip() in default_html
    assert "sourceMappingURL" not in default_html
    css = paths.resource_path("web", LEAFLET_CSS).read_text(encoding="utf-8")
    assert ".leaflet-control-layers-toggle" in css and "url(images/layers.png)" in css
    assert "url(images/" not in default_html  # the images became data: URIs
    assert "url(data:image/png;base64," in default_html
    for lib in ("jquery", "bootstrap", "awesome", "fontawesome", "glyphicons", "cdn.", "openstreetmap"):
        assert lib not in default_html.lower(), lib
    assert paths.resource_path("web", "leaflet", "LICENSE").exists()
    assert "leaflet@1.9.3" in paths.resource_path("web", "README.md").read_text(encoding="utf-8")


def test_building_a_web_map_leaves_folium_class_lists_alone(default_doc):
    before_js, before_css = list(folium.Map.default_js), list(folium.Map.default_css)
    webmap_html(default_doc, page_view(default_doc))
    assert folium.Map.default_js == before_js and folium.Map.default_css == before_css
    assert len(folium.Map().default_js) == len(before_js)


def test_default_map_is_under_three_megabytes(default_html):
    assert len(default_html.encode("utf-8")) < MAX_DEFAULT_BYTES


def test_output_is_reproducible(default_doc, default_html):
    assert webmap_html(default_doc, page_view(default_doc)) == default_html
    assert not re.search(r"_[0-9a-f]{32}(?![0-9a-f])", default_html)


# -- content --------------------------------------------------------------------------------------
def test_figures_in_the_html_equal_the_csv(default_html):
    csv = pd.read_csv(paths.default_flows())
    q4 = csv[(csv.period == "2024Q4") & (csv.metric == "arrivals")].set_index("route_id")
    flows = features(default_html, "flow")
    assert {f["properties"]["route_id"]: f["properties"]["value"] for f in flows} == \
        {rid: float(q4.loc[rid, "value"]) for rid in Q4_ARRIVALS}
    marked = {"ATL": " (a)"}  # UNHCR, not the map's main source: the footer resolves the letter
    for f in flows:
        p = f["properties"]
        assert p["value_label"] == f"{q4.loc[p['route_id'], 'value']:,.0f}" + marked.get(p["route_id"], "")
        assert p["source"] == q4.loc[p["route_id"], "source"]
        assert p["period"] == "2024Q4" and p["period_label"] == "Q4 2024"
    labels = features(default_html, "flow_label")
    assert sorted(p["properties"]["value_label"] for p in labels) == \
        sorted(f"{q4.loc[r, 'value']:,.0f}" + marked.get(r, "") for r in Q4_ARRIVALS)
    # arrivals cannot exist on the expulsion corridors: not drawn, not "no figure"; the Balearic
    # arrivals are part of the WMR's 5,128 (Spain less the Canaries): not "no figure" either
    assert {f["properties"]["route_id"] for f in features(default_html, "no_data")} == set()
    # Italy's total is on the map, with what its branches do not cover (16,166 - 15,334 = 832)
    spain, total = features(default_html, "total_label")  # Spain's over its routes, then Italy's
    assert spain["properties"]["route_id"] == "ESP" and spain["properties"]["value"] == 21237
    assert total["properties"]["route_id"] == "CMR" and total["properties"]["value"] == 16166
    assert total["properties"]["value_label"].startswith("Italy 16,166\nincl. 832 (derived) via other")


def test_flows_are_the_polygons_of_the_png_not_a_second_approximation(default_doc, default_html):
    symbols = export_layers(default_doc, page_view(default_doc))["flow_symbols"].set_index("route_id")
    for f in features(default_html, "flow"):
        drawn = shape(f["geometry"])
        expected = symbols.loc[f["properties"]["route_id"], "geometry"]
        assert shapely.hausdorff_distance(drawn, expected) < 1e-4  # only rounded to 5 decimals (~1 m)
        assert f["properties"]["colour"] == default_doc.flow_style.colour_for(f["properties"]["group"])


def test_legend_title_sources_and_disclaimer_are_on_the_page(default_doc, default_html):
    scale = default_doc.width_scale()
    values = scale.legend_values(16109.0)
    assert values == [10000.0, 5000.0, 2000.0]
    for v in values:
        assert f'<span class="crossings-legend-value">{v:,.0f}</span>' in default_html
    for label in ("Atlantic route", "Central Mediterranean route", "Western Mediterranean route",
                  ):
        assert f"<span>{label}</span>" in default_html
    assert '<div class="crossings-legend-explain">People arriving, arrow at the destination</div>' in default_html
    assert "Arrivals, Q4 2024 (29\u00a0Sep\u00a02024 – 29\u00a0Dec\u00a02024)" in default_html
    assert "Figures: MMC Quarterly Mixed Migration Update: North Africa, Q4 2024." in default_html
    assert "Unmarked figures: sources the update links without naming; (a) UNHCR" in default_html
    assert "Basemap: Natural Earth (public domain)" in default_html
    assert "Expulsions (land)" not in default_html  # not on an arrivals map
    assert "(a) UNHCR" in default_html
    assert default_doc.disclaimer in default_html
    assert "L.control.layers(" in default_html and '"Flows: arrivals, Q4 2024"' in default_html


def test_boundaries_are_simplified_for_the_web(default_doc, default_html):
    countries = [f for b in geojson_blocks(default_html) for f in b["features"] if f["id"].startswith("c")
                 and f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
    shipped = int(shapely.get_num_coordinates(default_doc.layer("boundaries").data.geometry.to_numpy()).sum())
    drawn = sum(int(shapely.get_num_coordinates(shape(f["geometry"]))) for f in countries)
    assert len(countries) > 40
    assert drawn < shipped / 3


def test_no_tile_layer_unless_asked_and_then_marked_as_online(default_doc, default_html):
    folium_script = default_html.split("</body>")[-1]  # folium's own script, after the inlined Leaflet
    assert "{z}" not in default_html and "tileLayer(" not in folium_script and "L.map(" in folium_script
    url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    text = webmap_html(default_doc, page_view(default_doc),
                       WebMapSettings(tiles=url, tiles_name="OpenStreetMap", tiles_attribution="© OpenStreetMap contributors"))
    assert url in text
    assert '"OpenStreetMap (needs an internet connection)"' in text
    assert "needs an internet" in text.split('id="crossings-footer"')[1]
    assert not [a for t, a in tags(text) if t in ("script", "link") and ("src" in a or "href" in a)]


# -- escaping -------------------------------------------------------------------------------------
def test_texts_from_data_are_escaped(qapp, tmp_path):
    doc = malicious_document(tmp_path)
    text = webmap_html(doc, page_view(doc))
    assert "<img" not in text.lower()
    assert "<script>alert(3)" not in text
    assert text.count("</script>") == len([t for t, _ in tags(text) if t == "script"])
    assert f'<div class="crossings-title-text">{"&lt;img src=x onerror=alert(1)&gt;"}</div>' in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text.split('id="crossings-footer"')[1]  # the source, escaped
    flow = next(f for f in features(text, "flow") if f["properties"]["route_id"] == "ATL")
    # Inside the embedded GeoJSON the texts are data, kept exactly (the page shows them via textContent).
    assert flow["properties"]["name"] == PAYLOAD and flow["properties"]["source"] == PAYLOAD
    assert "</script><script>alert(3)</script>" in flow["properties"]["note"]


# -- writing --------------------------------------------------------------------------------------
def test_export_writes_atomically(default_doc, tmp_path):
    target = tmp_path / "map.html"
    assert export_webmap(default_doc, page_view(default_doc), target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    with pytest.raises(ExportError, match="does not exist"):
        export_webmap(default_doc, page_view(default_doc), tmp_path / "missing" / "map.html")


def test_cli_writes_the_web_map(tmp_path, monkeypatch):
    from gui.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["render", "-q", "--no-png", "--no-geojson", "--html", "map.html"]) == 0
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert {f["properties"]["route_id"] for f in features(text, "flow")} == set(Q4_ARRIVALS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]



def test_figures_are_printed_in_the_pngs_colours_and_read_at_4_5_to_1(default_doc, default_html):
    """A figure's colour on the web map is the PNG's (its flow's colour darkened as the painter does,
    geo.colours.value_label_colour) and reaches 4.5:1 on the darkest ground its halo can stand on; the
    web map used its own rule (the WMR's #aa7600 reached 3.96:1)."""
    from geo.colours import contrast_ratio, darker
    from geo.map_marks import value_label_ground

    ground = value_label_ground(default_doc)
    labels = features(default_html, "flow_label")
    assert len(labels) >= 5
    for f in labels:
        p = f["properties"]
        flow = next(g["properties"]["colour"] for g in features(default_html, "flow")
                    if g["properties"]["route_id"] == p["route_id"])
        assert contrast_ratio(p["colour"], ground) >= 4.5, p
        # no lighter than the painter's darkening, and darkened further only as far as needed
        assert contrast_ratio(p["colour"], "#ffffff") >= contrast_ratio(darker(flow, 125), "#ffffff") - 1e-9, p
