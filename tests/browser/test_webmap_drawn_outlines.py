"""The overview's web map opened on a laptop (1280 x 720, zoomed out below the paper's scale) draws its
circles round and its bands smooth, as the PNG does, read from the SVG paths Chromium draws.

Before, Leaflet rounded every vertex to a whole CSS pixel and then dropped those within a pixel of the
line through their neighbours: Libya's 787,326 circle was drawn as an octagon, its vertices up to
1.9 px off its radius, and the Atlantic band's curve as a run of kinks of up to 27 degrees.

Chromium is Debian's ``/usr/bin/chromium`` driven by playwright, every non-local request refused.
"""

from __future__ import annotations

import re

import folium  # noqa: F401  (imported at collection: urllib3 probes IPv6 on import)
import numpy as np
import pytest
from local_chromium import local_only_chromium, open_map  # skips this module without Chromium

from geo import paths
from geo.project import load_project
from gui.layout import page_view
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow

LAPTOP = {"width": 1280, "height": 720}
ROUND_WITHIN_PX = 0.5
"""How far a drawn circle's vertices may be from its radius: its polygon's own sagitta and the
browser's float precision, well under the whole pixel Leaflet's rounding gave."""
CIRCLE_TURN_DEG = 30.0
"""The most a circle's outline may turn at one vertex (its 64 vertices turn 5.6 degrees each)."""
MEASURED_FROM_PX = 3.0
"""Circles at least this many pixels across their radius are measured (a smaller one is a handful of
pixels whatever its outline)."""
ARROW_CORNERS = 7
"""The corners of a band's outline: two at its tail, two at each side of its head's base, its tip."""
BAND_TURN_DEG = 10.0
"""The most a band's outline may turn at any vertex but its corners (the PNG's smoothed band: 7)."""


@pytest.fixture(scope="module")
def drawn(qapp, tmp_path_factory):
    """The SVG path data of the overview's circles and bands, as Chromium draws them at 1280 x 720."""
    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    path = export_webmap(doc, page_view(doc), tmp_path_factory.mktemp("outlines") / "overview.html")
    with local_only_chromium(LAPTOP) as ctx:
        page = open_map(ctx, path)
        found = {sel: page.evaluate(f"Array.from(document.querySelectorAll('{sel}')).map(e => e.getAttribute('d'))")
                 for sel in ("path.crossings-place-figure", "path.crossings-flow")}
    return found


def polylines(d: str) -> list[np.ndarray]:
    """The subpaths of an SVG path's data (Leaflet writes ``M x y L x y ...``, a ring closed by ``z``)."""
    out = []
    for part in re.split(r"[Mm]", d):
        nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", part)]
        if len(nums) >= 4:
            out.append(np.array(nums).reshape(-1, 2))
    return out


def rings(d: str) -> list[np.ndarray]:
    """The closed rings of an SVG path's data, repeated points out."""
    out = []
    for pts in polylines(d):
        step = np.diff(np.vstack([pts, pts[:1]]), axis=0)
        if len(pts) >= 3:
            out.append(pts[np.hypot(*step.T) > 1e-9])
    return out


def vertex_turns(ring: np.ndarray) -> np.ndarray:
    """How far the outline turns at each vertex of ``ring``, in degrees, in the ring's order."""
    into = np.diff(np.vstack([ring[-1:], ring]), axis=0)
    heading_in = np.degrees(np.arctan2(into[:, 1], into[:, 0]))
    heading_out = np.roll(heading_in, -1)
    return np.abs((heading_out - heading_in + 180.0) % 360.0 - 180.0)


def turns(ring: np.ndarray) -> np.ndarray:
    """How far the outline turns at each vertex, in degrees, largest first."""
    return np.sort(vertex_turns(ring))[::-1]


def test_circles_are_drawn_round(drawn):
    measured = 0
    for d in drawn["path.crossings-place-figure"]:
        for ring in rings(d):
            centre = ring.mean(axis=0)
            radius = np.hypot(*(ring - centre).T)
            if radius.mean() < MEASURED_FROM_PX:
                continue
            measured += 1
            assert np.abs(radius - radius.mean()).max() <= ROUND_WITHIN_PX, (
                f"a circle {radius.mean():.1f} px across its radius is drawn with vertices "
                f"{np.abs(radius - radius.mean()).max():.2f} px off it")
            assert turns(ring)[0] <= CIRCLE_TURN_DEG, f"a circle's outline turns {turns(ring)[0]:.0f} degrees at a vertex"
    assert measured >= 8  # the dead and missing, interceptions, returns, rescues and Libya's migrants


def test_bands_are_drawn_smooth_between_their_corners(drawn):
    bands = [ring for d in drawn["path.crossings-flow"] for ring in rings(d)]
    assert len(bands) >= 8
    for ring in bands:
        bends = turns(ring)[ARROW_CORNERS:]
        assert bends.size == 0 or bends[0] <= BAND_TURN_DEG, (
            f"a band's outline of {len(ring)} vertices turns {bends[0]:.0f} degrees between its corners")


@pytest.fixture(scope="module")
def hollow(qapp, tmp_path_factory):
    """The overview's hollow symbol (the Algeria–Balearic ~6,000, inside the 14,431) zoomed in on the
    Balearics, where its dashes are large: its outline's path, its dashes' paths and their stroke width."""
    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    path = export_webmap(doc, page_view(doc), tmp_path_factory.mktemp("hollow") / "overview.html")
    with local_only_chromium(LAPTOP) as ctx:
        page = open_map(ctx, path)
        page.evaluate("crossingsMap.setView([38.6, 3.0], 8, {animate: false})")
        page.wait_for_timeout(500)
        found = page.evaluate("""(() => {
            const d = s => Array.from(document.querySelectorAll(s)).map(e => e.getAttribute('d'));
            const style = s => Array.from(document.querySelectorAll(s)).map(e => getComputedStyle(e));
            return {outline: d('path.crossings-hollow'), dashes: d('path.crossings-outline-dash'),
                    width: style('path.crossings-outline-dash').map(c => parseFloat(c.strokeWidth)),
                    seen: style('path.crossings-hollow').map(c => parseFloat(c.strokeOpacity))}; })()""")
    return found


def test_a_hollow_symbols_dashes_turn_every_corner(hollow):
    """Each corner of the hollow arrow (its tip, its head's barbs and base, its tail) is under a dash, as on
    the PNG (geo.dash_fit): a CSS dash pattern round the outline left a gap at one base corner."""
    from shapely.geometry import LineString, Point

    assert hollow["outline"] and hollow["dashes"], "the overview draws the Algeria–Balearic figure hollow"
    assert all(seen == 0 for seen in hollow["seen"])  # its own stroke is not drawn over its dashes
    half = min(hollow["width"]) / 2
    dashes = [LineString(p) for d in hollow["dashes"] for p in polylines(d) if len(p) >= 2]
    corners = 0
    for ring in (r for d in hollow["outline"] for r in rings(d)):
        for x, y in ring[vertex_turns(ring) > 40.0]:
            corners += 1
            gap = min(dash.distance(Point(x, y)) for dash in dashes)
            assert gap <= half, f"a corner of the hollow outline at ({x:.0f}, {y:.0f}) is {gap:.1f} px from any dash"
    assert corners >= 7
