"""Editing a map's thematic layers (geo.place_figures.PlaceFigureLayer): what the figures offer to a
new layer, a layer's one-line description, and the edits the Layers panel makes.

The window's panel (gui/thematic_panel.py) only fills a layer from its controls and calls these; the
checks that keep each figure drawn once and every place named (``check_place_layers``) run on every
edit, so a layer the figures cannot draw honestly is refused before it reaches the map.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.map_language import map_language
from geo.periods import parse_period, part_problem
from geo.place_figures import FLOWS, PlaceFigureLayer, check_place_layers, layer_period, layer_title


@dataclass(frozen=True)
class Offer:
    """A metric and period the figures hold, with its sources and the shorter periods inside it that
    also have figures of the metric (the part periods a label may print)."""

    metric: str
    period: str
    sources: tuple[str, ...]
    parts: tuple[str, ...]


def offers(doc) -> list[Offer]:
    """Every (metric, period) of the figures, on routes, at places and in countries, oldest first."""
    if doc.flows is None:
        return []
    frames = [doc.flows.frame[["metric", "period", "source"]], doc.flows.places()[["metric", "period", "source"]]]
    pairs: dict[tuple[str, str], set[str]] = {}
    for frame in frames:
        for metric, period, source in frame.itertuples(index=False):
            pairs.setdefault((metric, period), set()).add(source or "")
    out = []
    for (metric, period), sources in sorted(pairs.items(), key=lambda kv: (kv[0][0], parse_period(kv[0][1]))):
        parts = tuple(p for m, p in pairs if m == metric and p != period and not part_problem(period, p))
        out.append(Offer(metric, period, tuple(sorted(s for s in sources if s)),
                         tuple(sorted(parts, key=parse_period))))
    return out


def describe(doc, layer: PlaceFigureLayer) -> str:
    """One line for the layer's row: its legend title, period, part period and symbol kind."""
    lang = map_language(doc)
    text = f"{layer_title(doc, layer)}, {lang.period(layer_period(doc, layer))}" if layer_period(doc, layer) else \
        layer_title(doc, layer)
    if layer.part_period:
        text += f" ({lang('of_which', period=lang.period(layer.part_period), figure='…')})"
    return f"{text} · {'flows' if layer.kind == FLOWS else 'circles'}"


def set_layers(doc, layers: tuple[PlaceFigureLayer, ...]) -> None:
    """Make ``layers`` the map's thematic layers, refused (``CrossingsError``, the document unchanged)
    when the figures cannot draw them honestly."""
    layers = tuple(layers)
    check_place_layers(doc, tuple(layer for layer in layers if layer.visible))
    doc.place_layers = layers
    doc.invalidate("selection")


def replaced(layers: tuple, index: int, layer: PlaceFigureLayer) -> tuple:
    return (*layers[:index], layer, *layers[index + 1:])


def removed(layers: tuple, index: int) -> tuple:
    return (*layers[:index], *layers[index + 1:])


def moved(layers: tuple, index: int, step: int) -> tuple:
    """``layers`` with the one at ``index`` moved ``step`` places (clamped): the legend's order."""
    target = max(0, min(len(layers) - 1, index + step))
    items = list(layers)
    items.insert(target, items.pop(index))
    return tuple(items)


def shown(layer: PlaceFigureLayer, visible: bool) -> PlaceFigureLayer:
    return replace(layer, visible=visible)

