"""Paper and pixel page sizes: what an export is for decides its size, not the screen."""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.errors import CrossingsError

MM_PER_INCH = 25.4
# The largest raster a PNG export may have: A2 at 600 dpi (139 million pixels, 560 MB in memory
# while painting) passes; A2 at 1200 dpi (557 million) needed 7.1 GB and is refused.
MAX_RASTER_PIXELS = 150_000_000

# ISO 216 and US sizes, portrait (width, height) in millimetres.
PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "A5": (148.0, 210.0),
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "Letter": (215.9, 279.4),
    "Tabloid": (279.4, 431.8),
}


@dataclass(frozen=True)
class Page:
    """A page: a paper size and orientation at a resolution, or an explicit pixel size.

    ``dpi`` always applies: it converts the map furniture's millimetres and points to pixels, so a
    1600 x 1000 px page at 96 dpi gets readable text.
    """

    paper: str = "A4"
    orientation: str = "landscape"
    dpi: float = 300.0
    width_px: int | None = None
    height_px: int | None = None

    def __post_init__(self) -> None:
        if self.width_px is None and self.paper not in PAPER_SIZES_MM:
            raise CrossingsError(
                f"paper size {self.paper!r} is unknown; use one of {', '.join(PAPER_SIZES_MM)}"
            )
        if self.orientation not in ("landscape", "portrait"):
            raise CrossingsError(f"orientation {self.orientation!r} must be landscape or portrait")
        if not 10 <= self.dpi <= 1200:
            raise CrossingsError(f"dpi {self.dpi:g} is outside 10–1200")
        if (self.width_px is None) != (self.height_px is None):
            raise CrossingsError("a pixel size needs both width and height")
        if self.width_px is not None and not (16 <= self.width_px <= 30000 and 16 <= self.height_px <= 30000):
            raise CrossingsError(f"pixel size {self.width_px}x{self.height_px} is outside 16–30000 px")

    @classmethod
    def from_pixels(cls, width_px: int, height_px: int, dpi: float = 96.0) -> Page:
        return cls(dpi=dpi, width_px=int(width_px), height_px=int(height_px))

    @property
    def size_mm(self) -> tuple[float, float]:
        if self.width_px is not None:
            return (self.width_px / self.dpi * MM_PER_INCH, self.height_px / self.dpi * MM_PER_INCH)
        w, h = PAPER_SIZES_MM[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)

    @property
    def size_px(self) -> tuple[int, int]:
        if self.width_px is not None:
            return (self.width_px, self.height_px)
        w, h = self.size_mm
        return (round(w / MM_PER_INCH * self.dpi), round(h / MM_PER_INCH * self.dpi))

    @property
    def px_per_mm(self) -> float:
        return self.dpi / MM_PER_INCH

    def with_dpi(self, dpi: float) -> Page:
        return replace(self, dpi=dpi)

    def check_raster(self) -> None:
        """Refuse a raster too large to paint safely, naming the limit and a dpi that fits."""
        w, h = self.size_px
        if w * h > MAX_RASTER_PIXELS:
            scale = (MAX_RASTER_PIXELS / (w * h)) ** 0.5
            fix = (f"use {int(w * scale)} x {int(h * scale)} px or less" if self.width_px is not None
                   else f"use {int(self.dpi * scale)} dpi or less")
            raise CrossingsError(f"{self.describe()} is {w * h / 1e6:,.0f} million pixels, over the "
                                 f"{MAX_RASTER_PIXELS // 1_000_000} million a raster export may have; {fix}, "
                                 "or export PDF or SVG")

    def describe(self) -> str:
        w, h = self.size_px
        if self.width_px is not None:
            return f"{w} x {h} px"
        return f"{self.paper} {self.orientation}, {self.dpi:g} dpi ({w} x {h} px)"
