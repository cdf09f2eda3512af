"""A map layer: features in lon/lat, where they came from, and how to draw them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

from geo.styles import LayerStyle

LAYER_KINDS = ("boundaries", "routes", "places", "points")

_ids = itertools.count(1)
# The id of the union of several routes layers, by their ids: the same union keeps its id (and caches).
_UNION_IDS: dict[tuple[int, ...], int] = {}


@dataclass(eq=False)
class Layer:
    """One map layer: features in lon/lat and how to draw them."""

    kind: str
    title: str
    data: gpd.GeoDataFrame
    path: Path | None = None
    style: LayerStyle = field(default_factory=LayerStyle)
    id: int = field(default_factory=lambda: next(_ids))
    source: str | None = None
    """The layer inside ``path`` when the file holds several (a GeoPackage's table)."""
    edited: bool = False
    """The data was edited in the window and differs from ``path`` (which still names where it came
    from, and so its relations file); saving the project writes it beside the project."""

    def __post_init__(self) -> None:
        if self.kind not in LAYER_KINDS:
            raise ValueError(f"layer kind {self.kind!r} is not one of {LAYER_KINDS}")
