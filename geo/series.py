"""A series of maps decided once: which maps, on which width scale, in which frame and file names.

Each quarter a cartographer publishes every metric for the quarter and the year, in three
languages, and the maps must compare. So the width scale is held across the whole series, one per
metric (a width means the same number of people on every map of a metric; widths of arrivals and
of deaths are not comparable, whatever the scale), the extent and page are fixed once, and file
names are predictable. :func:`plan_series` decides all of that from the document alone, with no
Qt, so the command line, the app and the tests read the same plan; ``gui/series_export.py``
draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.held_scale import largest_drawn
from geo.insets import AUTO
from geo.page import Page
from geo.periods import parse_period

LANGUAGES = ("en", "fr", "ar")
FORMATS = ("png", "pdf", "svg", "geojson", "gpkg", "html")


@dataclass(frozen=True)
class SeriesMap:
    """One map of the series; ``stem`` names its files (``crossings_2024Q4_arrivals_fr``)."""

    period: str
    metric: str
    language: str

    @property
    def stem(self) -> str:
        return f"crossings_{self.period}_{self.metric}_{self.language}"

    def describe(self) -> str:
        return f"{self.period} {self.metric} {self.language}"


@dataclass(frozen=True)
class SeriesPlan:
    """Every map of the series and what they share."""

    maps: tuple[SeriesMap, ...]
    scales: dict[str, float]
    """Metric → the figure drawn at the full width on every map of that metric."""
    page: Page
    extent_lonlat: tuple[float, float, float, float] | None
    formats: tuple[str, ...]
    skipped: tuple[str, ...] = field(default_factory=tuple)
    """Period and metric pairs with nothing to draw, each with why (said, never silently dropped)."""
    source: str | None = None
    """The figures' source on every map (None: one source per scale, as ``crossings render``)."""
    insets: str | tuple[str, ...] = AUTO
    """Every map's inset maps (geo.insets: auto, none or the areas' keys), the document's choice."""
    extent: tuple[float, float, float, float] | None = None
    """The projected frame every map shares: with no ``extent_lonlat``, fitted once to the flows of the
    whole series, clear of every map's furniture (``gui.series_export`` measures the boxes)."""


def expand_periods(doc: MapDocument, texts: list[str]) -> list[str]:
    """The periods named: each a period (``2024Q4``, ``Q4 2024``, ``2024``) or a range ``A..B`` of the
    periods of the same kind that the figures hold (``2024Q1..2024Q4``), oldest first, no repeats."""
    if doc.flows is None:
        raise CrossingsError("no figures are loaded")
    held = doc.flows.periods()
    out: list[str] = []
    for text in texts:
        if ".." in text:
            first, _, last = (part.strip() for part in text.partition(".."))
            try:
                a, b = parse_period(first), parse_period(last)
            except ValueError as exc:
                raise CrossingsError(f"period range {text!r}: {exc}") from None
            if type(a) is not type(b) or a.kind != b.kind:
                raise CrossingsError(f"period range {text!r} mixes kinds of period; give two quarters or two years")
            found = [str(p) for p in held if p.kind == a.kind and a.start <= p.start and p.end <= b.end]
            if not found:
                raise CrossingsError(f"period range {text!r} holds no period of the figures; periods: "
                                     f"{', '.join(str(p) for p in held)}")
            out += found
        else:
            try:
                label = str(parse_period(text))
            except ValueError as exc:
                raise CrossingsError(str(exc)) from None
            if label not in [str(p) for p in held]:
                raise CrossingsError(f"period {text!r} has no figures; periods in the data: "
                                     f"{', '.join(str(p) for p in held)}")
            out.append(label)
    return list(dict.fromkeys(out))


def plan_series(doc: MapDocument, periods: list[str], metrics: list[str] | None = None,
                languages: tuple[str, ...] = ("en",), formats: tuple[str, ...] = ("png",),
                page: Page | None = None, source: str | None = None) -> SeriesPlan:
    """Decide the series: every period × metric with a drawn flow, in every language.

    ``metrics`` None means every metric the figures hold for any of the periods. The held scale
    of a metric is the user's fixed one (``doc.flow_style.reference_value``) or the largest
    figure drawn on any map of it. The document's selection is left as it was.
    """
    for language in languages:
        if language not in LANGUAGES:
            raise CrossingsError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    for fmt in formats:
        if fmt not in FORMATS:
            raise CrossingsError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    periods = expand_periods(doc, periods)
    if not periods:
        raise CrossingsError("the series needs at least one period")
    if metrics is None:
        metrics = list(dict.fromkeys(m for p in periods for m in doc.flows.metrics(p)))
    known = set(doc.flows.metrics())
    for metric in metrics:
        if metric not in known:
            raise CrossingsError(f"metric {metric!r} has no figures; metrics: {', '.join(doc.flows.metrics())}")
    chosen: list[tuple[str, str]] = []
    skipped: list[str] = []
    largest: dict[str, float] = {}
    for metric in metrics:
        for period in periods:
            if metric not in doc.flows.metrics(period):
                skipped.append(f"{period} {metric}: no figures")
                continue
            if source is not None and source not in doc.flows.sources(period, metric):
                skipped.append(f"{period} {metric}: no figures from {source}")
                continue
            value = largest_drawn(doc, period, metric, source)  # the one held-scale computation
            if value is None:
                skipped.append(f"{period} {metric}: no route of the routes layer has a figure")
                continue
            chosen.append((period, metric))
            largest[metric] = max(largest.get(metric, 0.0), value)
    if not chosen:
        raise CrossingsError("nothing to draw: " + "; ".join(skipped))
    fixed = doc.flow_style.reference_value
    scales = {metric: float(fixed) if fixed else value for metric, value in largest.items()}
    maps = tuple(SeriesMap(period, metric, language) for period, metric in chosen for language in languages)
    return SeriesPlan(maps, scales, page or doc.page, doc.extent_lonlat, tuple(formats), tuple(skipped), source,
                      insets=doc.insets)
