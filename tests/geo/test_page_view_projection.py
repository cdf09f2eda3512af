"""Pages, views and projections."""

import numpy as np
import pytest

from geo.errors import CrossingsError
from geo.page import Page
from geo.projection import DEFAULT_CRS, resolve_crs
from geo.view import MapView


def test_paper_sizes_in_pixels():
    assert Page("A4", "landscape", 300).size_px == (3508, 2480)
    assert Page("A3", "portrait", 150).size_px == (1754, 2480)
    assert Page.from_pixels(1920, 1080).size_px == (1920, 1080)


@pytest.mark.parametrize("kwargs, message", [
    ({"paper": "B7"}, "paper size 'B7' is unknown"),
    ({"dpi": 5}, "dpi 5 is outside"),
    ({"orientation": "sideways"}, "orientation 'sideways'"),
])
def test_bad_pages_say_what_is_wrong(kwargs, message):
    with pytest.raises(CrossingsError, match=message):
        Page(**kwargs)


def test_view_keeps_aspect_and_maps_corners():
    view = MapView("EPSG:3857", (0, 0, 100, 100), (10, 20, 400, 200), dpi=96)
    minx, miny, maxx, maxy = view.extent
    assert (maxx - minx) / (maxy - miny) == pytest.approx(2.0)
    px = view.to_px(np.array([[minx, maxy], [maxx, miny]]))
    assert px.tolist() == [[10, 20], [410, 220]]
    assert view.to_map(210, 120) == pytest.approx((50, 50))
    zoomed = view.zoomed(2.0)
    assert zoomed.units_per_px == pytest.approx(view.units_per_px / 2)


def test_projection_inputs():
    assert resolve_crs("north-africa-laea") == resolve_crs(DEFAULT_CRS)
    assert resolve_crs("3035").to_epsg() == 3035
    assert resolve_crs("EPSG:3857").to_epsg() == 3857
    with pytest.raises(CrossingsError, match="projection 'not a crs' is not a CRS"):
        resolve_crs("not a crs")
