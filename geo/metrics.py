"""Display names for metric slugs; the metrics themselves always come from the figures file."""

from __future__ import annotations

_LABELS = {
    "arrivals": "Arrivals",
    "departures": "Departures",
    "dead_missing": "Dead and missing",
    "interceptions": "Interceptions",
    "returns": "Returns",
    "expulsions": "Expulsions",
    "rescues": "Rescues",
}


def metric_label(slug: str) -> str:
    return _LABELS.get(slug, slug.replace("_", " ").capitalize())
