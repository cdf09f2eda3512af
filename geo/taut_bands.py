"""Bands kept off the coast drawn taut: the course's sideways shift smoothed along it, so a wide band
bridges the bays between the capes it clears instead of following every one of them.

``geo.keep_clear`` pushes each vertex straight away from its nearest coast, and smooths only where it
pushed: a band as wide as a bay is deep comes out shaped like the coast it clears, offset by its
half width. On the Atlantic route drawn at the series' held scale (16,109 = 7.5 mm), the band wound
round Cap Blanc and the bays of the Banc d'Arguin in a caterpillar of bulges. A cartographer draws it
as one smooth sweep that clears the capes.

Here the shift each vertex got, measured across the drawn course, is widened to the largest shift
within ``TAUT_REACH`` clearances either side (a running maximum), then averaged over the same
length: never less than the vertex's own shift (each average is of maxima that all include it), and
as smooth as a moving average (the shifts to either side are spread apart, then netted). A taut
course that clears the coast less well than the fitted one (a cape's shift spread across a headland
on the other shore, or taken straight across where the fit went round) is fitted again from its taut
shape for a few rounds; if that still falls short, the line keeps its fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import LineString

if TYPE_CHECKING:
    from geo.keep_clear import Obstacle

# How far along a band its shift is spread, in clearances (half widths plus the margin) either side.
# Two and four left the Atlantic band at the series' scale still winding past Cap Blanc; eight drew it
# as one sweep, and the default map's and the overview's other bands change by a few pixels.
TAUT_REACH = 8.0
# Over this many clearances from either protected end a band passes from its fitted course to its taut one.
TAUT_RAMP = 2.0


def tautened(drawn: np.ndarray, kept: np.ndarray, free: np.ndarray, clearance: float, step: float) -> np.ndarray:
    """One line's taut course: ``drawn`` (its vertices before fitting), ``kept`` (after) and ``free``
    (the vertices the fit may move, away from its protected ends); ``step`` is the vertex spacing.
    Vertices that are not free keep their fitted place."""
    n = len(drawn)
    if n < 3 or not free.any():
        return kept
    tangent = np.gradient(drawn, axis=0)
    length = np.hypot(tangent[:, 0], tangent[:, 1])
    across = np.column_stack([-tangent[:, 1], tangent[:, 0]]) / np.maximum(length, 1e-300)[:, None]
    shift = np.einsum("ij,ij->i", kept - drawn, across) * free
    if not np.any(np.abs(shift) > 1e-9 * max(clearance, 1e-300)):
        return kept
    half = max(1, int(np.ceil(TAUT_REACH * clearance / max(step, 1e-300))))
    spread = _spread(np.maximum(shift, 0.0), half) - _spread(np.maximum(-shift, 0.0), half)
    taut = drawn + spread[:, None] * across
    # near a protected end the band passes from its fitted course to the taut one: a cape's shift spread
    # right up to the first free vertex left the vertices at the port behind, a step across the band
    at = np.flatnonzero(free)
    ramp = max(1, int(np.ceil(TAUT_RAMP * clearance / max(step, 1e-300))))
    i = np.arange(n)
    weight = _smoothstep((i - at[0] + 1) / (ramp + 1)) * _smoothstep((at[-1] - i + 1) / (ramp + 1))
    out = kept.copy()
    out[free] = kept[free] + weight[free, None] * (taut[free] - kept[free])
    return out


def _smoothstep(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


def _spread(x: np.ndarray, half: int) -> np.ndarray:
    """The running maximum of ``x`` over ``half`` vertices either side, then its running mean over the
    same window: at least ``x`` everywhere (every window the mean takes includes the vertex)."""
    wide = np.lib.stride_tricks.sliding_window_view(np.pad(x, half), 2 * half + 1).max(axis=1)
    total = np.r_[0.0, np.cumsum(np.pad(wide, half, mode="edge"))]
    return (total[2 * half + 1:] - total[:-2 * half - 1]) / (2 * half + 1)


def tautened_lines(result: np.ndarray, drawn: tuple, obstacle: Obstacle, first: np.ndarray, counts: np.ndarray,
                    fitted: np.ndarray, clearances: np.ndarray, steps: np.ndarray, protects: np.ndarray
                    ) -> dict[int, LineString]:
    """The taut course (``tautened``) of each fitted line of ``result`` (``keep_all_clear``'s lines laid
    end to end) whose vertices that must clear the obstacle clear it at least as well as its fitted
    course's do: the least share of its clearance any of them keeps, capped at all of it. A taut course
    a little short of that (it spread a shift that, taken straight across, falls short round a cape) is
    fitted again from its taut shape for ``REFIT_ROUNDS``, which moves it only where it is short, and
    taken if it then clears as well and turns less than the fit. ``drawn``: the vertices before the fit,
    and which were free to move and which had to clear the obstacle; ``protects``: each line's protected
    ends, as ``keep_all_clear`` takes them."""
    from geo.keep_clear import PAD, keep_all_clear

    before, free, pushable = drawn
    candidate, changed = result.copy(), np.zeros(len(first), bool)
    for k in np.flatnonzero(fitted):
        sl = slice(first[k], first[k] + counts[k])
        taut = tautened(before[sl], result[sl], free[sl], clearances[k], steps[k])
        changed[k] = not np.array_equal(taut, result[sl])
        candidate[sl] = taut
    line_of = np.repeat(np.arange(len(first)), counts + PAD)
    c = clearances[line_of]
    ask = np.flatnonzero(pushable & changed[line_of])  # a course the fit never moved is already taut
    if not len(ask):
        return {}
    fit, taut = (_least_clearance(obstacle, xy[ask], c[ask], line_of[ask], len(first)) for xy in (result, candidate))
    bar = np.minimum(fit, 1.0) - TAUT_SLACK
    out = {int(k): LineString(candidate[first[k]:first[k] + counts[k]]) for k in np.flatnonzero(changed & (taut >= bar))}
    short = np.flatnonzero(changed & (taut < bar))
    if len(short):
        refit = keep_all_clear([LineString(candidate[first[k]:first[k] + counts[k]]) for k in short], obstacle,
                               clearances[short], protects.reshape(len(first), -1)[short], rounds=REFIT_ROUNDS)
        again = _least_clearance_of_lines(obstacle, refit, clearances[short], protects.reshape(len(first), -1)[short])
        for j, k in enumerate(short):  # taken only if it clears as well, and is the smoother
            if again[j] >= bar[k] and _turning(shapely.get_coordinates(refit[j])) < _turning(
                    result[first[k]:first[k] + counts[k]]):
                out[int(k)] = refit[j]
    return out


# A taut course short of its fit's clearance is fitted again from its taut shape in this many rounds:
# it was short by a few hundredths of its clearance round one cape (the Atlantic band at the series'
# held scale), which the first round or two make good without undoing the sweep.
REFIT_ROUNDS = 4


# A taut course is taken when its worst vertex keeps this little less of its clearance than the fitted
# course's worst (or all of it): a hundredth of a 1 mm clearance is 10 µm on paper.
TAUT_SLACK = 0.01


def _least_clearance(obstacle: Obstacle, xy: np.ndarray, clearance: np.ndarray, line: np.ndarray, lines: int) -> np.ndarray:
    """Each line's least share of its clearance kept by its vertices ``xy`` (``line``: each vertex's
    line), negative for one inside the obstacle; 1 where none comes within its clearance."""
    share = np.ones(len(xy))
    hit, dist, _, inside = obstacle.near(xy, clearance, clearance)
    share[hit] = np.where(inside, -dist, dist) / clearance[hit]
    least = np.ones(lines)
    np.minimum.at(least, line, share)
    return least


def _least_clearance_of_lines(obstacle: Obstacle, lines: list[LineString], clearances: np.ndarray,
                              protects: np.ndarray) -> np.ndarray:
    """``_least_clearance`` of each line's vertices that must clear the obstacle: those farther along
    it than its protected start (``protects[:, 0]``) and from its end than its protected end, by a
    clearance."""
    xy, line = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    step = np.r_[0.0, np.hypot(*np.diff(xy, axis=0).T)] * np.r_[False, line[1:] == line[:-1]]
    along = np.cumsum(step)
    along -= along[np.searchsorted(line, line)]  # from each line's first vertex
    total = np.asarray(shapely.length(np.asarray(lines, dtype=object)))[line]
    # measured from a clearance past each protected end: a refitted line's vertices do not fall where
    # its input's did, and the one nearest the end may still be in the part the fit left alone
    beyond = clearances[line]
    ask = (along >= protects[line, 0] + beyond) & (total - along >= protects[line, -1] + beyond)
    return _least_clearance(obstacle, xy[ask], clearances[line][ask], line[ask], len(lines))


def _turning(xy: np.ndarray) -> float:
    """How much a course turns along its length (the sum of its turns, radians): a caterpillar of
    bulges turns at every one, a sweep once."""
    d = np.diff(xy, axis=0)
    d = d[np.hypot(d[:, 0], d[:, 1]) > 0]
    if len(d) < 2:
        return 0.0
    heading = np.unwrap(np.arctan2(d[:, 1], d[:, 0]))
    return float(np.abs(np.diff(heading)).sum())
