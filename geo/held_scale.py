"""One width scale held across periods: the figure drawn full width on every map of a metric.

Each period's map used to be fitted to its own largest flow, so Libya → Italy at 8,900 one quarter
was drawn wider than at 11,341 the quarter before. A width compares only on one scale: the
document's held scale (``FlowStyle.hold_scale``), the small multiples and the series all take the
largest figure drawn on any map of the metric from :func:`held_largest`, the one place that
computes it. Maps are joined without changing the visible selection (no signal, no redraw) and
through ``MapDocument.join``, so every join is cached for when the user steps to that period.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

from geo.join import ALL_SOURCES
from geo.periods import parse_period

HELD_KINDS = ("year", "quarter", "month")
"""Periods whose maps share a held scale with the others of their kind (intervals differ in length)."""


def source_for(flows, period: str, metric: str, source: str | None) -> str | None:
    """The source choice the map of ``period`` draws with: the chosen source where it reports that
    metric then, else one source per scale (as ``MapDocument.select(..., keep_if_valid=True)``)."""
    if source is None or source == ALL_SOURCES or source in flows.sources(period, metric):
        return source
    return None


def same_kind_periods(flows, period: str, metric: str) -> list[str]:
    """Periods of ``period``'s kind (quarters with a quarter) that hold figures of ``metric``, oldest first."""
    kind = parse_period(period).kind
    return [str(p) for p in flows.periods() if p.kind == kind and metric in flows.metrics(str(p))]


@contextmanager
def quietly_selected(doc, period: str, metric: str, source: str | None):
    """The document joined for another selection without announcing it (nothing redraws); the
    selection is put back after, even on an error."""
    saved = (doc.period, doc.metric, doc.source)
    doc.period, doc.metric, doc.source = period, metric, source_for(doc.flows, period, metric, source)
    try:
        yield doc
    finally:
        doc.period, doc.metric, doc.source = saved


def join_for(doc, period: str, metric: str | None = None, source: str | None = None):
    """The join the map of ``period`` draws (``metric`` and ``source`` default to the selection's)."""
    metric = doc.metric if metric is None else metric
    with quietly_selected(doc, period, metric, source):
        return doc.join()


def largest_drawn(doc, period: str, metric: str, source: str | None) -> float | None:
    """The largest figure drawn on the map of (period, metric), or None when it draws nothing."""
    flows = join_for(doc, period, metric, source).flows
    values = flows["value"].dropna() if "value" in flows.columns else []
    return float(values.max()) if len(values) else None


def held_largest(doc, periods: list[str], metric: str, source: str | None) -> float:
    """The largest figure drawn on any map of ``metric`` over ``periods`` (0 when none draws one)."""
    found = [largest_drawn(doc, p, metric, source) for p in periods if metric in doc.flows.metrics(p)]
    return max((v for v in found if v is not None), default=0.0)


def held_reference(doc) -> float | None:
    """The figure drawn full width on every map of the selection's kind, or None when the scale is
    not held: ``hold_scale`` off, a fixed ``reference_value``, an interval, or a single period."""
    style = doc.flow_style
    if (not style.hold_scale or style.reference_value is not None or doc.flows is None
            or doc.period is None or parse_period(doc.period).kind not in HELD_KINDS):
        return None
    periods = same_kind_periods(doc.flows, doc.period, doc.metric)
    if len(periods) < 2:
        return None
    return held_largest(doc, periods, doc.metric, doc.source) or None


def held_over(doc) -> str | None:
    """'quarter', 'year' or 'month' when the document's widths are on one scale for every period of
    that kind (what the legend says), else None."""
    if doc.width_scale() is None or doc.held_reference() is None:
        return None
    return parse_period(doc.period).kind


def panel_max_width_mm(max_width_mm: float, panel_area: float, frame_area: float) -> float:
    """The widest band of a small-multiples panel ``panel_area`` big, of a map frame ``frame_area`` big
    (any one unit): the document's widest band in the ratio of their sizes (the square root of their
    areas). A panel half the frame's area draws the map at about 0.7 of its scale; at the full 7.5 mm
    the 2023 Tunisia flow (97,306) in its panel was a band 190 km wide on a 150 km crossing, its tail
    back in Algeria. Every panel shares the one scale; the legend gives it (to a tenth of a millimetre,
    as it is drawn)."""
    if frame_area <= 0 or panel_area >= frame_area:
        return max_width_mm
    return round(max_width_mm * math.sqrt(max(panel_area, 0.0) / frame_area), 1)
