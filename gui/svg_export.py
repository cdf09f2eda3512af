"""The layered SVG: the one renderer's shapes through QSvgGenerator, its texts as editable SVG text.

QSvgGenerator writes one anonymous group per painter state and knows nothing of layers, so each
layer is painted in its own pass (the full layout is computed every time, so labels still avoid
flows) and the passes are merged under ``<g id=... inkscape:groupmode="layer">`` (Inkscape layers;
Illustrator reads the ids). Every pass paints through a :class:`TextRecordingPainter`: shapes go to
the generator, texts are written by :mod:`geo.svg_text` into their layer, above its shapes, with
the fonts they use embedded and subset (:mod:`geo.svg_fonts`). No text sits in a clip path.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from geo.atomic import write_made
from geo.document import MapDocument
from geo.errors import ExportError
from geo.map_texts import map_title
from geo.svg_fonts import font_face_css
from geo.svg_text import INKSCAPE_NS, SVG_NS, MapText, text_group
from gui.render import PHASES, RenderOptions

LAYER_LABELS = {
    "background": "Sea and graticule",
    "countries": "Countries",
    "routes": "Routes and flows",
    "places": "Places",
    "labels": "Labels",
    "furniture": "Title, legend and sources",
}
_DROPPED = ("title", "desc")
"""What each pass writes that the merged file says once (its own <title>)."""


def export_svg(doc: MapDocument, path: str | Path, settings) -> Path:
    """Write the layered SVG of ``settings`` (a VectorExportSettings) to ``path``, all or nothing."""
    return write_made(path, lambda: svg_bytes(doc, settings))


def svg_bytes(doc: MapDocument, settings) -> bytes:
    """The SVG document: a <title>, the embedded fonts, then one Inkscape layer per phase."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("inkscape", INKSCAPE_NS)
    root = None
    texts: list[MapText] = []
    for phase in PHASES:
        svg, phase_texts = _svg_pass(doc, settings, frozenset({phase}))
        # every pass numbers its clip paths from 1: make the ids unique across layers
        prefix = phase.encode() + b"-clip"
        svg = re.sub(rb'(id="|url\(#)clipPath(\d+)', lambda m, p=prefix: m.group(1) + p + m.group(2), svg)
        tree = ET.fromstring(svg)
        if root is None:
            root = ET.Element(f"{{{SVG_NS}}}svg", dict(tree.attrib.items()))
            root.set("version", "1.1")
            ET.SubElement(root, f"{{{SVG_NS}}}title").text = map_title(doc)
        group = ET.SubElement(root, f"{{{SVG_NS}}}g", {
            "id": phase, f"{{{INKSCAPE_NS}}}groupmode": "layer", f"{{{INKSCAPE_NS}}}label": LAYER_LABELS[phase]})
        for child in tree:
            if child.tag.split("}")[-1] not in _DROPPED and not _empty(child):
                group.append(child)
        group.extend(text_group(item) for item in phase_texts)
        texts += phase_texts
    css = _embedded_fonts(texts)
    if css:
        defs = ET.Element(f"{{{SVG_NS}}}defs", {"id": "fonts"})
        ET.SubElement(defs, f"{{{SVG_NS}}}style", {"type": "text/css"}).text = css
        root.insert(1, defs)  # after the title: fonts load before any text that needs them
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _embedded_fonts(texts: list[MapText]) -> str:
    try:
        return font_face_css(texts)
    except Exception as exc:  # fontTools raises its own kinds; a damaged font file is named, not traced
        raise ExportError(f"could not embed the map's fonts ({type(exc).__name__}: {exc})") from None


def _empty(element: ET.Element) -> bool:
    """A group the generator opened for a painter state and then drew nothing in (the texts it no
    longer gets left hundreds of them)."""
    if element.tag != f"{{{SVG_NS}}}g":
        return False
    return all(_empty(child) for child in element) and not (element.text or "").strip()


def _svg_pass(doc: MapDocument, settings, phases: frozenset[str]) -> tuple[bytes, list[MapText]]:
    """One QSvgGenerator pass over the page's ``phases``: its SVG bytes and the texts it would have drawn."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    from gui.export import paint_page
    from gui.svg_text_recorder import TextRecordingPainter

    page = settings.page
    w, h = page.size_px
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRect(0, 0, w, h))
    gen.setResolution(round(page.dpi))
    gen.setTitle(map_title(doc))
    painter = TextRecordingPainter(gen)
    try:
        paint_page(painter, doc, page, RenderOptions(transparent=settings.transparent, phases=phases), settings.periods)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), painter.texts
