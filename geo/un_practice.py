"""United Nations cartographic practice for the territories this map shows: which boundary is drawn
dashed, and which territory's name carries the asterisk of a Non-Self-Governing Territory.

Western Sahara is on the UN list of Non-Self-Governing Territories (General Assembly, Special
Committee on Decolonization). UN maps draw its boundary with Morocco as a dashed line (the UN
Geospatial basemap classes it "Undetermined international dashed boundary line"), write its name with
an asterisk and carry the note "* Non-Self-Governing Territory" (UN Geospatial, "Guidance for the
Publication of Maps", November 2020, as reproduced by UNEP's MapX, github.com/unep-grid/mapx,
``app/src/md/disclaimer.md``). Gibraltar and Saint Helena are on the same list. The rules key on
the country codes of the boundaries layer (Natural Earth's ``ADM0_A3``, e.g. ``SAH``, or ISO
``ESH``), so any boundaries file with such a column gets them.
"""

from __future__ import annotations

import numpy as np
import shapely

NON_SELF_GOVERNING = frozenset({"SAH", "ESH", "GIB", "SHN"})
"""Country codes of the Non-Self-Governing Territories a map of the region can show."""

UNDETERMINED_BOUNDARIES = (frozenset({"SAH", "MAR"}), frozenset({"ESH", "MAR"}))
"""Pairs of territories whose common boundary UN maps draw dashed."""

CODE_COLUMNS = ("iso_a3", "ADM0_A3", "adm0_a3", "ISO_A3", "iso3")
DASH_MM = (1.6, 1.0)
"""Dash and gap of an undetermined boundary on paper: long enough to read as a line at 1:10m."""


def country_codes(data) -> np.ndarray:
    """The boundaries' country codes (upper case; '' where the layer has no code column)."""
    column = next((c for c in CODE_COLUMNS if c in data.columns), None)
    if column is None:
        return np.full(len(data), "", dtype=object)
    return data[column].fillna("").astype(str).str.upper().to_numpy(dtype=object)


def non_self_governing(codes) -> np.ndarray:
    """Which of ``codes`` are Non-Self-Governing Territories (their names carry an asterisk)."""
    return np.array([c in NON_SELF_GOVERNING for c in codes], dtype=bool)


def undetermined_boundaries(geoms, codes, tolerance: float) -> tuple[dict[int, object], list]:
    """The boundaries to draw dashed, and the outlines of their territories without them.

    ``geoms`` are the countries' polygons (any CRS; simplified is fine), ``codes`` their codes and
    ``tolerance`` the distance (in the geometries' units) within which two outlines count as one
    boundary: each territory is simplified on its own, so a shared edge no longer matches exactly.
    Returns ``(solid, dashed)``: index -> the outline to stroke solid instead of the polygon's
    whole boundary, and the dashed lines themselves.
    """
    geoms = list(geoms)
    where: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        where.setdefault(code, []).append(i)
    solid: dict[int, object] = {}
    dashed: list = []
    for pair in UNDETERMINED_BOUNDARIES:
        a, b = sorted(pair)
        for i in where.get(a, []):
            for j in where.get(b, []):
                gi, gj = geoms[i], geoms[j]
                if gi is None or gj is None or gi.is_empty or gj.is_empty:
                    continue
                line = shapely.intersection(gi.boundary, gj.buffer(tolerance))
                line = shapely.line_merge(line) if line.geom_type == "MultiLineString" else line
                if line.is_empty or line.length <= tolerance:
                    continue
                dashed.append(line)
                zone = line.buffer(tolerance)
                for k in (i, j):
                    solid[k] = shapely.difference(solid.get(k, geoms[k].boundary), zone)
    return solid, dashed
