"""The legend as data: every entry the map needs, for the painter and the web map alike.

A reader who has only the legend must be able to read the map: what the symbol is (a band to the
destination, a band back to the coast, a circle on the route, a corridor), what its size means,
which colour is which route, what an outline, a ring, a bold total or a dashed line says. The
entries come from the figures model (geo.join), so the legend lists exactly what is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.figure_values import format_value
from geo.held_scale import held_over
from geo.join import CONTAINED, ZERO, is_named
from geo.periods import parse_period
from geo.qualifiers import figure_text
from geo.routes import route_caption
from geo.styles import CHANGE_COLOURS, CHANGE_LABELS, GROUP_LABELS, OD_COLOURS

HEADING, EXPLAIN, SIZE, COLOUR, OUTLINE, RING, TOTAL, NO_DATA, NODE, NOTE = (
    "heading", "explain", "size", "colour", "outline", "ring", "total", "no_data", "node", "note")

NO_FIGURE_TEXT = "No figure for this route and period"


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    text: str
    colour: str = ""
    size_mm: float = 0.0
    """Band width or circle diameter on paper, for SIZE entries."""
    shape: str = "band"
    """'band' or 'circle' for SIZE entries."""


def legend_entries(doc, periods: list[str] | None = None) -> list[LegendEntry]:
    """Entries in reading order: what is measured and how, sizes, colours, then special marks.

    With ``periods`` (small multiples), one legend for all their maps: every colour and mark any of
    them draws. The sizes come from the current selection's scale (a series holds one scale)."""
    scale = doc.width_scale()
    if scale is None:
        return []
    meaning = doc.meaning
    style = doc.flow_style
    od = doc.is_od
    entries = [LegendEntry(HEADING, f"{meaning.label} ({meaning.scale_words(bool(style.classes))})")]
    if meaning.legend and not od:
        entries.append(LegendEntry(EXPLAIN, meaning.legend))
    largest, colours, marks = 0.0, [], {}
    for _ in doc.each_period(periods):
        join = doc.join()
        flows = join.flows
        sized = flows[flows["value"] > 0]
        largest = max(largest, float(sized["value"].max()) if len(sized) else 0.0)
        seen = set(colours)  # membership in a set: a list made small multiples of 5,000 groups quadratic
        colours += [c for c in _colour_entries(doc, join) if c not in seen]
        if "status" in flows.columns and (flows["status"] == CONTAINED).any():
            marks[OUTLINE] = LegendEntry(OUTLINE, "Outline: part of another figure shown, not added to it", "#6f6f6f")
        if "symbol" in flows.columns and (flows["symbol"] == ZERO).any():
            marks[RING] = LegendEntry(RING, "0: none recorded (a figure of zero)", "#3d3d3d")
        if join.totals and TOTAL not in marks:
            t = join.totals[0]
            marks[TOTAL] = LegendEntry(TOTAL, f"{t.name} {format_value(t.value)}: a total, shown where its routes arrive")
        if join.no_data:
            marks[NO_DATA] = LegendEntry(NO_DATA, NO_FIGURE_TEXT, "#777777")
    shape = "circle" if scale.by_area else "band"
    held = held_over(doc) if not scale.breaks else None  # classes are one scale anyway
    top = scale.reference_value if style.reference_value or held else 0
    for text, size in scale.legend_entries(max(largest, top)):
        entries.append(LegendEntry(SIZE, text, "#6f6f6f", size, shape))
    entries += colours
    if od:
        entries.append(LegendEntry(NODE, "Circle area: all flows in and out", "#3d3d3d"))
    entries += [marks[k] for k in (OUTLINE, RING, TOTAL, NO_DATA) if k in marks]
    note = f"Smallest {'circles' if scale.by_area else 'flows'} drawn {scale.min_width_mm:g} mm wide"
    if scale.breaks:
        note = "Widths in classes"
    drawn = f"a circle {scale.reference_width_mm:g} mm across" if scale.by_area else f"{scale.reference_width_mm:g} mm"
    if style.reference_value:
        note = f"Fixed scale: {format_value(style.reference_value)} = {drawn}"
    elif held:  # truthful: the reference is the largest figure of every period of the kind, not this map's
        note = f"{'Sizes' if scale.by_area else 'Widths'} on one scale for every {held}"
    entries.append(LegendEntry(NOTE, note))
    return entries


def _colour_entries(doc, join) -> list[LegendEntry]:
    flows = join.flows
    groups = list(dict.fromkeys(flows["group"]))
    if join.no_data:
        routes = doc.layer("routes").data
        seen = set(groups)
        groups += [g for g in dict.fromkeys(routes.loc[routes["route_id"].isin(join.no_data), "group"]) if g not in seen]
    seen = set(groups)
    groups += [t.group for t in join.totals if t.group not in seen]
    if doc.flow_style.colour_by == "change" and doc.changes() is not None:
        since = doc.comparison_label() or "the earlier period"
        present = list(dict.fromkeys(c.direction for c in doc.changes().values()))
        order = [d for d in ("up", "down", "same", "new") if d in present or (d == "new" and "none" in present)]
        return [LegendEntry(COLOUR, f"{CHANGE_LABELS[d]} since {since}" if d != "new" else CHANGE_LABELS[d],
                            CHANGE_COLOURS[d]) for d in order]
    if doc.is_od and len(groups) > len(OD_COLOURS):
        n = len(set(flows["origin"]) | set(flows["dest"]))
        return [LegendEntry(COLOUR, f"Flows between {n} places", OD_COLOURS[0])]
    # a route coloured on its own gets its own entry; its group's entry stays while another route uses it
    own = doc.flow_style.route_colours
    shown = list(dict.fromkeys(flows["route_id"]))
    routes = doc.layer("routes").data if doc.layer("routes") is not None and not doc.is_od else None
    coloured = [r for r in shown if r in own] if routes is not None else []
    grouped = {g for r, g in zip(flows["route_id"], flows["group"], strict=True) if r not in own}
    drawn = set(flows["group"])
    groups = [g for g in groups if g in grouped or g not in drawn]
    return ([LegendEntry(COLOUR, GROUP_LABELS.get(g, g), doc.flow_colour("", g)) for g in groups]
            + [LegendEntry(COLOUR, route_caption(routes, r), own[r]) for r in coloured])


@dataclass
class FootnoteParts:
    """What a footer must resolve, mergeable over the maps of a series (one footer, several panels)."""

    main: str | None = None
    markers: dict[str, str] = field(default_factory=dict)
    """Footnote letter -> source."""
    signs: list[str] = field(default_factory=list)
    not_drawn: list[str] = field(default_factory=list)

    def merge(self, other: FootnoteParts, period: str | None = None) -> None:
        self.main = self.main or other.main
        self.markers.update(other.markers)
        self.signs += [s for s in other.signs if s not in self.signs]
        where = f"{parse_period(period).display()}: " if period else ""
        self.not_drawn += [where + n for n in other.not_drawn]

    def lines(self) -> list[str]:
        out = []
        if self.markers:
            main = self.main if is_named(self.main or "") else "sources the update links without naming"
            out.append(f"Unmarked figures: {main}; " + "; ".join(f"({m}) {s}" for m, s in sorted(self.markers.items())))
        if self.signs:
            out.append("; ".join(s for s in SIGNS if s in self.signs))
        return out + self.not_drawn


# The qualifier signs a footer explains, in this order.
SIGNS = ("≥ at least", "~ about, or rounded by the source", "≤ at most",
         "(derived) computed from other figures of the update")


def footnote_parts(doc) -> FootnoteParts:
    """Whose the unmarked and marked figures are, the qualifier signs the map uses, and what other
    sources report that the map does not draw."""
    join = doc.join()
    parts = FootnoteParts(join.main_source if join.markers else None, {m: s for s, m in join.markers.items()})
    shown = join.shown() if join.figures is not None else None
    used = set() if shown is None else {q for q in shown["qualifier"].fillna("") if q}
    for sign, quals in zip(SIGNS, ({"at_least"}, {"about", "rounded"}, {"at_most"}, set()), strict=True):
        if used & quals:
            parts.signs.append(sign)
    if "derived" in set(join.flows.get("qualifier", [])):
        parts.signs.append(SIGNS[-1])
    if join.figures is not None:
        others = join.figures[join.figures["status"] == "other_source"]
        for src, grp in others.groupby(others["source"].fillna(""), sort=True):
            routes = doc.layer("routes").data
            said = ", ".join(f"{route_caption(routes, r.route_id)} {figure_text(r.value, r.qualifier)}"
                             for r in grp.itertuples())
            whose = src if is_named(src) else "a source the update links without naming"
            parts.not_drawn.append(f"Not drawn, from {whose}: {said}")
    return parts
