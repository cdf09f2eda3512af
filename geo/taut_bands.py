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
as smooth as a moving average. A line whose taut course clears the coast less well than its fitted
one keeps the fitted one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from geo.keep_clear import Obstacle

# How far along a band its shift is spread, in clearances (half widths plus the margin) either
# side. Two clearances bridged the bays north of Nouakchott at the series' scale; more straightens
# bands that bend round one cape into a wide arc that no longer follows their route.
TAUT_REACH = 8.0


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
    out = kept.copy()
    out[free] = drawn[free] + spread[free, None] * across[free]
    return out


def _spread(x: np.ndarray, half: int) -> np.ndarray:
    """The running maximum of ``x`` over ``half`` vertices either side, then its running mean over the
    same window: at least ``x`` everywhere (every window the mean takes includes the vertex)."""
    wide = np.lib.stride_tricks.sliding_window_view(np.pad(x, half), 2 * half + 1).max(axis=1)
    total = np.r_[0.0, np.cumsum(np.pad(wide, half, mode="edge"))]
    return (total[2 * half + 1:] - total[:-2 * half - 1]) / (2 * half + 1)


def tautened_lines(result: np.ndarray, drawn: tuple, obstacle: Obstacle, first: np.ndarray, counts: np.ndarray,
                    fitted: np.ndarray, clearances: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """``result`` with each fitted line's course made taut (``geo.taut_bands.tautened``) where its
    vertices that must clear the obstacle clear it at least as well as the fitted course's do (the
    least share of its clearance any of them keeps, capped at all of it)."""
    from geo.keep_clear import PAD

    before, free, pushable, c = drawn
    candidate, changed = result.copy(), np.zeros(len(first), bool)
    for k in np.flatnonzero(fitted):
        sl = slice(first[k], first[k] + counts[k])
        taut = tautened(before[sl], result[sl], free[sl], clearances[k], steps[k])
        changed[k] = taut is not result[sl] and not np.array_equal(taut, result[sl])
        candidate[sl] = taut
    line_of = np.repeat(np.arange(len(first)), counts + PAD)
    ask = np.flatnonzero(pushable & changed[line_of])  # a course the fit never moved is already taut
    if not len(ask):
        return result
    worst = [_least_clearance(obstacle, xy[ask], c[ask], line_of[ask], len(first)) for xy in (result, candidate)]
    better = changed & (worst[1] >= np.minimum(worst[0], 1.0) - TAUT_SLACK)
    keep = better[line_of]
    result[keep] = candidate[keep]
    return result


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
