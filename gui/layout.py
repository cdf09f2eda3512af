"""Where things sit on the page, in millimetres: one layout for every target (screen, PNG, SVG, PDF)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.legend_place import AUTO, BESIDE, INSIDE, LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM, legend_beside
from geo.page import Page
from geo.view import MapView


@dataclass(frozen=True)
class PageLayout:
    """The map frame, the legend's column beside it when it has one, and the strip below both for
    sources and the disclaimer (all in mm). ``legend`` is the document's ``legend_place`` as decided
    for a page (:func:`page_layout`): ``auto`` until then, which lays the page out as ``inside``."""

    margin_mm: float = 6.0
    footer_mm: float = 10.0
    legend: str = AUTO
    footer_fitted: bool = False
    """``footer_mm`` holds the page's footer as laid out (:func:`page_layout`), its numbers' key included."""
    legend_columns: int = 1
    """Columns of the legend beside the map: two only when one would run taller than the page (the
    Arabic overview's on A4, set beside by the user), the map's frame then narrower by one more."""
    legend_tall: bool = False
    """The legend beside the map is taller than the frame: its column runs on beside the footer to the
    page's bottom margin, and the footer stands under the frame only. (Split into two columns instead, it
    ran off the page's edge: the French A4 overview's footer, a line longer, left the frame 3 mm too low.)"""

    @property
    def legend_beside(self) -> bool:
        return self.legend == BESIDE

    def frame_mm(self, page: Page) -> tuple[float, float, float, float]:
        w, h = page.size_mm
        m = self.margin_mm
        column = LEGEND_COLUMN_W_MM * self.legend_columns + LEGEND_COLUMN_GAP_MM if self.legend_beside else 0.0
        return (m, m, w - 2 * m - column, h - 2 * m - self.footer_mm)

    def frame_px(self, page: Page) -> tuple[float, float, float, float]:
        k = page.px_per_mm
        x, y, w, h = self.frame_mm(page)
        return (x * k, y * k, w * k, h * k)

    def footer_px(self, page: Page) -> tuple[float, float, float, float]:
        """Under the frame and the legend's column alike (the page's width within its margins), or under
        the frame only when the legend's column runs down beside it."""
        k = page.px_per_mm
        x, y, w, h = self.frame_mm(page)
        width = w if self.legend_tall else page.size_mm[0] - 2 * self.margin_mm
        return (x * k, (y + h + 1.5) * k, width * k, (self.footer_mm - 1.5) * k)

    @property
    def legend_below_frame_mm(self) -> float:
        """How far below the frame a legend beside the map may run: down to the bottom margin, when tall."""
        return self.footer_mm if self.legend_tall else 0.0

    def column_room_mm(self, page: Page) -> float:
        """The most a legend's column beside the map can have: the page's height within its margins."""
        return page.size_mm[1] - 2 * self.margin_mm

    def view(self, page: Page, crs: str, extent: tuple[float, float, float, float]) -> MapView:
        return MapView(crs, extent, self.frame_px(page), page.dpi)


def page_view(doc, page: Page | None = None, layout: PageLayout | None = None,
              extent: tuple[float, float, float, float] | None = None) -> MapView:
    """The view every export of ``page`` draws (PNG, SVG, PDF, GeoJSON, web map alike): ``extent``
    (projected) exactly, else the document's frame (a copy's ``frame_extent``, the user's lon/lat
    box), else fitted to what the map draws, clear of the title, legend and scale bar
    (``geo.extent_fit``: the decision is the domain's; the boxes are measured here, in Qt fonts)."""
    from geo.extent_fit import Panel, cached_fit

    page = page or doc.page
    layout = page_layout(doc, page, layout)
    extent = extent or doc.frame_extent
    if extent is None and doc.extent_lonlat is None:
        extent = cached_fit(doc, Panel(layout.frame_px(page), furniture_boxes(doc, page, layout)), page.dpi)
    return layout.view(page, doc.crs, extent or doc.default_extent())


def page_layout(doc, page: Page, layout: PageLayout | None = None) -> PageLayout:
    """``layout`` (default: the standard margins) with the legend's place decided for ``doc`` on ``page``
    (geo.legend_place): the legend as the painter lays it out over the map, measured against the frame."""
    layout = _legend_decided(doc, page, layout or PageLayout())
    if layout.footer_fitted or not (doc.place_layers or doc.callouts):
        return layout
    key = ("page-layout", page, layout, _fingerprint(doc))
    if key not in doc._cache:
        fitted = _footer_fitted(doc, page, layout)
        if fitted.legend_beside and fitted.legend_columns == 1 and not fitted.legend_tall and _one_column_mm(doc, page, fitted) > fitted.frame_mm(page)[3]:
            fitted = _footer_fitted(doc, page, replace(layout, legend_tall=True))  # the footer took the legend's room
        doc._cache[key] = fitted
    return doc._cache[key]


FOOTER_MAX_MM = 30.0
"""The footer grows to hold its numbers' key up to this much paper; beyond, its type is set smaller
(gui.furniture_painter.FOOTER_MIN_SCALE)."""


def _footer_fitted(doc, page: Page, layout: PageLayout) -> PageLayout:
    """``layout`` with a footer tall enough for what the page's footer will say: its sources, then the key
    to the figures numbered on the map for want of room, which only a layout of the page knows (laid out
    here with nothing painted, twice at most: a taller footer leaves the map less room, and may number
    another figure). A map with thematic layers or callouts only: the others' footers hold no key at A4
    or A3, and the extra layout is a third of a render."""
    from gui.render import MapRenderer, RenderOptions
    from gui.render_report import layout_painter

    fitted = replace(layout, footer_fitted=True)
    for _ in range(2):
        renderer = MapRenderer(doc)
        with layout_painter(page.dpi) as painter:
            renderer.render_page(painter, page, RenderOptions(phases=frozenset(), layout=fitted))
            sources = next((text for kind, text, *_ in reversed(renderer.report.texts) if kind == "footer"), "")
            _, _, width, _ = fitted.footer_px(page)
            needed = _furniture(doc, fitted.view(page, doc.crs, doc.default_extent()), painter).footer_height_mm(width, sources)
        # the footer's strip below the frame and the page's bottom margin, which the footer may run into
        footer = min(max(layout.footer_mm, needed + 2.0 - layout.margin_mm), FOOTER_MAX_MM)
        if footer <= fitted.footer_mm + 0.1:
            break
        fitted = replace(fitted, footer_mm=footer)
    return fitted


def _fingerprint(doc) -> tuple:
    """What a page's layout depends on beyond the page: the figures and selection, the layers and their
    styles, every text, the thematic layers and callouts (a key for the document's cache)."""
    return (doc.selection_key(), doc._flow_layers_key(), repr(doc.callouts), doc.label_language, doc.title, doc.subtitle,
            doc.disclaimer, repr(doc.insets), doc.legend_place, doc.extent_lonlat, doc.frame_extent, repr(doc.flow_style),
            repr(doc.theme), tuple((id(lyr), repr(lyr.style)) for lyr in doc.layers), repr(doc.relations))


def _legend_decided(doc, page: Page, layout: PageLayout) -> PageLayout:
    if layout.legend != AUTO:
        return layout
    choice = getattr(doc, "legend_place", AUTO)
    if choice == INSIDE:
        return replace(layout, legend=INSIDE)
    from gui.render_report import layout_painter  # fonts measure as on the printed page

    _, _, fw, fh = layout.frame_mm(page)
    with layout_painter(page.dpi) as painter:
        column_h = _one_column_mm(doc, page, layout, painter)
        if choice == AUTO:
            rect = _furniture(doc, layout.view(page, doc.crs, doc.default_extent()), painter).layout_rects()["legend"]
            mm = page.px_per_mm
            choice = BESIDE if legend_beside(choice, (fw, fh), (rect.width() / mm, rect.height() / mm), column_h,
                                             layout.column_room_mm(page)) else INSIDE
    if choice == INSIDE:
        return replace(layout, legend=INSIDE)
    beside = replace(layout, legend=BESIDE)
    if column_h > beside.column_room_mm(page):
        return replace(beside, legend_columns=2)
    return replace(beside, legend_tall=column_h > beside.frame_mm(page)[3])


def _one_column_mm(doc, page: Page, layout: PageLayout, painter=None) -> float:
    """The legend's height (mm) in one column beside the map of ``page``."""
    from gui.render_report import layout_painter

    beside = replace(layout, legend=BESIDE)
    if painter is None:
        with layout_painter(page.dpi) as painter:
            return _one_column_mm(doc, page, layout, painter)
    view = beside.view(page, doc.crs, doc.default_extent())
    return _furniture(doc, view, painter, legend_beside=True).legend_one_column_mm()


def furniture_boxes(doc, page: Page, layout: PageLayout | None = None,
                    periods: list[str] | None = None) -> tuple[tuple[float, float, float, float], ...]:
    """The title, legend and scale-bar boxes over the map of ``page`` (x0, y0, x1, y1 in page pixels),
    measured as the painter lays them out; they depend on the page, the texts and the legend, not on the
    extent. A legend beside the map is no box over it."""
    from gui.render_report import layout_painter

    layout = page_layout(doc, page, layout)
    with layout_painter(page.dpi) as painter:
        rects = _furniture(doc, layout.view(page, doc.crs, doc.default_extent()), painter, periods,
                                  legend_beside=layout.legend_beside).layout_rects()
    return tuple((r.left(), r.top(), r.right(), r.bottom()) for key, r in rects.items()
                 if r.width() > 0 and not (key == "legend" and layout.legend_beside))


def _furniture(*args, **kwargs):
    """A FurniturePainter, imported when needed: page frames are laid out without Qt too (the bench)."""
    from gui.furniture_painter import FurniturePainter

    return FurniturePainter(*args, **kwargs)
