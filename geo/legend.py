"""The legend as data: every entry the map needs, for the painter and the web map alike.

A reader who has only the legend must be able to read the map: what the symbol is (a band to the
destination, a band back to the coast, a circle on the route, a corridor), what its size means,
which colour is which route, what an outline, a ring, a bold total or a dashed line says. The
entries come from the figures model (geo.join), so the legend lists exactly what is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from geo.held_scale import held_over
from geo.join import CONTAINED, ZERO, is_named
from geo.map_language import MapLanguage, comparison_text, map_language
from geo.qualifiers import ABOUT, AT_LEAST, AT_MOST, DERIVED, ROUNDED
from geo.routes import route_caption
from geo.styles import CHANGE_COLOURS, GROUP_LABELS, OD_COLOURS

GROUP_ORDER = ("Atlantic", "WMR", "Algeria–Balearic", "CMR", "Expulsions")
"""The route groups' order in every legend: the sea routes west to east, then the land corridors;
other groups follow in the order they are drawn."""

HEADING, EXPLAIN, SIZE, COLOUR, OUTLINE, RING, TOTAL, NO_DATA, NODE, NOTE = (
    "heading", "explain", "size", "colour", "outline", "ring", "total", "no_data", "node", "note")
SUBHEADING, PLACE_LAYER = "subheading", "place_layer"
"""A second group's heading (the place and country figures), and one of its layers: a circle in its colour."""
NESTED = "nested"
"""A circle scale's sizes as one sample: the circles drawn inside one another, standing on one baseline,
each figure level with its circle's top (``sizes``): the proportional-circle legend of print maps, a
third the height of a row per size (the overview's legend then fits an A4 page in one column)."""


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    text: str
    colour: str = ""
    size_mm: float = 0.0
    """Band width or circle diameter on paper, for SIZE entries."""
    shape: str = "band"
    """'band' or 'circle' for SIZE entries."""
    sizes: tuple[tuple[str, float], ...] = ()
    """(figure, diameter in mm) of a NESTED entry's circles, largest first."""


SIZE_GREY = "#6f6f6f"
"""The size samples' grey: a size is read apart from any route's or layer's colour."""
NO_DATA_GREY = "#777777"
"""The 'no figure' entry's dashes where the routes without a figure are drawn in several colours."""


def _total_entry(t, count: int, several_maps: bool, lang) -> LegendEntry:
    """The bold totals' entry, by one of them (``t``): where it stands, or, of ``count`` totals, that every
    figure in black is one ('Spain 63,427 (a)' beside the WMR arrow read as that route's figure); on
    several maps (small multiples) by its name alone, not one year's figure."""
    words = "totals_mark" if count > 1 else "total_mark" if t.country is None else "total_mark_country"
    if several_maps:
        return LegendEntry(TOTAL, lang(f"{words}_any", name=lang.phrase(t.name)))
    return LegendEntry(TOTAL, lang(words, name=lang.phrase(t.name), n=lang.figure(t.value, t.qualifier)))


def totals_unwritten(keys) -> set[str]:
    """The route ids of the totals among layout ``keys`` (a render's figures numbered or left out for want
    of room; a numbered disc's key may join several with '|')."""
    return {k.removeprefix("total:") for key in keys for k in str(key).split("|") if k.startswith("total:")}


def legend_entries(doc, periods: list[str] | None = None, unwritten: set[str] = frozenset()) -> list[LegendEntry]:
    """Entries in reading order: what is measured and how, sizes, colours, then special marks.

    The totals' entry names none of ``unwritten`` (the route ids of the totals the map numbers or leaves
    out for want of room, ``totals_unwritten``), and no total where it writes none out: the A4 overview's
    named 'Italy 65,474', numbered on the map and given in the footer.

    With ``periods`` (small multiples), one legend for all their maps: every colour and mark any of
    them draws. The sizes come from the current selection's scale (a series holds one scale). The
    words are the map's language's (geo.map_language)."""
    scale = doc.width_scale()
    if scale is None:
        return place_entries(doc) + point_entries(doc)
    lang = map_language(doc)
    meaning = doc.meaning
    style = doc.flow_style
    od = doc.is_od
    scale_words = "scale_area" if meaning.by_area else ("scale_class" if style.classes else "scale_width")
    several = bool(periods and len(periods) > 1)  # one legend for several maps (small multiples)
    metrics = metrics_drawn(doc, lang.phrase(meaning.label), lang)
    entries = [LegendEntry(HEADING, lang("heading", metric=metrics, scale=lang(scale_words)))]
    if meaning.legend and not od:  # the map's own metric's: an arrow points where people go, for every layer's
        entries.append(LegendEntry(EXPLAIN, lang.phrase(meaning.legend)))
    largest, least, colours, marks = 0.0, math.inf, [], {}
    example, total_ids, no_data_colours = None, set(), set()
    for _ in doc.each_period(periods):
        join = doc.join()
        flows = join.flows
        sized = flows[flows["value"] > 0]
        largest = max(largest, float(sized["value"].max()) if len(sized) else 0.0)
        least = min(least, float(sized["value"].min()) if len(sized) else math.inf)
        seen = set(colours)  # membership in a set: a list made small multiples of 5,000 groups quadratic
        colours += [c for c in _colour_entries(doc, join, lang) if c not in seen]
        if "status" in flows.columns and (flows["status"] == CONTAINED).any():
            marks[OUTLINE] = LegendEntry(OUTLINE, lang("outline"), "#6f6f6f")
        if "symbol" in flows.columns and (flows["symbol"] == ZERO).any():
            marks[RING] = LegendEntry(RING, lang("ring"), "#3d3d3d")
        if join.totals and example is None:
            # a total written where its routes arrive, as the entry says (not a country's over the country),
            # the largest: the one with most room round it (on the 2024 change map the entry named Ceuta and
            # Melilla's 2,647, numbered in the key box for want of room, and Italy's 65,474 stood unnamed)
            where = [t for t in join.totals if t.country is None] or join.totals
            if unwritten:
                where = [t for t in where if t.route_id not in unwritten] or \
                    [t for t in join.totals if t.route_id not in unwritten]
            example = max(where, key=lambda t: t.value) if where else None
        total_ids |= {t.route_id for t in join.totals}
        if join.no_data:
            routes = doc.layer("routes").data
            no_data_colours |= {doc.group_colour(g) for g in routes.loc[routes["route_id"].isin(join.no_data), "group"]}
            # the dashes in the colour they are drawn in, where they share one: the 2023 Atlantic routes' were
            # blue on the map and grey in the legend
            marks[NO_DATA] = LegendEntry(NO_DATA, lang("no_data"),
                                         next(iter(no_data_colours)) if len(no_data_colours) == 1 else NO_DATA_GREY)
    if example is not None:
        marks[TOTAL] = _total_entry(example, len(total_ids), several, lang)
    elif total_ids:  # every total numbered or left out: the entry names none
        marks[TOTAL] = LegendEntry(TOTAL, lang("totals_mark_none"))
    shape = "circle" if scale.by_area else "band"
    held = held_over(doc) if not scale.breaks else None  # classes are one scale anyway
    top = scale.reference_value if style.reference_value or held else 0
    rows = size_rows(scale, max(largest, top), lang)
    for text, size in rows:
        entries.append(LegendEntry(SIZE, text, SIZE_GREY, size, shape))
    entries += colours
    if od:
        from geo.map_marks import NODE_FILL  # map_marks reads the map's texts, which read this module
        from geo.od import node_sizes

        entries.append(LegendEntry(NODE, lang("node"), NODE_FILL))
        # the circles' own key, as the map draws them: each map's circles are fitted to its own nodes, so a
        # key of several maps' (small multiples) would hold for one of them only
        totals, sizes = node_sizes(join, doc.node_max_radius_mm)
        nodes = tuple(size_rows(sizes, max(totals.values(), default=0.0), lang))
        if nodes and not several:
            entries.append(LegendEntry(NESTED, "", NODE_FILL, max(size for _t, size in nodes), "circle", sizes=nodes))
    entries += [marks[k] for k in (OUTLINE, RING, TOTAL, NO_DATA) if k in marks]
    smallest = lang("smallest_circles" if scale.by_area else "smallest_flows", mm=lang.decimal(scale.min_width_mm))
    note = smallest
    if scale.breaks:
        note = lang("classes_note")
    drawn = lang("drawn_circle" if scale.by_area else "drawn_width", mm=lang.decimal(scale.reference_width_mm))
    if style.reference_value:
        note = lang("fixed_scale", n=lang.number(style.reference_value), drawn=drawn)
    elif held:  # truthful: the reference is the largest figure of every period of the kind, not this map's
        note = lang("held_sizes" if scale.by_area else "held_widths", every=lang.every(held))
    elif not scale.breaks and not several:
        # fitted to this map's largest figure: the Q4 map drew Libya's 11,341 wider than the year map its 41,484,
        # and nothing told a reader who set the two side by side
        note = lang("own_sizes" if scale.by_area else "own_widths")
    entries.append(LegendEntry(NOTE, note))
    if note != smallest and not scale.breaks and _widened(scale, least, rows):
        # on a fixed or held scale too, a figure or sample drawn at the minimum is said: the held overview's
        # 2,000 bar stood nearly as wide as its 10,000 one, with no word why
        entries.append(LegendEntry(NOTE, smallest))
    return entries + place_entries(doc) + point_entries(doc)


def metrics_drawn(doc, first: str, lang: MapLanguage) -> str:
    """``first`` (the map's own metric's name in its language) and the other metrics its flows layers draw,
    joined as the language joins them: 'Arrivals and expulsions' (the legend's heading, the subtitle)."""
    names = [first, *(lang.phrase(m.label).lower() for m in _layer_meanings(doc))]
    return lang("periods_and").join(names)


def _layer_meanings(doc) -> list:
    """The meanings of the other metrics the flows layers draw on the map's width scale (the overview's
    expulsions beside its arrivals), once each: the legend was headed 'Arrivals' over 'Expulsions (land)'."""
    from geo.metrics import metric_meaning
    from geo.thematic_join import flow_layers

    if doc.is_od:
        return []
    seen, out = {doc.meaning.label}, []
    for layer in flow_layers(doc):
        m = metric_meaning(layer.metric)
        if m.label not in seen:
            seen.add(m.label)
            out.append(m)
    return out


def _widened(scale, least: float, rows) -> bool:
    """Whether the map's smallest figure, or a size sample of the legend, is drawn at the minimum width
    (wider than its value)."""
    return (math.isfinite(least) and scale.proportional_mm(least) < scale.min_width_mm) or \
        any(size <= scale.min_width_mm + 1e-9 for _text, size in rows)


def point_entries(doc) -> list[LegendEntry]:
    """The styled point layers' groups (geo.point_symbols: a heading, a circle per category, sizes)."""
    from geo.point_symbols import point_entries as entries

    return entries(doc)


def place_entries(doc) -> list[LegendEntry]:
    """The circle layers' group (geo.place_figures): its heading; per circle scale, a circle in each of
    its visible layers' colour with the layer's title (and period, where it is not the map's) and the
    sizes of that scale; the smallest circle drawn, once."""
    from geo.place_figures import layer_colour, layer_figures, legend_title, place_scale, scale_names

    lang = map_language(doc)
    entries, smallest, keys = [], None, 0
    for name in scale_names(doc):
        scale = place_scale(doc, name)
        if scale is None:
            continue
        largest = 0.0
        for i, layer in enumerate(doc.place_layers):
            figures = layer_figures(doc, layer) if layer.draws_circles and layer.scale == name else []
            if not len(figures):
                continue
            largest = max(largest, float(figures["value"].max()))
            entries.append(LegendEntry(PLACE_LAYER, legend_title(doc, layer), layer_colour(i, layer)))
        rows = tuple(size_rows(scale, largest, lang))
        if rows:
            entries.append(LegendEntry(NESTED, "", SIZE_GREY, max(size for _t, size in rows), "circle", sizes=rows))
            keys += 1
        smallest = scale.min_width_mm
    if smallest is None:
        return []
    # several keys under one heading invited comparing circles across them (the overview's 5,000 dead and
    # missing beside its 500,000 migrants present, drawn alike): the heading counts the scales, each keyed
    # under its layers
    heading = lang("place_scales", n=lang.number(keys)) if keys > 1 else lang("place_heading")
    return [LegendEntry(SUBHEADING, heading), *entries,
            LegendEntry(NOTE, lang("smallest_circles", mm=lang.decimal(smallest)))]


def size_rows(scale, largest: float, lang: MapLanguage) -> list[tuple[str, float]]:
    """(text, width in mm) rows of the width legend: round sample values, or one row per class
    ('10,000 or more', '5,000 – 10,000', ..., 'under 1,000'), written in the map's language."""
    if not scale.breaks:
        return [(lang.number(v), scale.width_mm(v)) for v in scale.legend_values(largest)]
    b, widths = scale.breaks, scale.class_widths()
    rows = [(lang("class_top", n=lang.number(b[-1])), widths[-1])]
    for i in range(len(b) - 1, 0, -1):
        rows.append((lang("class_range", low=lang.number(b[i - 1]), high=lang.number(b[i])), widths[i]))
    rows.append((lang("class_bottom", n=lang.number(b[0])), widths[0]))
    return rows


def _colour_entries(doc, join, lang: MapLanguage) -> list[LegendEntry]:
    flows = join.flows
    groups = list(dict.fromkeys(flows["group"]))
    if join.no_data:
        routes = doc.layer("routes").data
        seen = set(groups)
        groups += [g for g in dict.fromkeys(routes.loc[routes["route_id"].isin(join.no_data), "group"]) if g not in seen]
    seen = set(groups)
    groups += [t.group for t in join.totals if t.group not in seen]
    if doc.flow_style.colour_by == "change" and doc.changes() is not None:
        since = comparison_text(doc, lang) or lang("earlier_period")
        drawn = set(flows["route_id"])  # the colours drawn: the totals' changes are printed, not coloured
        present = list(dict.fromkeys(c.direction for rid, c in doc.changes().items() if rid in drawn))
        order = [d for d in ("up", "down", "same", "new") if d in present or (d == "new" and "none" in present)]
        return [LegendEntry(COLOUR, lang("change_entry", change=lang(f"change_{d}"), since=since) if d != "new"
                            else lang("change_new"), CHANGE_COLOURS[d]) for d in order]
    if doc.is_od and len(groups) > len(OD_COLOURS):
        n = len(set(flows["origin"]) | set(flows["dest"]))
        return [LegendEntry(COLOUR, lang("od_flows", n=lang.number(n)), OD_COLOURS[0])]
    # a route coloured on its own gets its own entry; its group's entry stays while another route uses it
    own = doc.flow_style.route_colours
    shown = list(dict.fromkeys(flows["route_id"]))
    routes = doc.layer("routes").data if doc.layer("routes") is not None and not doc.is_od else None
    coloured = [r for r in shown if r in own] if routes is not None else []
    grouped = {g for r, g in zip(flows["route_id"], flows["group"], strict=True) if r not in own}
    drawn = set(flows["group"])
    groups = [g for g in groups if g in grouped or g not in drawn]
    # one order on every map (a legend that reorders itself with the figures reads as a ranking)
    groups.sort(key=lambda g: GROUP_ORDER.index(g) if g in GROUP_ORDER else len(GROUP_ORDER))
    return ([LegendEntry(COLOUR, lang.phrase(GROUP_LABELS.get(g, g)), doc.flow_colour("", g)) for g in groups]
            + [LegendEntry(COLOUR, lang.phrase(route_caption(routes, r)), own[r]) for r in coloured])


@dataclass
class FootnoteParts:
    """What a footer must resolve, mergeable over the maps of a series (one footer, several panels).

    It keeps the data (sources, signs, figures), not sentences: :meth:`lines` writes them in the map's
    language."""

    main: str | None = None
    markers: dict[str, str] = field(default_factory=dict)
    """Footnote letter -> source."""
    signs: list[str] = field(default_factory=list)
    """Qualifier signs the map uses, as keys of SIGNS."""
    not_drawn: list[tuple[str | None, str, list[tuple[str, float, str]]]] = field(default_factory=list)
    """(period of a series or None, source, [(route caption, figure, qualifier)]) another source reports."""

    def merge(self, other: FootnoteParts, period: str | None = None) -> None:
        self.main = self.main or other.main
        self.markers.update(other.markers)
        self.signs += [s for s in other.signs if s not in self.signs]
        self.not_drawn += [(period, src, said) for _, src, said in other.not_drawn]

    def lines(self, lang: MapLanguage | None = None) -> list[str]:
        lang = lang or MapLanguage()
        out = []
        if self.markers:
            main = lang.phrase(self.main) if is_named(self.main or "") else lang("unnamed_sources")
            notes = lang("list_sep").join(lang("marker_note", marker=lang.marker(m), source=lang.phrase(s))
                                          for m, s in sorted(self.markers.items()))
            out.append(lang("unmarked", main=main, markers=notes))
        if self.signs:
            out.append(lang("list_sep").join(lang(f"sign_{s}") for s in SIGNS if s in self.signs))
        for period, src, said in self.not_drawn:
            whose = lang.phrase(src) if is_named(src) else lang("unnamed_source")
            items = lang("names_sep").join(f"{lang.phrase(caption)} {lang.figure(value, qualifier)}" for caption, value, qualifier in said)
            text = lang("not_drawn", whose=whose, said=items)
            out.append(lang("in_period", period=lang.period(period), text=text) if period else text)
        return out


# The qualifier signs a footer explains, in this order, with the qualifiers each stands for.
SIGNS = {"at_least": {AT_LEAST}, "about": {ABOUT, ROUNDED}, "at_most": {AT_MOST}, "derived": set(), "stated": set()}


def footnote_parts(doc) -> FootnoteParts:
    """Whose the unmarked and marked figures are, the qualifier signs the map uses, and what other
    sources report that the map does not draw."""
    join = doc.join()
    parts = FootnoteParts(join.main_source if join.markers else None, {m: s for s, m in join.markers.items()})
    shown = join.shown() if join.figures is not None else None
    used = set() if shown is None else {q for q in shown["qualifier"].fillna("") if q}
    for sign, quals in SIGNS.items():
        if used & quals:
            parts.signs.append(sign)
    # a total's rest ('incl. 3,495 (derived) from other … points') is computed as a derived figure is
    if DERIVED in set(join.flows.get("qualifier", [])) or any(t.remainder > 0 and not t.exceeded for t in join.totals):
        parts.signs.append("derived")
    if any(c.is_stated for c in (doc.changes() or {}).values()):  # '+16% (stated)' on a change map
        parts.signs.append("stated")
    if join.figures is not None:
        others = join.figures[join.figures["status"] == "other_source"]
        routes = doc.layer("routes").data
        for src, grp in others.groupby(others["source"].fillna(""), sort=True):
            said = [(route_caption(routes, r.route_id), r.value, r.qualifier) for r in grp.itertuples()]
            parts.not_drawn.append((None, src, said))
    return parts


def legend_columns(entries: list[LegendEntry], rows: list[float], top: float, max_h: float | None) -> list[list]:
    """The entries in one column, or in two (each of ``rows`` high, under ``top``): cut before a group's
    heading if both columns then fit within ``max_h``, else before a circle scale's first layer (its layers
    and sizes read together), else where the columns are least tall; never just after a heading, nor
    between a scale's sizes."""
    if max_h is None or top + sum(rows) <= max_h:
        return [entries]

    def height(i: int) -> float:
        return top + max(sum(rows[:i]), sum(rows[i:]))

    cuts = [i for i in range(1, len(entries)) if entries[i - 1].kind not in (HEADING, SUBHEADING)
            and not (entries[i].kind == SIZE and entries[i - 1].kind == SIZE)]
    for prefer in (lambda i: entries[i].kind == SUBHEADING,
                   lambda i: entries[i].kind == PLACE_LAYER and entries[i - 1].kind in (SIZE, NESTED, NOTE)):
        fitting = [i for i in cuts if prefer(i) and height(i) <= max_h]
        if fitting:
            return [entries[:min(fitting, key=height)], entries[min(fitting, key=height):]]
    if not cuts:
        return [entries]
    best = min(cuts, key=height)
    return [entries[:best], entries[best:]]
