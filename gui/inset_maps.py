"""Inset maps on the page, as the renderer draws them (issue 11): which the page gets and the options its
map is drawn with round them, each inset's map through the same renderer, and the locators.

Where the insets go and what each shows is the domain's (geo.insets); their frame, title and locator
are painted by gui.inset_painter. Split from gui.render, which this mixin is part of.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QRegion

from geo.insets import InsetPlan
from geo.view import MapView
from gui.inset_painter import LOCATOR_CLEAR_MM, InsetPainter, page_insets

if TYPE_CHECKING:
    from gui.render import RenderOptions


class InsetsMixin:
    """MapRenderer's inset maps; needs ``self.doc``, ``self.report`` and ``render_map``."""

    def with_insets(self, painter: QPainter, view: MapView, options: RenderOptions) -> tuple[InsetPlan, RenderOptions]:
        """The page's insets (none without furniture) and the options its map is drawn with: empty under
        the insets, its labels clear of them and of the locators' lines, and none of the figures the
        insets print (each figure is printed once on a page)."""
        plan = (page_insets(self.doc, view, painter, options.keep_clear, options.layout.legend_beside) if options.furniture
                else InsetPlan())
        plan = self._without_unplaced(painter, plan, options)
        edges = plan.locator_edges(LOCATOR_CLEAR_MM * view.px_per_mm)
        elsewhere = frozenset().union(*(p.figures for p in plan.placed))
        return plan, replace(options, cutouts=options.cutouts + plan.rects, avoid=options.avoid + edges,
                             locators=options.locators + tuple(p.locator for p in plan.placed),
                             figures_elsewhere=options.figures_elsewhere | elsewhere)

    def _paint_locators(self, painter: QPainter, view: MapView, options: RenderOptions) -> None:
        """The areas the page's insets show, outlined over the land and under everything else."""
        if options.locators and options.paints("countries"):
            InsetPainter(self.doc, view, painter).locators(options.locators)

    def _inset_options(self, options: RenderOptions) -> RenderOptions:
        from gui.render import PHASES

        return replace(options, furniture=False, keep_clear=(), cutouts=(), avoid=(), locators=(), flows_within_frame=True,
                       callouts=False, phases=options.phases if options.phases is not None else frozenset(PHASES))

    def _without_unplaced(self, painter: QPainter, plan: InsetPlan, options: RenderOptions) -> InsetPlan:
        """``plan`` with each inset's figures less those its frame has no room for (laid out first, nothing
        painted): the page's map prints them instead. A figure is printed once on a page, and never lost
        between the map that leaves it to its inset and an inset too small for it (Spain's total in French,
        four lines wide, beside the Strait inset's Almería)."""
        if not plan.placed:
            return plan
        probe = replace(self._inset_options(options), phases=frozenset())
        placed = []
        for inset in plan.placed:
            renderer = type(self)(self.doc)
            renderer.render_map(painter, inset.view, replace(probe, figures_only=inset.figures))
            lost = frozenset(renderer.report.dropped_labels) & inset.figures
            placed.append(replace(inset, figures=inset.figures - lost) if lost else inset)
        return replace(plan, placed=tuple(placed))

    def _paint_insets(self, painter: QPainter, view: MapView, plan: InsetPlan, options: RenderOptions) -> None:
        """Each inset of ``plan``: the same document through this same renderer in the inset's view
        (so its flows are on the map's width scale and the legend holds), then its title strip and
        frame (the locators are drawn with the map, under its flows). Every phase paints its part, so
        a layered SVG keeps the inset's countries, flows and names in their layers."""

        self.report.insets_left_out = list(plan.left_out)
        if not plan.placed:
            return
        inner = self._inset_options(options)
        for inset in plan.placed:
            renderer = type(self)(self.doc)
            renderer.render_map(painter, inset.view, replace(inner, figures_only=inset.figures))
            self.report.insets.append((inset, renderer.report))
        furniture = InsetPainter(self.doc, view, painter)
        self.report.texts.extend(furniture.texts(plan))
        if not options.paints("furniture"):
            return
        for inset in plan.placed:
            furniture.frame_and_title(inset)


def outside(boxes) -> QRegion:
    """Everything but ``boxes`` (x0, y0, x1, y1, page pixels, taken to whole pixels outwards): a clip
    that leaves them empty."""
    big = 1 << 24
    region = QRegion(QRect(-big, -big, 2 * big, 2 * big))
    for x0, y0, x1, y1 in boxes:
        region = region.subtracted(QRegion(QRectF(x0, y0, x1 - x0, y1 - y0).toAlignedRect()))
    return region
