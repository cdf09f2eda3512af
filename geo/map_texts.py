"""The map's words, shared by every output (PNG/SVG/PDF painter, web map, GeoJSON/GeoPackage):
title, subtitle, figure labels, sources line and disclaimer, in the map's language
(:mod:`geo.map_language`), so the wording cannot drift between outputs or languages."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import shapely

from geo.document import MapDocument
from geo.join import EMPTY, REMAINDER, is_named
from geo.legend import FootnoteParts, footnote_parts, metrics_drawn
from geo.map_language import MapLanguage, comparison_text, map_language
from geo.metrics import metric_label
from geo.periods import parse_period, part_problem
from geo.projection import to_crs
from geo.un_practice import country_codes, non_self_governing

ENGLISH = MapLanguage("en")
NSGT_MIN_SHARE = 0.001
"""A Non-Self-Governing Territory is on the map (and its note in the footer) when at least this share
of the map's extent is its land: Western Sahara is 1.6 % of the regional map, Gibraltar a speck."""


def day(iso: str, lang: MapLanguage = ENGLISH) -> str:
    """'2024-09-29' -> '29 Sep 2024' (left as given if it is not a date)."""
    return lang.day(iso)


def map_title(doc: MapDocument) -> str:
    """The title as printed: a default title in the map's language, a written one as written."""
    return map_language(doc).title(doc.title)


def metric_text(doc: MapDocument, slug: str | None = None) -> str:
    """The metric's name in the map's language ('Arrivals', 'Arrivées')."""
    return map_language(doc).phrase(metric_label(slug or doc.metric))


def subtitle(doc: MapDocument) -> str:
    """'Arrivals, Q4 2024 (29 Sep 2024 – 29 Dec 2024); change since 2023'.

    The dates are those of the figures shown, never the period's nominal ones: one span when they
    all share it, and it says so when they differ or some figures carry no date; left off when they
    are the period's own span ('14 Aug – 31 Dec 2024 (14 Aug 2024 – 31 Dec 2024)').
    """
    if doc.subtitle:
        return doc.subtitle
    if doc.flows is None or doc.period is None:
        return ""
    lang = map_language(doc)
    period = parse_period(doc.period)
    shown = _shown(doc)
    said = period_as_said(lang, doc.period, shown)
    dates = "" if said != lang.period(doc.period) else figure_dates(shown, lang, period.label)
    # every metric the flows draw: the overview's 'Arrivals, 2024' drew Algeria's expulsions into Niger too
    text = lang("subtitle", metric=metrics_drawn(doc, metric_text(doc), lang), period=said)
    text += _according_to(doc, lang)
    if dates and dates != lang("span", start=lang.date(period.start), end=lang.date(period.end)):
        text += lang("dates", dates=dates)  # what the period's own span already says is not said twice
    since = comparison_text(doc, lang)
    if since:
        text += lang("change_since", since=since)
    return text


def figure_labels(doc: MapDocument, frame: pd.DataFrame) -> list[str]:
    """The label of each row of a figures or flows frame in the map's language ('16 109 (a)', '~6 000',
    'no figure' for an empty figure, '' for a route without one); a remainder row says what its
    total's branches do not show."""
    lang = map_language(doc)
    totals = {t.route_id: t for t in doc.join().totals} if len(frame) else {}

    def column(name: str, default) -> list:
        return frame[name].tolist() if name in frame.columns else [default] * len(frame)

    out = []
    for rid, value, qualifier, marker, status in zip(column("route_id", ""), column("value", np.nan),
                                                     column("qualifier", ""), column("marker", ""),
                                                     column("status", ""), strict=True):
        if status == EMPTY:
            out.append(lang("no_figure"))
        elif value is None or (isinstance(value, float) and np.isnan(value)):
            out.append("")  # a route without a figure of its own: nothing to write
        elif status == REMAINDER and rid in totals:
            out.append(lang.total_note(totals[rid]))
        else:
            out.append(lang.figure(value, qualifier if isinstance(qualifier, str) else "",
                                   marker if isinstance(marker, str) else ""))
    return out


def flow_label_texts(doc: MapDocument) -> dict[str, str]:
    """route_id -> the label beside its symbol: the figure with its qualifier and source marker, what
    contains it, and its change; the same words on the PNG, SVG, PDF and web map."""
    if doc.flows is None or (doc.layer("routes") is None and not doc.is_od):
        return {}
    lang = map_language(doc)
    join = doc.join()
    flows = join.flows
    changes = doc.changes() or {}
    labels = figure_labels(doc, flows)
    names = {}
    if "contained_in" in flows.columns and doc.layer("routes") is not None:
        routes = doc.layer("routes").data
        names = dict(zip(routes["route_id"], routes["name"], strict=True))
    containers = {}
    if join.figures is not None:
        shown = join.shown()
        containers = dict(zip(shown["route_id"], figure_labels(doc, shown), strict=True))
    out = {}
    wholes = flows["contained_in"] if "contained_in" in flows.columns else [""] * len(flows)
    # plain lists: a Series looked up per flow cost a third of a second at 5,000 flows
    parts = part_lines(doc, lang)
    own = doc.period and parse_period(doc.period).label
    periods = flows["period"].tolist() if "period" in flows.columns else [own] * len(flows)
    sources = flows["source"].tolist() if "source" in flows.columns else [None] * len(flows)
    for rid, label, whole, source, period in zip(flows["route_id"].tolist(), labels, list(wholes), sources, periods,
                                                 strict=True):
        # a thematic layer's figure of another period than the map's says which (about 460 expelled in July 2024)
        lines = [lang("figure_period", figure=label, period=lang.period(period)) if period and period != own else label]
        if whole:  # name the figure it is part of as the map writes it, so the reader can find it
            if containers.get(whole):
                lines.append(lang("part_of", whole=containers[whole]))
            else:
                name = lang.phrase(doc.relations.total_name(whole, names.get(whole, whole)))
                lines.append(lang("part_of_name", whole=name))
        lines += parts.get((rid, source), [])
        ch = changes.get(rid)
        if ch is not None and lang.change(ch):
            lines.append(lang.change(ch))
        out[rid] = "\n".join(lines)
    return out


def part_lines(doc: MapDocument, lang: MapLanguage) -> dict[tuple[str, str], list[str]]:
    """(route_id, source) -> the line printing the flow's figure for its part period ("of which Q4 2024:
    16,166"), from the same source as the drawn figure: the map's own flows' (``FlowStyle.part_period``)
    and each thematic flow layer's; none while a part is not within its period."""
    from geo.place_figures import layer_period
    from geo.thematic_join import flow_layers

    asks = [(doc.metric, doc.period, doc.flow_style.part_period)]
    asks += [(layer.metric, layer_period(doc, layer), layer.part_period) for layer in flow_layers(doc)]
    out: dict[tuple[str, str], list[str]] = {}
    for metric, whole, part in asks:
        if not part or whole is None or part_problem(whole, part):
            continue
        rows = doc.flows.select(part, metric)
        period = lang.period(part)
        for r in rows[rows["value"].notna()].itertuples():
            out.setdefault((r.route_id, r.source), [lang("of_which", period=period, figure=lang.figure(
                r.value, r.qualifier if isinstance(r.qualifier, str) else ""))])
    return out


def _according_to(doc: MapDocument, lang: MapLanguage) -> str:
    """', according to IOM Missing Migrants Project' when another source reports other figures for the
    same selection (the dead and missing): whose figures these are belongs in the title block."""
    if doc.layer("routes") is None or doc.is_od:
        return ""
    join = doc.join()
    if join.figures is None or join.markers or not is_named(join.main_source or ""):
        return ""
    others = join.figures[join.figures["status"] == "other_source"]["source"]
    if not any(is_named(s) for s in others):
        return ""
    return lang("according_to", source=lang.phrase(join.main_source))


def _dated(shown) -> np.ndarray:
    """Which figures shown carry a date of their own (a start, an end or both)."""
    return ((shown["date_from"].fillna("") != "") | (shown["date_to"].fillna("") != "")).to_numpy()


def _without_dates(shown, own: str | None) -> np.ndarray:
    """Which figures shown carry no dates of their own but stand for the map's period ('In 2024, ...').
    A figure of another period is dated by it: its label names it ('~460, July 2024')."""
    blank = ~_dated(shown)
    if own and "period" in shown.columns:
        blank &= shown["period"].map(lambda p: not p or parse_period(p).label == own).to_numpy(bool)
    return blank


def period_as_said(lang: MapLanguage, period: str, shown) -> str:
    """The period in the map's words, or as its figures' source says it where they all run from its
    start with no end stated: 'since 1 Aug 2024' (the update's 'since August'), not the period's end it
    does not state and then the words taking it back ('1 Aug – 31 Dec 2024 (since 1 Aug 2024)')."""
    start = lang.date(parse_period(period).start)
    if shown is not None and len(shown) and figure_dates(shown, lang) == lang("span_since", start=start):
        return lang("span_since", start=start)
    return lang.period(period)


def figure_dates(shown, lang: MapLanguage = ENGLISH, own: str | None = None) -> str:
    """The coverage of the figures shown: '29 Sep 2024 – 29 Dec 2024', with how many figures stand
    for the map's period ``own`` without dates of their own (the footer lists them)."""
    if shown is None or not len(shown):
        return ""
    dated = shown[_dated(shown)]
    spans = set(zip(dated["date_from"].fillna(""), dated["date_to"].fillna(""), strict=True))
    undated = int(_without_dates(shown, own).sum())
    if not spans:
        return lang("figures_undated") if undated else ""
    if len(spans) == 1:
        a, b = next(iter(spans))
        # a figure 'since August' has no end: said as the source says it, not as a span running to '…'
        text = (lang("span", start=lang.day(a), end=lang.day(b)) if a and b else
                lang("span_since", start=lang.day(a)) if a else lang("span_until", end=lang.day(b)))
    else:
        text = lang("dates_differ")
    if undated:
        period = lang.period(own) if own else ""
        text += lang("undated_many" if undated > 1 else "undated_one", n=lang.number(undated), period=period)
    return text


def undated_text(doc: MapDocument, lang: MapLanguage) -> str:
    """'Given for 2024 without dates: 14,431; 2,647; ~6,000': which figures the subtitle counts as
    standing for the period without dates of their own, as printed, so a reader can tell them from
    those dated to 29 December. Nothing when none or every one is undated."""
    shown = _shown(doc)
    if shown is None or not len(shown) or doc.period is None:
        return ""
    own = parse_period(doc.period).label
    blank = _without_dates(shown, own)
    if not blank.any() or not _dated(shown).any():  # the subtitle says 'figures undated' of them all
        return ""
    rows = shown[blank]
    figures = [lang.figure(v, q if isinstance(q, str) else "") for v, q in zip(rows["value"], rows["qualifier"], strict=True)]
    return lang("undated_list", period=lang.period(own), figures=lang("refs_sep").join(figures))


def _shown(doc: MapDocument):
    """The figures the map shows, from their own rows (remainders are derived and carry no date)."""
    if doc.layer("routes") is None and not doc.is_od:
        return None
    join = doc.join()
    if join.figures is None:  # origin-destination maps: every drawn flow
        return join.flows
    shown = join.shown()
    return shown[shown["status"] != REMAINDER]


def sources_text(doc: MapDocument, periods: list[str] | None = None) -> str:
    """'Figures: <report>, citing <named sources> and other linked sources. (a) UNHCR. ≥ at least.
    Basemap: ...': every source of a figure shown, the markers and qualifier signs resolved.

    With ``periods`` (small multiples: one footer for several maps), the figures of all of them;
    the document's selection is left as it was.
    """
    lang = map_language(doc)
    parts = []
    has_flows = doc.flows is not None and (doc.layer("routes") is not None or doc.is_od)
    shown, notes = [], FootnoteParts()
    if has_flows:
        for period in doc.each_period(periods):
            figures = _shown(doc)
            if figures is not None and len(figures):
                shown.append(figures)
                notes.merge(footnote_parts(doc), period if periods and len(periods) > 1 else None)
    if shown:
        frame = pd.concat(shown, ignore_index=True)
        srcs = sorted({s for s in frame["source"].fillna("") if s})
        named = [s for s in srcs if is_named(s)]
        unnamed = len(named) < len(srcs)
        refs = sorted({r.split(" — ")[0] for r in frame["source_ref"].fillna("") if r})
        text = lang("figures_from", refs=lang("refs_sep").join(refs if refs else [lang.phrase(s) for s in named]))
        if refs and named and not notes.markers:  # with markers, the footnotes say whose is which
            text += lang("citing", names=lang("names_sep").join(lang.phrase(s) for s in named))
            text += lang("and_others") if unnamed else ""
        parts.append(text)
        parts += notes.lines(lang)
        undated = undated_text(doc, lang) if not periods or len(periods) == 1 else ""
        if undated:
            parts.append(undated)
    circles = _place_sources(doc, lang)
    if circles:
        parts.append(circles)
    nodes = node_places_text(doc, lang) if has_flows and doc.is_od else ""
    if nodes:
        parts.append(nodes)
    if doc.layer("boundaries") is not None:
        parts.append(lang("basemap"))
    return lang("sentence_sep").join(parts) + (lang("full_stop") if parts else "")


def _place_sources(doc: MapDocument, lang) -> str:
    """'Circles: IOM, IOM DTM, UNHCR and other linked sources': whose the place figures' circles are
    (geo.place_figures), named apart from the flows' sources, whose footnote letters do not cover them."""
    from geo.place_figures import place_circles

    circles = place_circles(doc)
    if not len(circles):
        return ""
    srcs = sorted({s for s in circles["source"].fillna("") if s})
    named = [lang.phrase(s) for s in srcs if is_named(s)]
    if not named:
        return ""
    return lang("circle_sources", names=lang("names_sep").join(named)) + (lang("and_others") if len(named) < len(srcs) else "")


def disclaimer_text(doc: MapDocument) -> str:
    """The disclaimer in the map's language, with the UN note when a Non-Self-Governing Territory's
    name (marked '*') is on the map."""
    lang = map_language(doc)
    text = lang.disclaimer(doc.disclaimer)
    return f"{text} {lang('nsgt_note')}" if non_self_governing_on_map(doc) else text


def non_self_governing_on_map(doc: MapDocument) -> bool:
    """Whether the map names a Non-Self-Governing Territory (and so marks it '*' and adds the note)."""
    layer = doc.layer("boundaries")
    if layer is None or not layer.style.visible or not layer.style.labels or "name" not in layer.data.columns:
        return False
    marked = non_self_governing(country_codes(layer.data))
    if not marked.any():
        return False
    extent = doc.default_extent()
    key = ("nsgt-on-map", layer.id, doc.crs, extent)  # asked by the legend's layout and by the footer
    if key not in doc._cache:
        # only the marked territories are projected: the whole layer (83,000 vertices) was projected and
        # kept for this one question, 7 MiB of a cold render's peak that draws from the cached basemap
        geoms = to_crs(layer.data.loc[marked], doc.crs).geometry.to_numpy()
        box = shapely.box(*extent)
        doc._cache[key] = bool((shapely.area(shapely.intersection(geoms, box)) / box.area >= NSGT_MIN_SHARE).any())
    return doc._cache[key]


def label_names(data, language: str):
    """Names in ``language`` (``name_fr`` / ``name_ar`` columns), falling back to ``name`` where missing."""
    base = data["name"].fillna("").astype(str) if "name" in data.columns else pd.Series([""] * len(data), index=data.index)
    col = f"name_{language}"
    if language == "en" or col not in data.columns:
        return base
    local = data[col].fillna("").astype(str)
    return local.where(local.str.strip() != "", base)


NODE_PLACE_KM = 5.0
"""A node's point names a place of the places layer this near it."""


def node_places_text(doc: MapDocument, lang) -> str:
    """'Circles drawn at Tripoli (Libya), …, Lampedusa (Italy)': where an OD map's node circles stand when
    that is a place other than the node (the node table's point, named by the places layer in the map's
    language, else by the table where it names a town: 'Bamako (capital)'). Italy's circle at Lampedusa
    read as Italy's mainland, and Mali's flow from Bamako as a route across the Sahara; nothing said
    where they stand."""
    from geo.od import node_key

    table = doc.node_table()
    flows = doc.join().flows
    places = doc.layer("places")
    if table is None or not len(flows) or places is None:
        return ""
    points = table.for_metric(doc.metric)
    data = places.data
    local = label_names(data, doc.label_language).to_numpy(dtype=object)
    lon, lat = data.geometry.x.to_numpy(), data.geometry.y.to_numpy()
    raw = _drawn_nodes(flows)
    items = []
    for name, shown in zip(raw, node_names(doc, raw), strict=True):
        p = points.get(node_key(str(name)))
        if p is None or not len(lon):
            continue
        km = np.hypot((lon - p.lon) * np.cos(np.radians(p.lat)), lat - p.lat) * 111.2
        k = int(np.argmin(km))
        place = local[k] if km[k] <= NODE_PLACE_KM and local[k] else None
        if place is None:  # the table's own words, where they name a town: 'Bamako (capital)'
            found = re.fullmatch(r"\s*([^()]+?)\s+\((?:port|capital|island|city|town)\)\s*", p.place or "")
            place = found.group(1) if found else None
        if place and str(place).casefold() != shown.casefold():
            items.append(lang("node_at", node=shown, place=place))
    return lang("node_places", items=lang("names_sep").join(items)) if items else ""


def names_of_nodes(doc) -> frozenset[str]:
    """An OD map's node names as written (casefolded): a place or country of the same name is named by
    its node, not twice ('Canary Islands' over the archipelago and beside its circle, 'SPAIN' over the
    country beside 'Spain'). Empty on a route map."""
    if not doc.is_od or doc.flows is None:
        return frozenset()
    flows = doc.join().flows
    if not len(flows):
        return frozenset()
    return frozenset(n.casefold() for n in node_names(doc, _drawn_nodes(flows)))


def _drawn_nodes(flows) -> list:
    """The nodes of an OD map's drawn flows, as the figures name them, in order of first appearance."""
    return list(dict.fromkeys([*flows["origin"], *flows["dest"]]))


def node_names(doc, names) -> list[str]:
    """An OD map's node names as the map writes them: a node named as a place or a country of the
    map's layers (Canary Islands, Libya) in the map's language, as that layer writes it; any other as
    the figures file names it."""
    table: dict[str, str] = {}
    for kind in ("boundaries", "places"):  # a place's own name over a country's of the same spelling
        layer = doc.layer(kind)
        if layer is not None and "name" in layer.data.columns:
            table.update(zip(layer.data["name"].fillna("").astype(str), label_names(layer.data, doc.label_language),
                             strict=True))
    return [table.get(str(n), str(n)) or str(n) for n in names]


def country_names(data, language: str):
    """Country names as the map writes them: in ``language``, a Non-Self-Governing Territory marked
    with the asterisk its UN note explains ('Western Sahara*')."""
    names = label_names(data, language)
    marked = non_self_governing(country_codes(data)) & (names.str.strip() != "").to_numpy()
    return names.where(~marked, names + "*")


def totals_summary(doc: MapDocument) -> str:
    """The map's totals as the command line sums them up, in the map's words ('CMR Italie 65 474 (dont …)')."""
    lang = map_language(doc)
    return ", ".join(f"{t.route_id} {' '.join(head)}" + (f" ({' '.join(note)})" if note else "")
                     for t in doc.join().totals for head, note in [lang.total_lines(t, width=999)])
