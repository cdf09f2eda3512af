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


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@dataclass(frozen=True)
class TextLine:
    """One line of a text: its logical-order string and where its anchor and baseline are."""

    text: str
    x: float
    y: float


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


def _text_element(parent: ET.Element, item: MapText, attrs: dict[str, str]) -> ET.Element:
    """A <text> of ``item``'s lines: its string directly when it has one line, else one <tspan> a line."""
    element = ET.SubElement(parent, f"{{{SVG_NS}}}text", attrs)
    if len(item.lines) == 1:
        line = item.lines[0]
        element.set("x", _number(line.x))
        element.set("y", _number(line.y))
        element.set(XML_SPACE, "preserve")
        element.text = line.text
        return element
    for k, line in enumerate(item.lines):
        span = ET.SubElement(element, f"{{{SVG_NS}}}tspan",
                             {"x": _number(line.x), "y": _number(line.y), XML_SPACE: "preserve"})
        span.text = line.text
        if k < len(item.lines) - 1:
            span.tail = "\n"  # removed by SVG's default white-space handling; keeps the lines apart as text
    return element


def text_group(item: MapText) -> ET.Element:
    """``<g>`` holding the halo (if any) and the text, with the font, anchor and direction on the group."""
    attrs = {
        "class": "crossings-label",
        f"{{{INKSCAPE_NS}}}label": " ".join(item.string.split())[:80],
        "font-family": font_family_value(item.families),
        "font-size": _number(item.size),
        "font-weight": "bold" if item.weight >= BOLD else "normal",
        "font-style": "normal" if item.upright else "italic",
        "text-anchor": item.anchor,
        # unhinted outlines at fractional positions, as the PNG sets them (a browser's whole-pixel
        # advances made the title 3 % wider at screen sizes)
        "text-rendering": "geometricPrecision",
    }
    if item.rtl:
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
        _text_element(group, item, halo)
    fill = {"fill": item.colour}
    if item.colour_opacity < 1:
        fill["fill-opacity"] = _number(item.colour_opacity)
    _text_element(group, item, fill)
    return group
