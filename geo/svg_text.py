"""Map texts as SVG text elements: what an editor can correct and another machine can draw.

The renderer decides where every text goes; an SVG export records those texts (``gui.svg_text_recorder``)
and writes them here as real ``<text>``: one element per label with its logical-order string, so an
Arabic name is shaped by the client from the embedded Arabic face instead of arriving as words
placed one by one. A halo is a stroked copy of the same text drawn first, in the label's own group:

- SVG 1.1 stroke, stroke-width and stroke-linejoin are honoured by Inkscape, Illustrator and every
  browser. ``paint-order`` (SVG 2) is not read by Illustrator's importer, which would draw the halo's
  stroke over the letters; so the copy, not paint-order.
- halo and text share one ``<g>``: moving or deleting a label takes its halo along, and the
  group's label in Inkscape's Objects panel names the text.

Arabic has no italic: a text with Arabic letters is set upright even where the Latin map uses
italics (an oblique Arabic face is a synthetic slant that distorts the letters).

Each text carries SVG 1.1 ``textLength``, its advance as the renderer set it in the bundled face,
with ``lengthAdjust="spacingAndGlyphs"``. Inkscape 1.2 reads no embedded font (only font files beside
the document, which would make the export more than one file): without Noto it set the texts in
another face, DejaVu Sans, the title a tenth wider, and the Arabic title, right-aligned in a box at
the page's left, ran off the page. textLength scales whatever face the client has to the renderer's
width; spacingAndGlyphs scales the glyphs, where spacing alone pulls Arabic's joined letters apart.
With the embedded face (browsers) it is nearly a no-op: it takes up the 0.7 % by which Chromium set
the title narrower than Qt. A right-to-left line mixing runs cannot be fitted (:func:`fitted_strings`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
GENERIC_FAMILY = "sans-serif"
"""Last in every font-family list: what a client without any of the named faces falls back to."""

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
BOLD = 700
REGULAR = 400
LRM, RLE, PDF = "\u200e", "\u202b", "\u202c"
"""Unicode's left-to-right mark, right-to-left embedding and its end: invisible, they steer the bidi order."""
_FLIPPED = {"start": "end", "end": "start", "middle": "middle"}


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@dataclass(frozen=True)
class TextLine:
    """One line of a text: its logical-order string and where its anchor and baseline are."""

    text: str
    x: float
    y: float
    width: float | None = None
    """Its advance as the renderer set it in the bundled face (None: not measured): the textLength."""
    runs: str = "mixed"
    """Which way its bidi runs go as the renderer laid it out: 'ltr', 'rtl', or 'mixed' (both, or not known)."""


@dataclass(frozen=True)
class Halo:
    """A soft outline around the letters: it reaches ``width`` pixels beyond them."""

    colour: str
    opacity: float
    width: float


@dataclass(frozen=True)
class MapText:
    """One text as the renderer placed it, in page pixels (``transform``: an SVG matrix, or None)."""

    lines: tuple[TextLine, ...]
    families: tuple[str, ...]
    size: float
    weight: int
    italic: bool
    colour: str
    colour_opacity: float = 1.0
    anchor: str = "start"
    """SVG text-anchor: 'start', 'middle' or 'end' (start is the right end of a right-to-left text)."""
    rtl: bool = False
    opacity: float = 1.0
    halo: Halo | None = None
    letter_spacing: float = 0.0
    transform: tuple[float, float, float, float, float, float] | None = None

    @property
    def string(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def upright(self) -> bool:
        """Set upright: not italic, or Arabic (which has no italic)."""
        return not self.italic or has_arabic(self.string)


def _number(value: float) -> str:
    """Coordinates to a hundredth of a pixel: far below what prints, and short."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def font_family_value(families: tuple[str, ...]) -> str:
    return ", ".join([*(f"'{name}'" for name in families), GENERIC_FAMILY])


def fitted_strings(item: MapText) -> tuple[tuple[str, ...], bool] | None:
    """The strings to write for ``item``'s lines and whether their paragraph is right to left, so
    that Inkscape 1.2 fits them to their textLength; None for a text it cannot fit.

    Inkscape 1.2 takes a text's natural length to be where its last bidi run ends. In a
    right-to-left paragraph that is the left edge, 0, and it scales the text by textLength / 0:
    drawn nowhere, or smeared across the page. So a right-to-left text whose lines each run one way
    is written as a left-to-right paragraph: an Arabic line embedded right to left (RLE ... PDF keeps
    its neutrals, a trailing "*" or ")", in its run, as in the right-to-left paragraph) and closed by
    a zero-width left-to-right mark, whose run ends at the line's right end. A line mixing runs
    (Arabic with figures) cannot be: Inkscape orders runs by their direction, not their embedding
    level, and would swap its words and figures; it keeps its right-to-left paragraph and no
    textLength, and is set in the face the client has (Chromium draws it from the embedded font)."""
    if any(line.width is None for line in item.lines):
        return None
    if not item.rtl:  # a left-to-right paragraph ends where its last run ends if that run goes left to right
        return tuple(line.text if line.runs == "ltr" else line.text + LRM for line in item.lines), False
    if any(line.runs not in ("ltr", "rtl") for line in item.lines):
        return None
    return tuple(RLE + line.text + PDF + LRM if line.runs == "rtl" else line.text for line in item.lines), False


def _text_element(parent: ET.Element, item: MapText, strings: tuple[str, ...], fitted: bool,
                  attrs: dict[str, str]) -> ET.Element:
    """A <text> of ``item``'s lines: its string directly when it has one line, else one <tspan> a line."""
    element = ET.SubElement(parent, f"{{{SVG_NS}}}text", attrs)
    if fitted:
        # Inkscape reads textLength on a <text> only, and with several lines fits their summed length
        element.set("textLength", _number(sum(line.width for line in item.lines)))
        element.set("lengthAdjust", "spacingAndGlyphs")
    if len(item.lines) == 1:
        line = item.lines[0]
        element.set("x", _number(line.x))
        element.set("y", _number(line.y))
        element.set(XML_SPACE, "preserve")
        element.text = strings[0]
        return element
    for k, (line, string) in enumerate(zip(item.lines, strings, strict=True)):
        span = ET.SubElement(element, f"{{{SVG_NS}}}tspan",
                             {"x": _number(line.x), "y": _number(line.y), XML_SPACE: "preserve"})
        span.text = string
        if k < len(item.lines) - 1:
            span.tail = "\n"  # removed by SVG's default white-space handling; keeps the lines apart as text
    return element


def text_group(item: MapText) -> ET.Element:
    """``<g>`` holding the halo (if any) and the text, with the font, anchor and direction on the group."""
    fit = fitted_strings(item)
    strings, rtl = fit if fit is not None else (tuple(line.text for line in item.lines), item.rtl)
    attrs = {
        "class": "crossings-label",
        f"{{{INKSCAPE_NS}}}label": " ".join(item.string.split())[:80],
        "font-family": font_family_value(item.families),
        "font-size": _number(item.size),
        "font-weight": "bold" if item.weight >= BOLD else "normal",
        "font-style": "normal" if item.upright else "italic",
        "text-anchor": item.anchor if rtl == item.rtl else _FLIPPED[item.anchor],
        # unhinted outlines at fractional positions, as the PNG sets them (a browser's whole-pixel
        # advances made the title 3 % wider at screen sizes)
        "text-rendering": "geometricPrecision",
    }
    if rtl:
        attrs["direction"] = "rtl"
        attrs["unicode-bidi"] = "embed"
    if item.letter_spacing:
        attrs["letter-spacing"] = _number(item.letter_spacing)
    if item.opacity < 1:
        attrs["opacity"] = _number(item.opacity)
    if item.transform is not None:
        attrs["transform"] = "matrix(" + ",".join(f"{v:.6g}" for v in item.transform) + ")"
    group = ET.Element(f"{{{SVG_NS}}}g", attrs)
    if item.halo is not None:
        halo = {"class": "crossings-halo", "fill": "none", "stroke": item.halo.colour,
                "stroke-width": _number(2 * item.halo.width), "stroke-linejoin": "round"}
        if item.halo.opacity < 1:
            # the whole halo at once, as the PNG's: stroke-opacity would double where letters' halos overlap
            halo["opacity"] = _number(item.halo.opacity)
        _text_element(group, item, strings, fit is not None, halo)
    fill = {"fill": item.colour}
    if item.colour_opacity < 1:
        fill["fill-opacity"] = _number(item.colour_opacity)
    _text_element(group, item, strings, fit is not None, fill)
    return group
