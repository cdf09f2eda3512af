"""Colour arithmetic for legibility: WCAG contrast, alpha blending, and colour-vision simulation."""

from __future__ import annotations

import numpy as np


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """'#rrggbb' to 0–1 floats."""
    h = hex_colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"colour {hex_colour!r} is not #rrggbb")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def to_hex(c) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02x}" for v in c)


def _linear(c):
    c = np.asarray(c, float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _gamma(c):
    c = np.clip(np.asarray(c, float), 0, 1)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)


def luminance(hex_colour: str) -> float:
    r, g, b = _linear(rgb(hex_colour))
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio (1–21); 4.5 is the minimum for normal text."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: str, alpha: float, bottom: str) -> str:
    """``top`` painted with ``alpha`` over ``bottom``."""
    t, b = np.array(rgb(top)), np.array(rgb(bottom))
    return to_hex(alpha * t + (1 - alpha) * b)


def readable_on(colour: str, background: str, minimum: float = 4.5) -> str:
    """``colour`` darkened just enough (keeping its hue) to reach ``minimum`` contrast on ``background``."""
    c = np.array(rgb(colour))
    for _ in range(60):
        hx = to_hex(c)
        if contrast_ratio(hx, background) >= minimum:
            return hx
        c = c * 0.93
    return "#000000"


def apart_from(colour: str, other: str, background: str, least_de: float, minimum: float = 4.5) -> str:
    """``colour``, or lightened (towards white, keeping its hue) just enough to stand ``least_de`` (CIE76)
    apart from ``other`` while it keeps ``minimum`` contrast on ``background``; ``colour`` itself where
    it is apart already, or where no lighter one stays readable."""
    if delta_e(colour, other) >= least_de:
        return colour
    for k in range(1, 26):
        lighter = blend("#ffffff", 0.02 * k, colour)
        if contrast_ratio(lighter, background) < minimum:
            return colour
        if delta_e(lighter, other) >= least_de:
            return lighter
    return colour


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
_CVD = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}


def simulate_cvd(hex_colour: str, kind: str) -> str:
    """How ``hex_colour`` looks with a colour-vision deficiency (protanopia, deuteranopia, tritanopia)."""
    lin = _linear(rgb(hex_colour))
    return to_hex(_gamma(_CVD[kind] @ lin))


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference in CIELAB (D65); about 10 or more reads as clearly different."""
    return float(np.linalg.norm(_lab(a) - _lab(b)))


def _lab(hex_colour: str) -> np.ndarray:
    r, g, b = _linear(rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


# -- Qt's darker(), without Qt: the painter, the GeoPackage fields and the web map darken alike ------
def darker(hex_colour: str, factor: int) -> str:
    """Qt's ``QColor(hex_colour).darker(factor).name()`` without Qt, so the label colour written
    here is the very one the painter sets: Qt divides the HSV value by ``factor`` / 100 in its
    16-bit channels and single precision, and names a channel rounded to 8 bits."""
    if factor < 100:
        raise ValueError(f"darker() needs a factor of 100 or more, not {factor}")
    f32, full = np.float32, np.float32(65535)
    r, g, b = (f32(int(hex_colour.lstrip("#")[i:i + 2], 16) * 0x101) / full for i in (0, 2, 4))
    top, delta = max(r, g, b), max(r, g, b) - min(r, g, b)
    value = _qround(top * full) * 100 // factor
    if abs(delta) <= 1e-5:  # grey: no hue
        channels = (value,) * 3
    else:
        saturation = _qround(delta / top * full)
        h = (g - b) / delta if r == top else (f32(2) + (b - r) / delta if g == top else f32(4) + (r - g) / delta)
        h = h * f32(60)
        channels = _hsv_to_rgb16(_qround((h + f32(360) if h < 0 else h) * f32(100)), saturation, value)
    return "#" + "".join(f"{round(c / 257):02x}" for c in channels)


def _qround(x: np.float32) -> int:
    """Qt's qRound of a float: halves away from zero (Python's round() goes to the even one)."""
    return int(x + np.float32(0.5))


def _hsv_to_rgb16(centidegrees: int, saturation: int, value: int) -> tuple[int, int, int]:
    """Qt's 16-bit HSV to 16-bit RGB."""
    f32, full = np.float32, np.float32(65535)
    h = f32(0) if centidegrees == 36000 else f32(centidegrees) / f32(6000)
    s, v = f32(saturation) / full, f32(value) / full
    i = int(h)
    frac = h - f32(i)
    p = v * (f32(1) - s)
    q = v * (f32(1) - s * frac)
    t = v * (f32(1) - s * (f32(1) - frac))
    rgb = {0: (v, t, p), 1: (q, v, p), 2: (p, v, t), 3: (p, q, v), 4: (t, p, v), 5: (v, p, q)}[i]
    return tuple(_qround(c * full) for c in rgb)


VALUE_LABEL_DARKER = 125
OUTLINE_DARKER = 115
"""A figure inside another is outlined, dashed, in its flow's colour made darker by this Qt factor."""
"""A figure is written in its flow's colour made darker by this Qt factor, then made readable on its ground."""


def value_label_colour(flow_colour: str, ground: str) -> str:
    """The colour a figure is printed in beside its flow: the flow's colour darkened (so the figure
    reads as the flow's), then darkened further until it reaches 4.5:1 on ``ground``. The painter,
    the GeoPackage's ``label_colour`` and the web map's labels all take it from here."""
    return readable_on(darker(flow_colour, VALUE_LABEL_DARKER), ground)


# -- qualitative palettes for categories (a point layer's category column) ------------------------------
QUALITATIVE_PALETTES: dict[str, tuple[str, ...]] = {
    # Paul Tol's "muted" scheme (personal.sron.nl/~pault), reordered darkest first: a map with a few
    # categories gets the colours that read as dots on the pale land, the pale sand comes last.
    "tol_muted": ("#332288", "#117733", "#cc6677", "#88ccee", "#882255", "#44aa99", "#999933", "#aa4499",
                  "#ddcc77"),
    # Okabe & Ito (2008): the routes' colours too, so a map with flows reads better with tol_muted.
    "okabe_ito": ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000"),
    # Paul Tol's "bright" scheme, without its grey (the 'other' bucket's colour).
    "tol_bright": ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377"),
}
"""Named qualitative palettes, each distinguishable with every common colour-vision deficiency."""
DEFAULT_PALETTE = "tol_muted"
OTHER_COLOUR = "#bbbbbb"
"""The colour of the categories beyond a palette's length, drawn as one 'other' bucket: Paul Tol's grey,
which stays apart (ΔE ≥ 10) from every colour of every palette with each colour-vision deficiency."""


# -- route groups the style names no colour for -------------------------------------------------------
# Colours a new route group may take, in order: the four the style kept for them, then Paul Tol's muted
# and bright schemes. Each is taken only if it stands apart from every colour already on the map's
# routes (``MIN_GROUP_DELTA_E``), so a new group never borrows the Atlantic's blue or a near twin.
GROUP_CANDIDATES: tuple[str, ...] = ("#009e73", "#56b4e9", "#f0e442", "#999999",
                                     *QUALITATIVE_PALETTES["tol_muted"], *QUALITATIVE_PALETTES["tol_bright"])
# CIE76 difference two groups' colours keep, seen normally and with deuteranopia (the commonest
# deficiency): Okabe–Ito's blue and Tol's bright blue (#0072b2, #4477aa, 9.5 apart) read as one, and so
# do its sky blue and Tol's muted cyan (#56b4e9, #88ccee, 14.4).
MIN_GROUP_DELTA_E = 20.0


def group_palette(groups, fixed: dict[str, str]) -> dict[str, str]:
    """A colour for each of ``groups`` (in the order given: the routes layer's): those ``fixed`` names
    keep theirs; each other takes the first candidate that stands apart from every colour taken so far
    and from all the fixed ones (a group of the series absent from this map keeps its colour for the
    next). When none is left, the candidates are used again in turn.

    It was a hash of the group's name into four colours: two of any two new groups shared a colour one
    time in four, and six groups drew G1 and G5 in one green and G0 and G4 in one grey, each with a
    legend entry of its own."""
    taken = [c.lower() for c in fixed.values()]
    out: dict[str, str] = {}
    spare = 0
    for group in dict.fromkeys(groups):
        if group in fixed:
            out[group] = fixed[group]
            continue
        colour = next((c for c in GROUP_CANDIDATES if _apart(c, taken)), None)
        if colour is None:  # more groups than colours that can be told apart
            colour, spare = GROUP_CANDIDATES[spare % len(GROUP_CANDIDATES)], spare + 1
        taken.append(colour)
        out[group] = colour
    return out


def _apart(colour: str, taken: list[str]) -> bool:
    seen = simulate_cvd(colour, "deuteranopia")
    return all(delta_e(colour, t) >= MIN_GROUP_DELTA_E and delta_e(seen, simulate_cvd(t, "deuteranopia")) >= MIN_GROUP_DELTA_E
               for t in taken)
