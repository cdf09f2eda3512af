"""Parts of a line by distance (geo.line_cut) are what shapely's substring gives, vertex for vertex."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString
from shapely.ops import substring

from geo.line_cut import line_head, line_part, line_tail


def _lines():
    rng = np.random.default_rng(11)
    out = [LineString(np.cumsum(rng.normal(0, 50, (n, 2)), axis=0)) for n in (2, 3, 7, 40)]
    out.append(LineString([(0, 0), (10, 0), (10, 0), (20, 0)]))  # a repeated vertex
    return out


@pytest.mark.parametrize("line", _lines(), ids=lambda g: f"{len(g.coords)} vertices")
def test_cuts_are_substrings(line):
    c = np.asarray(line.coords)
    along = np.r_[0.0, np.cumsum(np.hypot(*np.diff(c, axis=0).T))]
    length = line.length
    cuts = sorted({0.0, length, *np.linspace(0, length, 9)[1:-1], *along[1:-1]})  # on vertices too
    for a in cuts:
        assert line_tail(line, a).equals_exact(substring(line, a, length), 1e-9)
        assert line_head(line, a).equals_exact(substring(line, 0.0, a), 1e-9)
        for b in cuts:
            if a < b:
                got, want = line_part(line, a, b), substring(line, a, b)
                assert got.equals_exact(want, 1e-9), (a, b)
                assert shapely.get_num_coordinates(got) == shapely.get_num_coordinates(want)
