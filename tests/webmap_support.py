"""Reading a web map's page back: the GeoJSON folium embeds and the legend's rows, for the tests that
hold the web map to the PNG (tests/gui/test_webmap_matches_png.py, tests/browser)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from geo.legend import COLOUR, EXPLAIN, NO_DATA, NODE, OUTLINE, RING, SIZE, TOTAL


def geojson_blocks(text: str) -> list[dict]:
    """The GeoJSON objects folium embeds (``<layer>_add({...});``)."""
    return [json.loads(m) for m in re.findall(r"_add\((\{.*?\})\);\n", text)]


def features(text: str, kind: str) -> list[dict]:
    """The embedded features whose ``kind`` property is ``kind``."""
    return [f for block in geojson_blocks(text) for f in block["features"] if f["properties"].get("kind") == kind]


# the legend's sample classes, most specific first, and the geo.legend kind each stands for
_MARKS = (({"crossings-ring", "crossings-node"}, NODE), ({"crossings-swatch", "crossings-outline"}, OUTLINE),
          ({"crossings-swatch"}, COLOUR), ({"crossings-ring"}, RING), ({"crossings-dash"}, NO_DATA),
          ({"crossings-bar"}, SIZE), ({"crossings-circle"}, SIZE))


class _Legend(HTMLParser):
    """Rows of ``#crossings-legend``: (kind, text, colour or '', size in mm or None)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list] = []
        self.depth = 0  # <div> depth inside the legend (0: outside)
        self.row_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "div" and a.get("id") == "crossings-legend":
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "div":
            self.depth += 1
            if cls.startswith("crossings-legend-row") or cls == "crossings-legend-explain":
                kind = TOTAL if "crossings-legend-total" in cls else (EXPLAIN if "explain" in cls else None)
                self.rows.append([kind, "", "", None])
                self.row_depth = self.depth
        elif tag == "span" and self.row_depth:
            row = self.rows[-1]
            for mark, kind in _MARKS:
                if mark <= set(cls.split()) and row[0] is None:
                    row[0] = kind
                    colour = re.search(r"(?:background|border-color):\s*(#[0-9a-fA-F]{6})", a.get("style") or "")
                    row[2] = colour.group(1) if colour else ""
                    row[3] = float(a["data-mm"]) if "data-mm" in a else None
                    break

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            if self.depth == self.row_depth:
                self.row_depth = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.row_depth:
            self.rows[-1][1] += data


def legend_rows(text: str) -> list[tuple[str, str, str, float | None]]:
    """The web legend's rows in order (not its heading and note): kind (geo.legend's), text, the
    sample's colour and a size sample's millimetres on paper."""
    parser = _Legend()
    parser.feed(text)
    return [(k, t.strip(), c, s) for k, t, c, s in parser.rows]
