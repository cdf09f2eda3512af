"""A map view: which part of the projected plane lands on which pixels (cf. QgsMapSettings)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np


@dataclass(frozen=True)
class MapView:
    """The projected ``extent`` (minx, miny, maxx, maxy in CRS units) drawn into a pixel frame.

    The frame is ``frame_px`` = (left, top, width, height) on a page of ``dpi``. The extent is
    widened to the frame's aspect ratio so the map is never stretched.
    """

    crs: str
    extent: tuple[float, float, float, float]
    frame_px: tuple[float, float, float, float]
    dpi: float = 96.0

    def __post_init__(self) -> None:
        minx, miny, maxx, maxy = self.extent
        _, _, w, h = self.frame_px
        if not (maxx > minx and maxy > miny and w > 0 and h > 0):
            raise ValueError(f"degenerate view {self.extent} in {self.frame_px}")
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        scale = max((maxx - minx) / w, (maxy - miny) / h)  # map units per pixel
        object.__setattr__(
            self, "extent", (cx - scale * w / 2, cy - scale * h / 2, cx + scale * w / 2, cy + scale * h / 2)
        )

    @property
    def units_per_px(self) -> float:
        return (self.extent[2] - self.extent[0]) / self.frame_px[2]

    @property
    def px_per_mm(self) -> float:
        return self.dpi / 25.4

    def mm_to_units(self, mm: float) -> float:
        """Map units covered by ``mm`` millimetres of paper: how flow widths become geometry."""
        return mm * self.px_per_mm * self.units_per_px

    def to_px(self, xy: np.ndarray) -> np.ndarray:
        """Projected coordinates (N x 2) to page pixels (y down)."""
        minx, _, _, maxy = self.extent
        left, top, _, _ = self.frame_px
        s = 1.0 / self.units_per_px
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = (xy[:, 0] - minx) * s + left
        out[:, 1] = (maxy - xy[:, 1]) * s + top
        return out

    def px_to_map(self, xy: np.ndarray) -> np.ndarray:
        """Page pixels (N x 2, y down) to projected coordinates: ``to_px`` reversed."""
        minx, _, _, maxy = self.extent
        left, top, _, _ = self.frame_px
        u = self.units_per_px
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = minx + (xy[:, 0] - left) * u
        out[:, 1] = maxy - (xy[:, 1] - top) * u
        return out

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        minx, _, _, maxy = self.extent
        left, top, _, _ = self.frame_px
        u = self.units_per_px
        return (minx + (px - left) * u, maxy - (py - top) * u)

    def panned(self, dx_px: float, dy_px: float) -> MapView:
        u = self.units_per_px
        minx, miny, maxx, maxy = self.extent
        return replace(self, extent=(minx - dx_px * u, miny + dy_px * u, maxx - dx_px * u, maxy + dy_px * u))

    def zoomed(self, factor: float, about_px: tuple[float, float] | None = None) -> MapView:
        """Zoom in by ``factor`` (>1 zooms in) keeping the map point under ``about_px`` fixed."""
        left, top, w, h = self.frame_px
        px, py = about_px if about_px is not None else (left + w / 2, top + h / 2)
        mx, my = self.to_map(px, py)
        minx, miny, maxx, maxy = self.extent
        return replace(
            self,
            extent=(mx - (mx - minx) / factor, my - (my - miny) / factor, mx + (maxx - mx) / factor, my + (maxy - my) / factor),
        )
