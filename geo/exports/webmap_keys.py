"""The figures the PNG numbers for want of room, on the web map: each number in its white disc where
the PNG sets it (geo.placed_marks, kind FIGURE_KEY), its leader, and its key: the figure's words on
hovering the disc, and the footer's sentence keying every number, as the printed page's footer does.

Nothing is placed here; the disc's look (a white disc outlined in its figure's colour, the number bold
in that colour) is geo.figure_keys', as the painter draws it.
"""

from __future__ import annotations

import html

from geo.document import MapDocument
from geo.exports.webmap_labels import mark_features
from geo.exports.webmap_layers import _leader_layer, _text_layer
from geo.figure_keys import KEY_OUTLINE_MM, KEY_PAD_MM, keyed_from_marks
from geo.map_language import map_language
from geo.map_marks import numbered_entries, unplaced_note
from geo.placed_marks import FIGURE_KEY, KEYS_SEP, PageMarks

KEY_CSS = f"""<style>
.leaflet-tooltip.crossings-key {{ pointer-events: auto; }}
.leaflet-tooltip.crossings-key span {{ background: #ffffff; font-weight: 700; text-align: center;
  min-width: calc(var(--crossings-text-mm) * {2 * KEY_PAD_MM}); border-radius: 999px; box-sizing: content-box;
  box-shadow: inset 0 0 0 calc(var(--crossings-text-mm) * {KEY_OUTLINE_MM}) currentColor; }}
</style>"""
"""The disc: white, outlined inside in the number's colour, round (a pill past two digits)."""


def add_figure_keys(m, doc: MapDocument, marks: PageMarks) -> None:
    """One overlay with the numbers' discs and leaders, above the flows, each disc titled with its key."""
    import folium

    keyed = sorted(keyed_from_marks(marks.marks), key=lambda k: k.number)
    entries = dict(zip((k.number for k in keyed), numbered_entries(doc, keyed), strict=True))
    labels, leaders = mark_features(marks, (FIGURE_KEY,), lambda mark: {
        "kind": FIGURE_KEY, "keys": mark.key.split(KEYS_SEP), "entry": entries.get(int(mark.text), "")})
    if not labels:
        return
    m.get_root().header.add_child(folium.Element(KEY_CSS), name="crossings_keys_style")
    layer = folium.FeatureGroup(name=html.escape(map_language(doc)("numbered_heading")), overlay=True, control=True,
                                show=True)
    if leaders:
        _leader_layer(leaders, "number leaders", "crossings-places", doc.theme.muted_text).add_to(layer)
    _text_layer(labels, "numbers", "crossings-places", "crossings.markLabel").add_to(layer)
    layer.add_to(m)


def figure_key_note(doc: MapDocument, marks: PageMarks) -> str:
    """The footer's sentence keying each number to its figures, as the PNG's footer says it."""
    keyed = keyed_from_marks(marks.marks)
    return unplaced_note(doc, [], keyed) if keyed else ""

