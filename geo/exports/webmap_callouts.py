"""The map's callouts on the web map: each box where the PNG sets it (geo.placed_marks, kind
"callout"), a white box with a thin dark border, its leader and the dot at its anchor. A callout the page
had no clear place for is its letter in a box (kind "callout_key"), its text on hovering it and in the
footer, as the printed page's footer gives it.

Nothing is placed here. The text reaches the page as the GeoJSON property ``text`` and the page's
``crossings.markLabel`` sets it with ``textContent``, so a callout saying ``<script>`` shows those
letters; folium writes the GeoJSON with ``tojson``, so no text can end the script it is in.
"""

from __future__ import annotations

import html

from geo.callout_layout import ANCHOR_DOT_MM, BORDER_MM
from geo.callouts import CALLOUT_KEY, callout_index, keyed_item, keyed_note
from geo.document import MapDocument
from geo.exports.webmap_labels import mark_features
from geo.exports.webmap_layers import _leader_layer, _text_layer
from geo.map_language import map_language
from geo.placed_marks import PageMarks
from geo.projection import transformer
from geo.view import MapView

CALLOUT = "callout"
"""The kind of a callout's mark (gui/callout_painter.py)."""
CALLOUT_CSS = f"""<style>
.leaflet-tooltip.crossings-callout {{ pointer-events: auto; }}
.leaflet-tooltip.crossings-callout span {{ background: #ffffff; text-align: start; white-space: pre;
  box-shadow: inset 0 0 0 calc(var(--crossings-text-mm) * {BORDER_MM}) currentColor; }}
</style>"""
"""The box: white, its border inside it (the PNG's box is the box the layout kept clear), the text
aligned where its script starts a line (right for Arabic: the span is ``dir="auto"``)."""


def add_callouts(m, doc: MapDocument, view: MapView, marks: PageMarks) -> None:
    """One overlay with the callouts' leaders, anchor dots and boxes, above the flows and names."""
    import folium

    entries = dict(zip((m.key for m in marks.of_kind(CALLOUT_KEY)), _keyed_entries(doc, marks), strict=True))
    labels, leaders = mark_features(marks, (CALLOUT, CALLOUT_KEY), lambda mark: {
        "kind": mark.kind, "key": mark.key, "entry": entries.get(mark.key, "")})
    if not labels:
        return
    m.get_root().header.add_child(folium.Element(CALLOUT_CSS), name="crossings_callouts_style")
    layer = folium.FeatureGroup(name=html.escape(_title(doc)), overlay=True, control=True, show=True)
    if leaders:
        _leader_layer(leaders, "callout leaders", "crossings-places", doc.theme.text).add_to(layer)
    dots = _anchor_dots(marks, entries)
    if dots:
        folium.GeoJson({"type": "FeatureCollection", "features": dots}, name="callout anchors", control=False,
                       pane="crossings-places", on_each_feature=folium.JsCode("crossings.calloutAnchor"),
                       marker=folium.CircleMarker(radius=ANCHOR_DOT_MM * 96 / 25.4, stroke=True, weight=1,
                                                  color="#ffffff", fill=True, fill_color=doc.theme.text,
                                                  fill_opacity=1.0),
                       ).add_to(layer)
    _text_layer(labels, "callouts", "crossings-places", "crossings.markLabel").add_to(layer)
    layer.add_to(m)


def _anchor_dots(marks: PageMarks, entries: dict[str, str]) -> list[dict]:
    """A point at each callout's anchor (the leader's start), in lon/lat, with the callout's words (a
    lettered one's with its letter) to give on hovering it."""
    to_ll = transformer(marks.view.crs, "EPSG:4326")
    out = []
    for mark in (*marks.of_kind(CALLOUT), *marks.of_kind(CALLOUT_KEY)):
        if mark.leader is None:
            continue
        lon, lat = to_ll.transform(*marks.view.to_map(*mark.leader[0]))
        out.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                    "properties": {"kind": "callout_anchor", "key": mark.key,
                                   "text": entries.get(mark.key, mark.text)}})
    return out


def _title(doc: MapDocument) -> str:
    return map_language(doc)("web_callouts")


def _keyed(marks: PageMarks) -> list[tuple[str, int]]:
    """(letter, callout index) of each callout the page keyed, in the page's order."""
    return [(m.text, callout_index(m.key)) for m in marks.of_kind(CALLOUT_KEY)]


def _keyed_entries(doc: MapDocument, marks: PageMarks) -> list[str]:
    """Each keyed callout's words as its box's title on hovering: '[A] Algeria: …'."""
    return [keyed_item(doc, letter, i) for letter, i in _keyed(marks)]


def callout_key_note(doc: MapDocument, marks: PageMarks) -> str:
    """The footer's sentence giving each keyed callout's text by its letter, as the PNG's footer says it."""
    return keyed_note(doc, _keyed(marks))
