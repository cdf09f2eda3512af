"""The maps the label-geography tests draw at 300 dpi, with the geography of each page worked out from
the bundled data and the view (not from the layout code): islands, places, countries and symbols in page
pixels. The ``drawn`` fixture (tests/gui/conftest.py) is module-scoped: each test module draws the maps it
asks for once, and lets them go (a page is 200 MB of pixels)."""

from __future__ import annotations

import dataclasses

import numpy as np
import shapely
from page_geography import lonlat_to_px
from painted import paint, pixels

from geo.map_words import WORDS
from geo.page import Page

DPI = 300
MM = DPI / 25.4
SMALL_ISLAND_PX = 12 * MM  # wider or taller is land like a coast (Sicily on the regional map)
VISIBLE_ISLAND_PX = 0.35 * MM  # smaller is a speck no name can be taken for
LEADER_REACH_PX = 0.5 * MM  # a leader ends this close to what it labels

MAPS = {
    "default": dict(period="2024Q4", metric="arrivals"),
    "laea-europe": dict(period="2024Q4", metric="arrivals", crs="EPSG:3035"),
    "web-mercator": dict(period="2024Q4", metric="arrivals", crs="EPSG:3857"),
    "arabic": dict(period="2024Q4", metric="arrivals", language="ar"),
    "a3-portrait": dict(period="2024Q4", metric="arrivals", page=("A3", "portrait")),
    "2024-arrivals": dict(period="2024", metric="arrivals"),
    "2024-as-the-cli": dict(period="2024", metric="arrivals", title=WORDS["en"]["title"]),
    "2023-arrivals": dict(period="2023", metric="arrivals"),
    "wide-flows": dict(period="2024Q4", metric="arrivals", max_width_mm=12.0),
    "rescues": dict(period="2024-11", metric="rescues"),
    "dead-missing": dict(period="2024", metric="dead_missing"),
    "2024-expulsions": dict(period="2024", metric="expulsions"),
    "2023-expulsions": dict(period="2023", metric="expulsions"),
    "balearic-rescues": dict(period="2024-08-01/2024-12-31", metric="rescues", title=WORDS["en"]["title"]),
    "2024-change": dict(period="2024", metric="arrivals", title=WORDS["en"]["title"], compare="previous"),
}
ARRIVALS = ("default", "laea-europe", "web-mercator", "2024-arrivals", "2024-as-the-cli")
NAMED_ISLANDS = {"el_hierro", "tenerife", "gran_canaria", "fuerteventura", "lanzarote", "cabrera", "lampedusa",
                 "malta"}


class Drawn:
    """One map drawn at 300 dpi, with the geography of its page worked out from the data."""

    def __init__(self, doc, image, view, report) -> None:
        self.doc, self.view, self.report = doc, view, report
        self.rgb = pixels(image).astype(int)
        countries = doc.layer("boundaries").data
        parts = shapely.get_parts(countries.geometry.to_numpy())
        parts = parts[shapely.get_type_id(parts) == 3]
        # an island: a land part touching no other part (Ceuta and Gibraltar touch a neighbour)
        touching = shapely.STRtree(parts).query(parts, predicate="intersects")
        alone = np.bincount(touching[0][touching[0] != touching[1]], minlength=len(parts)) == 0
        self.islands_lonlat = parts[alone & (shapely.area(parts) < 4.0)]
        self.islands = self.to_px(self.islands_lonlat)
        b = shapely.bounds(self.islands)
        side = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
        fx, fy, fw, fh = view.frame_px
        on_page = shapely.intersects(self.islands, shapely.box(fx, fy, fx + fw, fy + fh))
        self.small = on_page & (side <= SMALL_ISLAND_PX) & (side >= VISIBLE_ISLAND_PX)
        places = doc.layer("places").data.set_index("place_id")
        self.places = places
        self.countries = countries
        self.place_px = dict(zip(places.index, shapely.get_coordinates(self.to_px(places.geometry.to_numpy())),
                                 strict=True))
        self.symbols = {r.route_id: shapely.transform(r.geometry, view.to_px) for r in report.symbols.itertuples()}

    def to_px(self, geoms):
        return lonlat_to_px(self.view)(geoms)

    def own_island(self, place_id: str) -> int:
        point = shapely.Point(self.places.geometry[place_id].coords[0])
        return int(np.argmin(shapely.distance(self.islands_lonlat, point)))

    def on_page(self, place_id: str) -> bool:
        fx, fy, fw, fh = self.view.frame_px
        x, y = self.place_px[place_id]
        return fx <= x <= fx + fw and fy <= y <= fy + fh

    def dots(self) -> dict[str, tuple[float, float, float]]:
        return {pid: (x, y, r) for pid, x, y, r in self.report.dots}

    def land_share(self, island: int) -> float:
        """Share of an island's pixels drawn as land (its land colour, or the white of its coast and of a
        name's halo): what of it shows. A flow, a leader or a letter over it is none of these."""
        shape = self.islands[island]
        x0, y0, x1, y1 = (int(v) for v in shapely.bounds(shape))
        xs, ys = np.meshgrid(np.arange(x0, x1 + 1) + 0.5, np.arange(y0, y1 + 1) + 0.5)
        inside = shapely.contains_xy(shape, xs.ravel(), ys.ravel())
        if not inside.any():
            c = shape.centroid
            xs, ys, inside = np.array([c.x]), np.array([c.y]), np.array([True])
        px = self.rgb[ys.ravel()[inside].astype(int), xs.ravel()[inside].astype(int)]
        land = np.array([int(self.doc.theme.land[k:k + 2], 16) for k in (1, 3, 5)])
        return float(((np.abs(px - land).max(axis=1) <= 12) | (px.min(axis=1) >= 235)).mean())


def draw_factory():
    """``draw(name)``: the map ``name`` of MAPS drawn once (needs a QApplication), then kept."""
    from geo.document import MapDocument

    cache: dict[str, Drawn] = {}

    def draw(name: str) -> Drawn:
        if name not in cache:
            spec = MAPS[name]
            doc = MapDocument.from_files()
            if "crs" in spec:
                doc.crs = spec["crs"]
            doc.select(spec["period"], spec["metric"], None)
            doc.label_language = spec.get("language", "en")
            doc.title = spec.get("title", doc.title)
            if "compare" in spec:
                doc.flow_style.compare, doc.flow_style.colour_by = spec["compare"], "change"
            if "max_width_mm" in spec:
                doc.flow_style = dataclasses.replace(doc.flow_style, max_width_mm=spec["max_width_mm"])
            image, view, report = paint(doc, Page(*spec.get("page", ("A4", "landscape")), DPI))
            cache[name] = Drawn(doc, image, view, report)
        return cache[name]

    return draw
