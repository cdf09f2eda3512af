"""World files and GeoPDF viewports from a map view (no Qt): the numbers a GIS reads back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from pyproj import CRS, Transformer

from geo.georef import aux_xml_text, esri_wkt, geo_viewport, world_file_sidecars, world_file_text
from geo.projection import DEFAULT_CRS
from geo.view import MapView

# A frame of 1000 x 600 px at (50, 40) on a 150 dpi page, 2 km a pixel, over the central Mediterranean.
VIEW = MapView(DEFAULT_CRS, (0.0, 0.0, 2_000_000.0, 1_200_000.0), (50.0, 40.0, 1000.0, 600.0), 150.0)


def test_world_file_puts_a_map_point_on_the_pixel_the_view_draws_it_on():
    a, d, b, e, c, f = map(float, world_file_text(VIEW).split())
    assert (a, d, b, e) == (2000.0, 0.0, 0.0, -2000.0)
    lampedusa = Transformer.from_crs("EPSG:4326", DEFAULT_CRS, always_xy=True).transform(12.58, 35.513)
    column, row = (lampedusa[0] - c) / a, (lampedusa[1] - f) / e  # 0: the first pixel's centre
    px, py = VIEW.to_px(np.array([lampedusa]))[0]  # page pixels: 0 is the first pixel's edge
    assert (column + 0.5, row + 0.5) == pytest.approx((px, py), abs=1e-6)


def test_sidecars_are_named_as_gis_look_for_them():
    names = {path.name for path in world_file_sidecars(Path("out/map.png"), VIEW)}
    assert names == {"map.pgw", "map.prj", "map.png.aux.xml"}
    srs = ET.fromstring(aux_xml_text(DEFAULT_CRS)).find("SRS")
    assert CRS.from_wkt(srs.text).equals(CRS.from_user_input(DEFAULT_CRS))
    assert CRS.from_wkt(esri_wkt(DEFAULT_CRS)).equals(CRS.from_user_input(DEFAULT_CRS))


def test_geopdf_viewport_is_the_frame_in_page_points_with_its_corners_in_lat_lon():
    # QPdfWriter's page matrix at 150 dpi on an A4 landscape page 595 pt high: 72/150 pt a pixel, y up
    vp = geo_viewport(VIEW, (0.48, -0.48, 0.0, 595.0))
    assert vp.bbox == pytest.approx((50 * 0.48, 595 - 640 * 0.48, 1050 * 0.48, 595 - 40 * 0.48))
    assert vp.lpts == (0, 1, 0, 0, 1, 0, 1, 1)  # upper left, lower left, lower right, upper right
    to_lon_lat = Transformer.from_crs(DEFAULT_CRS, "EPSG:4326", always_xy=True)
    for (lat, lon), (x, y) in zip(zip(vp.gpts[0::2], vp.gpts[1::2], strict=True),
                                  [(0, 1_200_000), (0, 0), (2_000_000, 0), (2_000_000, 1_200_000)], strict=True):
        assert (lon, lat) == pytest.approx(to_lon_lat.transform(x, y), abs=1e-9)
    assert vp.epsg is None and not vp.geographic and "Lambert_Azimuthal_Equal_Area" in vp.wkt
    assert geo_viewport(MapView("EPSG:3035", (3e6, 1e6, 5e6, 2e6), (0, 0, 100, 50), 72), (1, -1, 0, 50)).epsg == 3035
