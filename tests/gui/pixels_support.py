"""Measuring a rendered map from its pixels: band and bar widths, the scale bar, text contrast, halos.

Things are found by what is known of them (a flow's colour and course, the furniture's boxes, a
label's box and text), and then measured on the image alone: an edge is where the picture crosses
halfway between the two colours on either side of it, so widths are read to a tenth of a pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from painted import pixels
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from geo.colours import contrast_ratio

WHITE = np.array([255.0, 255.0, 255.0])


def rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.array([c.red(), c.green(), c.blue()], float)


def row_run(row: np.ndarray, start: int, match) -> int:
    """How many pixels from ``start`` to the right and to the left match, as one run."""
    n = 0
    for step in (1, -1):
        x = start
        while 0 <= x < len(row) and match(row[x]):
            x += step
            n += 1
    return n - 1


def hex_of(values: np.ndarray) -> str:
    r, g, b = (round(float(v)) for v in np.clip(values, 0, 255))
    return f"#{r:02x}{g:02x}{b:02x}"


def sample(img: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The image at sub-pixel points (bilinear; pixel centres at integer + 0.5)."""
    h, w = img.shape[:2]
    x, y = np.asarray(xs, float) - 0.5, np.asarray(ys, float) - 0.5
    x0 = np.clip(np.floor(x).astype(int), 0, w - 2)
    y0 = np.clip(np.floor(y).astype(int), 0, h - 2)
    fx = np.clip(x - x0, 0, 1)[:, None]
    fy = np.clip(y - y0, 0, 1)[:, None]
    top = img[y0, x0] * (1 - fx) + img[y0, x0 + 1] * fx
    bottom = img[y0 + 1, x0] * (1 - fx) + img[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def share(values: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """How far each colour lies from ``start`` towards ``end`` (0 at start, 1 at end), along their line."""
    d = end - start
    return (values - start) @ d / float(d @ d)


def _crossing(s: np.ndarray, v: np.ndarray, i: int, j: int) -> float:
    """Where ``v`` crosses 0.5 between samples i (above) and j (below), linearly."""
    t = (v[i] - 0.5) / (v[i] - v[j])
    return float(s[i] + t * (s[j] - s[i]))


@dataclass(frozen=True)
class CrossSection:
    """A band measured square across its course: the coloured width, and with its casing."""

    colour_px: float
    outer_px: float
    at: tuple[float, float]

    @property
    def outline_px(self) -> float:
        """The width between the casing's middles: the symbol's outline, which the casing is centred on."""
        return (self.colour_px + self.outer_px) / 2


def cross_section(img: np.ndarray, line_px, at: float, colour: str, half_px: float, px_per_mm: float,
                  casing: str = "#ffffff", step: float = 0.1) -> CrossSection | None:
    """The band of ``colour`` (about ``half_px`` wide each side) around ``line_px`` (page pixels) at
    ``at`` pixels along it, measured on a line square to its course; None where that line does not
    show a clean band: the colour, its casing, then an even ground 0.5-1 mm beyond its edge (not a
    label, a coast or another flow)."""
    reach = 2.5 * half_px + 1.5 * px_per_mm  # room for a band drawn up to twice as wide as expected
    p = np.asarray(line_px.interpolate(at).coords[0])
    a = np.asarray(line_px.interpolate(max(at - 3, 0)).coords[0])
    b = np.asarray(line_px.interpolate(min(at + 3, line_px.length)).coords[0])
    t = (b - a) / np.hypot(*(b - a))
    n = np.array([-t[1], t[0]])
    s = np.arange(-reach, reach + step / 2, step)
    values = sample(img, p[0] + s * n[0], p[1] + s * n[1])
    c, w = rgb(colour), rgb(casing)
    inside = share(values, w, c)
    mid = int(np.argmin(np.abs(s)))
    if inside[mid] < 0.5:
        return None
    lo = mid
    while lo > 0 and inside[lo - 1] >= 0.5:
        lo -= 1
    hi = mid
    while hi < len(s) - 1 and inside[hi + 1] >= 0.5:
        hi += 1
    if lo == 0 or hi == len(s) - 1:
        return None
    edges = [_crossing(s, inside, lo, lo - 1), _crossing(s, inside, hi, hi + 1)]
    near, far = int(0.5 * px_per_mm / step), int(1.0 * px_per_mm / step)
    outer = []
    for start, direction in ((lo - 1, -1), (hi + 1, 1)):
        ends = sorted((start + direction * near, start + direction * far))
        if ends[0] < 0 or ends[1] >= len(s):
            return None
        side = values[ends[0]:ends[1] + 1]
        ground = np.median(side, axis=0)
        if np.abs(side - ground).max() > 10 or np.abs(w - ground).max() < 12 or np.abs(ground - c).max() < 30:
            return None  # not an even ground, or one the casing or the colour cannot be told from
        white = share(values, ground, w)
        k, stop = start, start + direction * near
        while k != stop and white[k] < 0.5:
            k += direction
        if k == stop:
            return None
        while k + direction != stop and white[k + direction] >= 0.5:
            k += direction
        if k + direction == stop:
            return None
        outer.append(_crossing(s, white, k, k + direction))
    return CrossSection(edges[1] - edges[0], outer[1] - outer[0], (float(p[0]), float(p[1])))


ALONG = tuple(np.linspace(0.2, 0.7, 11))
"""Where a band's body is measured, as shares of its length (clear of its start and its arrowhead)."""


def band_widths(img: np.ndarray, line_px, colour: str, half_px: float, body_px: float, px_per_mm: float,
                fractions=ALONG, least: int = 3) -> list[CrossSection]:
    """Cross-sections of one band at several places along its body (``body_px`` long, arrowhead
    excluded); only those on an even ground are kept, and at least ``least`` must be."""
    found = [cross_section(img, line_px, f * body_px, colour, half_px, px_per_mm) for f in fractions]
    found = [x for x in found if x is not None]
    assert len(found) >= least, f"only {len(found)} clean cross-sections of the {colour} band"
    return found


def median_width(sections: list[CrossSection], kind: str = "outline_px") -> float:
    return float(np.median([getattr(x, kind) for x in sections]))


# -- bars (legend samples) ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Bar:
    top: int
    bottom: int
    left: float
    right: float
    thickness: float
    """Coloured thickness, in pixels (antialiased edges counted by their share)."""

    @property
    def length(self) -> float:
        return self.right - self.left


def bars_in(img: np.ndarray, box: tuple[float, float, float, float], colour: str, min_length_px: float,
            tolerance: float = 24.0) -> list[Bar]:
    """Horizontal bars of ``colour`` at least ``min_length_px`` long in ``box`` (x0, y0, x1, y1), top down."""
    x0, y0, x1, y1 = (round(v) for v in box)
    crop = img[y0:y1, x0:x1]
    c = rgb(colour)
    near = np.abs(crop - c).max(axis=2) <= tolerance
    rows = [longest_run(line) >= min_length_px for line in near]
    bars, y = [], 0
    while y < len(rows):
        if not rows[y]:
            y += 1
            continue
        top = y
        while y < len(rows) and rows[y]:
            y += 1
        bars.append(_measure_bar(crop, near, top, y, c, x0, y0))
    return bars


def longest_run(flags: np.ndarray) -> int:
    """The longest run of True in a row of flags."""
    edges = np.flatnonzero(np.diff(np.r_[0, flags.astype(np.int8), 0]))
    return int((edges[1::2] - edges[::2]).max()) if len(edges) else 0


def _measure_bar(crop, near, top, bottom, c, x0, y0) -> Bar:
    core = near[top:bottom].all(axis=0)
    xs = np.flatnonzero(core)
    # the longest run of columns that are the colour all the way down the bar
    runs = np.split(xs, np.flatnonzero(np.diff(xs) > 1) + 1)
    run = max(runs, key=len)
    a, b = int(run[0]), int(run[-1])
    # thickness: the colour's share of each pixel, summed down the middle columns
    lo, hi = max(top - 6, 0), min(bottom + 6, crop.shape[0])
    middle = crop[lo:hi, (a + b) // 2 - 5:(a + b) // 2 + 5]
    ground = np.median(np.concatenate([crop[max(lo - 4, 0):lo, a:b].reshape(-1, 3),
                                       crop[hi:hi + 4, a:b].reshape(-1, 3)]), axis=0)
    thickness = float(np.clip(share(middle, ground, c), 0, 1).sum(axis=0).mean())
    # length: the same along the middle row, past the full columns to either end
    row = crop[(top + bottom) // 2, max(a - 8, 0):b + 9]
    covered = np.clip(share(row, ground, c), 0, 1)
    left = x0 + max(a - 8, 0) + float(np.flatnonzero(covered > 0.02)[0])
    return Bar(y0 + top, y0 + bottom, left, left + float(covered.sum()), thickness)


# -- text --------------------------------------------------------------------------------------------
def ink(text: str, font, rect: tuple[float, float, float, float], shape: tuple[int, int],
        origin: tuple[int, int], device_dpm: tuple[int, int] | None = None) -> np.ndarray:
    """Where ``text`` puts ink (0-1) when drawn as the map draws labels (draw_halo_text, here without a
    halo): centred in ``rect`` (page pixels) with ``font``, on an image of ``device_dpm`` dots per metre
    (the page's); an array of ``shape`` (h, w) whose top left is the page pixel ``origin``."""
    from gui.painting import draw_halo_text

    h, w = shape
    image = QImage(w, h, QImage.Format.Format_RGB32)
    if device_dpm is not None:
        image.setDotsPerMeterX(device_dpm[0])
        image.setDotsPerMeterY(device_dpm[1])
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.translate(-origin[0], -origin[1])
    x0, y0, x1, y1 = rect
    draw_halo_text(p, QRectF(x0, y0, x1 - x0, y1 - y0), text, font, QColor("#000000"), QColor("#ffffff"), 0.0)
    p.end()
    return 1.0 - pixels(image).astype(float).mean(axis=2) / 255.0


def dilate(mask: np.ndarray, r: int) -> np.ndarray:
    """``mask`` grown by a disc of radius ``r`` pixels."""
    out = mask.copy()
    h, w = mask.shape
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dx * dx + dy * dy > r * r:
                continue
            src = mask[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
            out[max(dy, 0):h - max(-dy, 0), max(dx, 0):w - max(-dx, 0)] |= src
    return out


@dataclass(frozen=True)
class TextMeasure:
    text: str
    glyphs: str
    """The median colour of the glyphs' inner pixels."""
    around: str
    """The median colour of the pixels just outside the glyphs."""
    contrast: float
    worst_part: float
    """The lowest contrast of the word's thirds (left, middle, right), each measured alone."""
    halo: float
    """The share of the pixels around the glyphs that are near white (a halo under them)."""
    worst_halo: float
    """That share in the word's thirds, the lowest (a halo cut short leaves the word's end bare)."""
    match: float
    """The share of the glyph pixels that stand apart from what is around them (1: the text is where its
    box says, in the font tried)."""


def measure_text(img: np.ndarray, text: str, font, rect, px_per_mm: float, ring_mm: float = 0.3, gap_px: int = 1,
                 device_dpm=None, white_from: float = 240.0, search_px: int = 0) -> TextMeasure:
    """The rendered contrast of ``text`` drawn in ``rect``: its glyph pixels (where the same text, drawn
    alone, puts full ink) against the pixels ``gap_px`` to ``ring_mm`` outside them (where its halo is).
    With ``search_px``, the glyphs are looked for up to that many pixels off (another rasteriser, a PDF
    viewer's, may set them a pixel apart): where they stand out most from what is around them."""
    pad = int(2 * ring_mm * px_per_mm) + 4 + search_px
    x0, y0, x1, y1 = rect
    ox, oy = int(np.floor(x0)) - pad, int(np.floor(y0)) - pad
    w, h = int(np.ceil(x1)) + pad - ox, int(np.ceil(y1)) + pad - oy
    drawn = ink(text, font, rect, (h, w), (ox, oy), device_dpm)
    glyph = drawn >= 0.9
    touched = dilate(drawn > 0.02, gap_px)
    ring = dilate(drawn > 0.02, max(gap_px + 1, round(ring_mm * px_per_mm))) & ~touched
    assert glyph.sum() > 10 and ring.sum() > 10, f"{text!r}: no glyphs drawn"

    def contrast(crop, mask_g, mask_r) -> tuple[str, str, float]:
        g, r = hex_of(np.median(crop[mask_g], axis=0)), hex_of(np.median(crop[mask_r], axis=0))
        return g, r, contrast_ratio(g, r)

    shifts = [(dx, dy) for dy in range(-search_px, search_px + 1) for dx in range(-search_px, search_px + 1)]
    crops = {(dx, dy): img[oy + dy:oy + dy + h, ox + dx:ox + dx + w].astype(float) for dx, dy in shifts}
    crop = crops[max(shifts, key=lambda d: (contrast(crops[d], glyph, ring)[2], -abs(d[0]) - abs(d[1])))]
    glyphs, around, ratio = contrast(crop, glyph, ring)
    cols = np.flatnonzero(glyph.any(axis=0))
    white = crop.min(axis=2) >= white_from
    parts, halos = [], []
    for part in np.array_split(np.arange(cols.min(), cols.max() + 1), 3):
        m = np.zeros_like(glyph)
        m[:, part] = True
        if (glyph & m).sum() > 5 and (ring & m).sum() > 5:
            parts.append(contrast(crop, glyph & m, ring & m)[2])
            halos.append(float(white[ring & m].mean()))
    # do these glyphs show here? their pixels stand apart from what is around them
    lum = crop.mean(axis=2)
    g, r = np.median(lum[glyph]), np.median(lum[ring])
    match = float(np.mean(np.abs(lum[glyph] - r) > 0.5 * abs(g - r))) if g != r else 0.0
    return TextMeasure(text, glyphs, around, ratio, min(parts), float(white[ring].mean()), min(halos), match)


def _ink_box(ink_share: np.ndarray, pad: int = 3) -> np.ndarray | None:
    """``ink_share`` cut to where it is at least half inked, ``pad`` pixels more on every side."""
    ys, xs = np.nonzero(ink_share >= 0.5)
    if not len(ys):
        return None
    padded = np.pad(ink_share, pad)
    return padded[ys.min():ys.max() + 1 + 2 * pad, xs.min():xs.max() + 1 + 2 * pad]


def read_text(img: np.ndarray, region: tuple[float, float, float, float], candidates: list[str], fonts: list,
              device_dpm: tuple[int, int] | None = None, dark_below: float = 128.0) -> tuple[str, float]:
    """Which of ``candidates`` is written (dark on a light ground) in ``region`` (x0, y0, x1, y1) of the
    page, in one of ``fonts``: the text whose ink, set alone, best matches the ink there, their ink's
    boxes aligned to within 2 px; returns it and how well it matches (the shared ink over the ink of
    either, 1 = pixel for pixel)."""
    from PySide6.QtGui import QFontMetricsF

    x0, y0, x1, y1 = (round(v) for v in region)
    lum = img[y0:y1, x0:x1].mean(axis=2)
    ground, dark = np.percentile(lum, 90), lum.min()
    assert dark < dark_below, f"nothing written in {region}"
    seen = _ink_box(np.clip((ground - lum) / max(ground - dark, 1.0), 0, 1))
    best = ("", 0.0)
    for text in candidates:
        for font in fonts:
            fm = QFontMetricsF(font)
            w, h = int(4 * fm.horizontalAdvance(text)) + 40, int(4 * fm.height()) + 40  # whatever the device's dpi
            for phase in ((0, 0), (0.5, 0), (0, 0.5), (0.5, 0.5)):  # where a glyph's edge falls in its pixel
                drawn = _ink_box(ink(text, font, (10 + phase[0], 10 + phase[1], w - 10, h - 10), (h, w), (0, 0),
                                     device_dpm))
                if drawn is None:
                    continue
                hh, ww = max(drawn.shape[0], seen.shape[0]) + 4, max(drawn.shape[1], seen.shape[1]) + 4
                a = np.zeros((hh, ww))
                a[2:2 + seen.shape[0], 2:2 + seen.shape[1]] = seen
                for dy in range(5):
                    for dx in range(5):
                        b = np.zeros((hh, ww))
                        b[dy:dy + drawn.shape[0], dx:dx + drawn.shape[1]] = drawn
                        score = float(np.minimum(a, b).sum() / np.maximum(a, b).sum())
                        if score > best[1]:
                            best = (text, score)
    return best


@dataclass(frozen=True)
class ScaleBar:
    left: float
    right: float
    """The bar's ends, at the middles of its end strokes (its outline's own width not counted)."""
    top: float
    bottom: float
    stroke: float
    """The outline's width, read from the right end's stroke."""

    @property
    def length(self) -> float:
        return self.right - self.left


def scale_bar_in(img: np.ndarray, box: tuple[float, float, float, float], colour: str,
                 min_length_px: float) -> ScaleBar:
    """The scale bar in ``box``: the rows where ``colour`` runs unbroken for at least ``min_length_px``
    are its top and bottom outline; along a row through its middle, the left end is the outer edge of
    its first (dark) segment plus half the outline, the right end the middle of the stroke that
    closes its last (white) segment."""
    x0, y0, x1, y1 = (round(v) for v in box)
    crop = img[y0:y1, x0:x1]
    c = rgb(colour)
    near = crop.mean(axis=2) <= (c.mean() + 255) / 2  # dark: more than half the way from white to the bar's colour
    spans = {}
    for y in range(crop.shape[0]):
        xs = np.flatnonzero(near[y])
        if len(xs):
            run = max(np.split(xs, np.flatnonzero(np.diff(xs) > 1) + 1), key=len)
            if len(run) >= min_length_px:
                spans[y] = (int(run[0]), int(run[-1]) + 1)
    assert spans, f"no scale bar {min_length_px:.0f} px long in {box}"
    longest = max(b - a for a, b in spans.values())
    outline = sorted(y for y, (a, b) in spans.items() if b - a >= longest - 3)  # not a partly covered edge row
    top, bottom = outline[0], outline[-1]
    assert bottom - top > 4, f"the scale bar in {box} has no height: rows {outline}"
    a, b = spans[top]
    assert a > 12 and b < crop.shape[1] - 12, f"the scale bar runs out of its box {box}: columns {a}-{b} of {crop.shape[1]}"
    row = crop[(top + bottom) // 2].astype(float)
    x = np.arange(len(row)) + 0.5
    left_ground = np.median(row[max(a - 12, 0):max(a - 4, 1)], axis=0)
    right_ground = np.median(row[b + 4:b + 12], axis=0)
    left = _rise(x[:a + 8], np.clip(share(row[:a + 8], left_ground, c), 0, 1))
    end = slice(b - 16, min(b + 10, len(row)))
    outer = _fall(x[end], np.clip(share(row[end], right_ground, c), 0, 1))
    inner = _rise(x[end], np.clip(share(row[end], WHITE, c), 0, 1))
    stroke = outer - inner
    return ScaleBar(x0 + left + stroke / 2, x0 + (outer + inner) / 2, y0 + top, y0 + bottom, stroke)


def _rise(x: np.ndarray, v: np.ndarray) -> float:
    """Where ``v`` first rises through 0.5, between samples."""
    assert (v >= 0.5).any(), "no edge where one was looked for"
    k = int(np.flatnonzero(v >= 0.5)[0])
    assert k > 0, "no edge: the profile starts inside"
    t = (0.5 - v[k - 1]) / (v[k] - v[k - 1])
    return float(x[k - 1] + t * (x[k] - x[k - 1]))


def _fall(x: np.ndarray, v: np.ndarray) -> float:
    """Where ``v`` last falls through 0.5, between samples."""
    assert (v >= 0.5).any(), "no edge where one was looked for"
    k = int(np.flatnonzero(v >= 0.5)[-1])
    assert k < len(v) - 1, "no edge: the profile ends inside"
    t = (v[k] - 0.5) / (v[k] - v[k + 1])
    return float(x[k] + t * (x[k + 1] - x[k]))
