"""A halo's ground is its glyphs grown by the halo's width: all of that width, a hair more at most,
and one valid polygon (geo.halo_shape)."""

from __future__ import annotations

import numpy as np
import shapely

from geo.halo_shape import HALO_TOLERANCE_PX, halo_polygon


def _ring(cx: float, cy: float, r: float, n: int = 40, clockwise: bool = False) -> np.ndarray:
    a = np.linspace(0, 2 * np.pi, n, endpoint=False) * (-1 if clockwise else 1)
    return np.c_[cx + r * np.cos(a), cy + r * np.sin(a)]


def _glyphs() -> list[np.ndarray]:
    """An "o" (outer ring and its counter, wound either way), an "l" and a figure eight that crosses itself."""
    o = [_ring(10, 10, 6), _ring(10, 10, 3, clockwise=True)]
    stem = np.array([[20, 2], [22, 2], [22, 18], [20, 18]], float)
    eight = np.array([[30, 2], [36, 18], [36, 2], [30, 18]], float)
    return [*o, stem, eight]


def test_the_halo_reaches_its_whole_width_round_every_glyph():
    halo_px = 2.5
    halo = halo_polygon(_glyphs(), halo_px)
    assert halo.is_valid and not halo.is_empty
    exact = shapely.union_all([shapely.make_valid(shapely.Polygon(r)) for r in _glyphs()]).buffer(halo_px, 64)
    # never short of the width (a halo that stops short lets the coast through the letters' edges) ...
    assert exact.difference(halo).area < 1e-6 * exact.area, exact.difference(halo).area
    # ... and never more than a hair past it (it may bridge a notch narrower than that hair)
    assert halo.difference(exact.buffer(2 * HALO_TOLERANCE_PX + 0.01, 64)).area < 1e-6 * exact.area


def test_the_halo_is_a_few_hundred_vertices_not_a_band_round_every_contour():
    halo = halo_polygon(_glyphs(), 2.5)
    assert shapely.get_num_coordinates(halo) < 200


def test_no_glyphs_or_no_width_is_no_halo():
    assert halo_polygon([], 2.0).is_empty
    assert halo_polygon(_glyphs(), 0.0).is_empty
