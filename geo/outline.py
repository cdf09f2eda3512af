"""The vertices of a geometry's outline as flat arrays, read from its WKB without copying its parts.

Indexing the land for keeping flows off the coast needs every ring's vertices in one array. Shapely
hands out sub-geometries only as copies (``get_parts``, ``get_rings``, ``to_ragged_array`` all clone
them in GEOS), and those copies were 6 MiB of a cold render's peak memory for 1:10m countries; the
WKB of the whole geometry is one buffer whose coordinates numpy can view in place.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
import shapely

POLYGON, MULTIPOLYGON, LINESTRING, MULTILINESTRING = 3, 6, 2, 5


@dataclass(frozen=True)
class Outline:
    coords: np.ndarray
    """(N, 2) every vertex, ring after ring (or line after line)."""
    ring_start: np.ndarray
    """Where each ring starts in ``coords``, with ``len(coords)`` at the end."""
    ring_part: np.ndarray
    """Which part (polygon or line of a multi-geometry) each ring belongs to."""
    areal: bool


def outline(geometry) -> Outline:
    """The rings of a (multi)polygon or the lines of a (multi)line string; anything else (a
    collection, 3D) through shapely's copies of its outline."""
    buf = shapely.to_wkb(geometry, output_dimension=2, flavor="iso")
    reader = _Reader(buf)
    kind = reader.kind()
    if kind in (POLYGON, LINESTRING):
        reader.pos = 0
        parts = [reader.part(kind)]
    elif kind in (MULTIPOLYGON, MULTILINESTRING):
        inner = POLYGON if kind == MULTIPOLYGON else LINESTRING
        parts = [reader.part(inner) for _ in range(reader.count())]
    else:
        return _through_shapely(geometry)
    rings = [ring for part in parts for ring in part]
    sizes = np.array([len(r) // 2 for r in rings], int)
    coords = np.concatenate(rings).reshape(-1, 2) if rings else np.empty((0, 2))
    ring_part = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
    return Outline(coords, np.r_[0, np.cumsum(sizes)], ring_part, kind in (POLYGON, MULTIPOLYGON))


class _Reader:
    def __init__(self, buf: bytes):
        self.buf, self.pos, self.order = buf, 0, "<"

    def kind(self) -> int:
        self.order = "<" if self.buf[self.pos] == 1 else ">"
        (kind,) = struct.unpack_from(self.order + "I", self.buf, self.pos + 1)
        self.pos += 5
        return kind

    def count(self) -> int:
        (n,) = struct.unpack_from(self.order + "I", self.buf, self.pos)
        self.pos += 4
        return n

    def points(self) -> np.ndarray:
        n = self.count()
        out = np.frombuffer(self.buf, dtype=self.order + "f8", count=2 * n, offset=self.pos)
        self.pos += 16 * n
        return out

    def part(self, kind: int) -> list[np.ndarray]:
        if self.kind() != kind:
            raise ValueError("unexpected WKB part")
        return [self.points()] if kind == LINESTRING else [self.points() for _ in range(self.count())]


def _through_shapely(geometry) -> Outline:
    parts = shapely.get_parts(geometry)
    areal = bool(len(parts)) and bool(np.all(shapely.get_type_id(parts) == 3))
    if areal:
        rings = shapely.get_rings(parts)
        ring_part = np.repeat(np.arange(len(parts)), shapely.get_num_interior_rings(parts) + 1)
    else:
        rings = shapely.get_parts(shapely.boundary(geometry)) if not np.all(shapely.get_type_id(parts) == 1) else parts
        ring_part = np.arange(len(rings))
    coords, owner = shapely.get_coordinates(rings, return_index=True)
    ring_start = np.r_[0, np.cumsum(np.bincount(owner, minlength=len(rings)))]
    return Outline(coords, ring_start, ring_part, areal)
