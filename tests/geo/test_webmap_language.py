"""The web map and the exported layers speak the map's language too: the same words as the PNG, from
the same table (geo.map_language), with Arabic right to left and upright."""

from __future__ import annotations

import json
import re

import folium  # noqa: F401  (imported here, as test_webmap does: urllib3 probes IPv6 on import, outside any test)
import pytest

from geo.exports.layers import export_layers
from geo.map_words import WORDS
from gui.layout import PageLayout
from gui.web_export import webmap_html  # the exporter with the PNG's labels (gui lays them out)


def _view(doc):
    return PageLayout().view(doc.page, doc.crs, doc.default_extent())


@pytest.fixture(scope="module")
def french(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.label_language = "fr"
    return doc


def _furniture(text: str) -> str:
    """The title, legend and footer boxes of the page, as text."""
    start = text.index('<div id="crossings-title"')
    end = text.index("</div>", text.index('<div class="crossings-disclaimer">'))
    return re.sub(r"<[^>]+>", " ", text[start:end])


def _features(text: str, kind: str) -> list[dict]:
    blocks = [json.loads(m) for m in re.findall(r"_add\((\{.*?\})\);\n", text)]
    return [f["properties"] for b in blocks for f in b["features"] if f["properties"].get("kind") == kind]


def test_the_french_web_map_is_french(french):
    text = webmap_html(french, _view(french))
    words = _furniture(text)
    for english in ("Arrivals", "width to scale", "Atlantic route", "Widths to scale", "Figures:", "Basemap",
                    "Routes are schematic", "Non-Self-Governing", "16,109"):
        assert english not in words, english
    assert "Arrivées (largeur proportionnelle)" in words and "Largeurs à l’échelle au centre de la carte." in words
    assert "Arrivées, T4 2024 (29\u00a0sept.\u00a02024 – 29\u00a0déc.\u00a02024)" in words
    assert "Les frontières et les noms indiqués" in words and "* Territoire non autonome" in words
    assert 'lang="fr" dir="ltr"' in text
    flow = next(p for p in _features(text, "flow") if p["route_id"] == "ATL")
    assert flow["value_label"] == "16\u202f109 (a)" and flow["period_label"] == "T4 2024"
    assert flow["metric_label"] == "Arrivées" and flow["group_label"] == "Route atlantique" and flow["source"] == "HCR"
    assert "SAHARA OCCIDENTAL*" in {p["text"].replace("\n", " ") for p in _features(text, "country_label")}
    assert '"web_period": "P\\u00e9riode"' in text  # the tooltips' words, for the page's script
    assert "crossings-undetermined" in text and '"dashArray": "6 4"' in text  # Western Sahara's boundary


def test_the_arabic_web_map_reads_right_to_left_without_italics(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.label_language = "ar"
    text = webmap_html(doc, _view(doc))
    assert 'lang="ar" dir="rtl"' in text
    assert "font-style: italic" not in text
    assert WORDS["ar"]["title_short"] in text and "إن الحدود والأسماء الواردة" in text


def test_the_exported_layers_carry_the_maps_words(french):
    layers = export_layers(french, _view(french))
    flows = layers["flows"].set_index("route_id")
    assert flows.at["ATL", "label"] == "16\u202f109 (a)" and flows.at["ATL", "period_label"] == "T4 2024"
    figures = layers["figures"]
    assert set(figures["period_label"]) == {"T4 2024"} and set(figures["metric_label"]) == {"Arrivées"}
    symbols = layers["flow_symbols"].set_index("route_id")
    assert symbols.at["ATL", "label"] == "16\u202f109 (a)"
