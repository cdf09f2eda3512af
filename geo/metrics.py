"""What each metric means on a map: its name, its symbol, and the routes it can apply to.

Counted people mean different things: arrivals move towards a destination; interceptions are
people taken back to the coast they left; the dead and missing did not move anywhere, they are a
toll on the route; expulsions run along a land corridor into another country. Drawing all of
them as arrows into Europe says something false. The meanings are data
(``data/flows/metrics.csv``, documented in ``data/flows/README.md``), shipped with the figures,
so a new metric is a row in a table, not a code change. A metric missing from the table is drawn
as a flow along the route, on every route, under its own name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.errors import DataError
from geo.lookup_tables import table_rows

FLOW = "flow"
"""A band along the route, arrow at its end (arrivals, departures)."""
RETURN_FLOW = "return_flow"
"""A band from the sea back to the route's start, arrow at the departure coast (interceptions)."""
CIRCLE = "circle"
"""A proportional circle (area to scale) on the route (dead and missing, rescues)."""
CORRIDOR = "corridor"
"""A band along a land corridor (expulsions)."""
SYMBOLS = (FLOW, RETURN_FLOW, CIRCLE, CORRIDOR)
BANDS = (FLOW, RETURN_FLOW, CORRIDOR)
ROUTE_MODES = ("sea", "land", "expulsion")

_COLUMNS = ("metric", "label", "symbol", "applies_to", "legend")


@dataclass(frozen=True)
class MetricMeaning:
    """How one metric is drawn and which route modes it can exist on."""

    metric: str
    label: str
    symbol: str = FLOW
    applies_to: frozenset[str] | None = None
    """Route modes where a figure of this metric can exist; None: every mode."""
    legend: str = ""

    def applies(self, mode: str) -> bool:
        """A figure could exist on a route of this mode (else the route is not drawn at all)."""
        return self.applies_to is None or mode in self.applies_to

    @property
    def by_area(self) -> bool:
        return self.symbol == CIRCLE

    def scale_words(self, classed: bool = False) -> str:
        if self.by_area:
            return "circle area to scale"
        return "width by class" if classed else "width to scale"


def read_metrics(path: str | Path) -> dict[str, MetricMeaning]:
    """The metrics table: one row per metric slug. Refuses unknown symbols and route modes."""
    from geo.flow_table import normalise_metric

    path = Path(path)
    out: dict[str, MetricMeaning] = {}
    for n, row in table_rows(path, _COLUMNS):
        slug = normalise_metric(row["metric"])
        symbol = row["symbol"] or FLOW
        modes = frozenset(m.strip() for m in row["applies_to"].split(";") if m.strip())
        if not slug:
            raise DataError(path, f"row {n}", "metric is empty")
        if symbol not in SYMBOLS:
            raise DataError(path, f"row {n}", f"symbol {symbol!r} is not one of {', '.join(SYMBOLS)}")
        unknown = sorted(modes - set(ROUTE_MODES))
        if unknown:
            raise DataError(path, f"row {n}", f"route mode {unknown[0]!r} is not one of {', '.join(ROUTE_MODES)}")
        if slug in out:
            raise DataError(path, f"row {n}", f"metric {slug!r} is listed twice")
        out[slug] = MetricMeaning(slug, row["label"] or _fallback_label(slug), symbol, modes or None, row["legend"])
    return out


@functools.lru_cache(maxsize=1)
def bundled_metrics() -> dict[str, MetricMeaning]:
    return read_metrics(paths.default_metrics())


def metric_meaning(slug: str) -> MetricMeaning:
    """The meaning of ``slug`` from the bundled table, or a flow on every route if it is not listed."""
    return bundled_metrics().get(slug) or MetricMeaning(slug, _fallback_label(slug))


def metric_label(slug: str) -> str:
    return metric_meaning(slug).label


def _fallback_label(slug: str) -> str:
    return slug.replace("_", " ").capitalize()
