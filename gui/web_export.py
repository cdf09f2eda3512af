"""The web map's entry point: the labels the PNG places, handed to the exporter that draws the map in a browser.

geo.exports.webmap draws flows, nodes, legend and graticule from the domain's decisions, but where a
figure or a name goes is decided only by the renderer, against everything it draws (flows, dots,
islands, the furniture's boxes measured in Qt fonts, the names placed before). So the page is laid
out here once, through the one renderer, on the view and at the dpi the PNG is painted with, with
nothing painted (``RenderOptions.phases`` empty: everything is still laid out, as for the SVG's
layers), and the marks it records (geo.placed_marks) go to the exporter, which places nothing itself.
They are the marks of the page as it is without inset maps (geo.insets): a web map zooms into the
Strait itself, and prints every figure on its one map, where the page prints some in an inset only.

Example
-------
>>> from geo.document import MapDocument
>>> from gui.layout import page_view               # doctest: +SKIP
>>> doc = MapDocument.from_files()                  # doctest: +SKIP
>>> export_webmap(doc, page_view(doc), "map.html")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from geo.document import MapDocument
from geo.exports import webmap
from geo.exports.webmap import WebMapSettings
from geo.placed_marks import PageMarks
from geo.view import MapView


def page_marks(doc: MapDocument, view: MapView) -> PageMarks:
    """Every figure, place name and country name as the renderer places them on ``view`` (the PNG's
    view: ``gui.layout.page_view``), laid out on a page of the view's dpi with nothing painted."""
    from gui.layout import page_layout
    from gui.render import MapRenderer, RenderOptions
    from gui.render_report import layout_painter

    renderer = MapRenderer(doc)
    with layout_painter(view.dpi) as painter:
        # numbered as on the PNG's page (gui.figure_keys_painter): the discs take room the names then avoid
        renderer.render_map(painter, view, RenderOptions(phases=frozenset(), number_figures=True,
                                                         layout=page_layout(doc, doc.page)))  # its legend's place
    return PageMarks(view, tuple(renderer.report.marks), tuple(renderer.report.lifted_land),
                     tuple(renderer.report.ground_under_circles))


def webmap_html(doc: MapDocument, view: MapView, settings: WebMapSettings | None = None) -> str:
    """The web map's HTML (geo.exports.webmap.webmap_html) with the PNG's labels."""
    webmap.check_styles(doc)  # a style set in code is refused before anything is laid out
    return webmap.webmap_html(doc, view, settings, marks=page_marks(doc, view))


def export_webmap(doc: MapDocument, view: MapView, path: str | Path, settings: WebMapSettings | None = None,
                  marks: PageMarks | None = None) -> Path:
    """Write the web map (one self-contained HTML file, atomically) with the PNG's labels (``marks``, when the
    caller has laid them out already: ``page_marks``); returns its path."""
    webmap.check_styles(doc)
    return webmap.export_webmap(doc, view, path, settings, marks=marks if marks is not None else page_marks(doc, view))
