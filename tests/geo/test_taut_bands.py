"""Sea bands kept off the coast are drawn taut (geo.taut_bands): a band pushed off a row of capes
bridges the bays between them in one sweep, and still clears every cape. Measured on the fitted
courses with shapely."""

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Polygon

from geo.keep_clear import keep_all_clear
from geo.taut_bands import _spread


def _coast_with_capes() -> Polygon:
    """Land below y = 0 with four capes 60 high and 80 wide, 600 apart, reaching up towards the course."""
    shore = [(-500.0, 0.0)]
    for x in (600.0, 1200.0, 1800.0, 2400.0):
        shore += [(x - 40, 0.0), (x - 20, 60.0), (x + 20, 60.0), (x + 40, 0.0)]
    return Polygon([*shore, (3500.0, 0.0), (3500.0, -800.0), (-500.0, -800.0)])


def _turning(line: LineString, start: float, end: float) -> float:
    """The total turn (radians) of ``line`` between ``start`` and ``end`` along it."""
    xy = shapely.get_coordinates(shapely.ops.substring(line, start, end))
    heading = np.unwrap(np.arctan2(*np.diff(xy, axis=0).T[::-1]))
    return float(np.abs(np.diff(heading)).sum())


def test_a_band_pushed_off_a_row_of_capes_bridges_the_bays_and_clears_every_cape():
    """A course drawn 50 from the shore must keep 100 from it: pushed vertex by vertex it rises over each
    cape and sinks into each bay (a caterpillar of bulges on paper); taut, it runs level past all four
    at the capes' clearance, turning a fraction as much, and no point of it comes nearer the coast."""
    land = _coast_with_capes()
    course = LineString([(0.0, 50.0), (1500.0, 50.0), (3000.0, 50.0)])
    clearance, protect = 100.0, 150.0
    fitted = keep_all_clear([course], land, [clearance], [protect])[0]
    taut = keep_all_clear([course], land, [clearance], [protect], taut=True)[0]
    middle = (400.0, taut.length - 400.0)
    for line in (fitted, taut):  # past the ends, where a band may meet the shore
        inner = shapely.ops.substring(line, 2 * protect, line.length - 2 * protect)
        assert inner.distance(land) >= clearance * 0.97
    assert _turning(taut, *middle) < 0.4 * _turning(fitted, *middle)
    # level past the capes: between the first cape and the last it stays within a tenth of the clearance
    ys = shapely.get_coordinates(shapely.clip_by_rect(taut, 600.0, -1e9, 2400.0, 1e9))[:, 1]
    assert np.ptp(ys) < 0.1 * clearance
    assert abs(float(np.hypot(*np.subtract(taut.coords[0], course.coords[0])))) < 1e-9  # its ends where drawn


def test_a_taut_course_is_never_nearer_the_coast_than_the_fitted_one():
    """In a strait, a cape on one shore pushes the band up and a headland on the other, 500 further on,
    pushes it down: spreading each shift along the band would cancel them and run it 40 from the
    headland. Where making it taut takes a band nearer the coast than its fit, the fit is kept."""
    south = Polygon([(-500, 0), (960, 0), (980, 60), (1020, 60), (1040, 0), (3500, 0), (3500, -800), (-500, -800)])
    north = Polygon([(-500, 200), (1460, 200), (1480, 140), (1520, 140), (1540, 200), (3500, 200), (3500, 900),
                     (-500, 900)])
    land = shapely.union(south, north)
    course = LineString([(0.0, 100.0), (3000.0, 100.0)])
    fitted = keep_all_clear([course], land, [60.0], [150.0])[0]
    taut = keep_all_clear([course], land, [60.0], [150.0], taut=True)[0]
    inner = [shapely.ops.substring(g, 300.0, g.length - 300.0) for g in (fitted, taut)]
    assert inner[0].distance(land) >= 60.0 * 0.97  # the fit clears both shores
    assert inner[1].distance(land) >= min(inner[0].distance(land), 60.0) * 0.99


def test_the_spread_shift_is_never_less_than_the_shift_it_spreads():
    """The running maximum then mean never lowers a vertex's shift (so a cape's clearance is kept),
    at the ends of a line as in its middle, and it is smooth: a single spike becomes a ramp up to it and
    down again, twice the window wide."""
    rng = np.random.default_rng(2)
    for _ in range(300):
        x = np.maximum(rng.normal(0, 1, rng.integers(1, 80)), 0.0)
        half = int(rng.integers(1, 12))
        assert (_spread(x, half) >= x - 1e-12).all()
    spike = np.zeros(41)
    spike[20] = 1.0
    spread = _spread(spike, 5)
    assert spread[20] == 1.0 and spread[9] == 0.0 == spread[31]
    assert (np.diff(spread[9:21]) > 0).all() and (np.diff(spread[20:32]) < 0).all()


def test_a_taut_course_short_of_the_coast_is_fitted_again_from_its_taut_shape(monkeypatch):
    """A taut course a little short of its clearance (the Atlantic band at the series' scale: 0.965 of it
    past Cap Blanc) is fitted again from its taut shape, and taken when it then clears as well and turns
    less than the fit. Here the taut course is made short on purpose (moved a seventh of its clearance
    towards the coast), so the row of capes is drawn by the refit: clear again, and still turning a
    fraction of what the fit turns."""
    import geo.taut_bands as taut_bands

    real = taut_bands.tautened

    def short(drawn, kept, free, clearance, step):
        out = real(drawn, kept, free, clearance, step).copy()
        out[free, 1] -= clearance / 7
        return out

    monkeypatch.setattr(taut_bands, "tautened", short)
    land = _coast_with_capes()
    course = LineString([(0.0, 50.0), (1500.0, 50.0), (3000.0, 50.0)])
    fitted = keep_all_clear([course], land, [100.0], [150.0])[0]
    refit = keep_all_clear([course], land, [100.0], [150.0], taut=True)[0]
    assert not refit.equals(fitted)
    assert _turning(refit, 400.0, refit.length - 400.0) < 0.5 * _turning(fitted, 400.0, fitted.length - 400.0)
    assert shapely.ops.substring(refit, 300.0, refit.length - 300.0).distance(land) >= 100.0 * 0.97


def test_a_refit_that_still_falls_short_leaves_the_fit(monkeypatch):
    """A taut course far short (moved a clearance and a half towards the coast, onto the capes) is not
    made good by the refit's few rounds: the line keeps its fit, clear of every cape."""
    import geo.taut_bands as taut_bands

    real = taut_bands.tautened

    def onto_the_capes(drawn, kept, free, clearance, step):
        out = real(drawn, kept, free, clearance, step).copy()
        out[free, 1] -= 1.5 * clearance
        return out

    monkeypatch.setattr(taut_bands, "tautened", onto_the_capes)
    monkeypatch.setattr(taut_bands, "REFIT_ROUNDS", 1)
    land = _coast_with_capes()
    course = LineString([(0.0, 50.0), (1500.0, 50.0), (3000.0, 50.0)])
    fitted = keep_all_clear([course], land, [100.0], [150.0])[0]
    kept = keep_all_clear([course], land, [100.0], [150.0], taut=True)[0]
    assert kept.equals(fitted)
