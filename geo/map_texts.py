"""The map's words, shared by every output (PNG/SVG/PDF painter and the web map): subtitle,
sources line and figure formatting, so the wording cannot drift between them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.document import MapDocument
from geo.figure_values import format_value
from geo.join import REMAINDER, is_named
from geo.legend import FootnoteParts, footnote_parts
from geo.metrics import metric_label
from geo.periods import parse_period


def day(iso: str) -> str:
    """'2024-09-29' -> '29 Sep 2024' (left as given if it is not a date)."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b')} {d.year}"


def subtitle(doc: MapDocument) -> str:
    """'Arrivals, Q4 2024 (29 Sep 2024 – 29 Dec 2024); change since 2023'.

    The dates are those of the figures shown, never the period's nominal ones: one span when they
    all share it, and it says so when they differ or some figures carry no date.
    """
    if doc.subtitle:
        return doc.subtitle
    if doc.flows is None or doc.period is None:
        return ""
    text = f"{metric_label(doc.metric)}, {parse_period(doc.period).display()}"
    text += _according_to(doc)
    dates = figure_dates(_shown(doc))
    if dates:
        text += f" ({dates})"
    since = doc.comparison_label()
    if since:
        text += f"; change since {since}"
    return text


def flow_label_texts(doc: MapDocument) -> dict[str, str]:
    """route_id -> the label beside its symbol: the figure with its qualifier and source marker, what
    contains it, and its change; the same words on the PNG, SVG, PDF and web map."""
    if doc.flows is None or (doc.layer("routes") is None and not doc.is_od):
        return {}
    join = doc.join()
    flows = join.flows
    changes = doc.changes() or {}
    labels = flows["label"] if "label" in flows.columns else flows["value"].map(format_value)
    names = {}
    if "contained_in" in flows.columns and doc.layer("routes") is not None:
        routes = doc.layer("routes").data
        names = dict(zip(routes["route_id"], routes["name"], strict=True))
    containers = {}
    if join.figures is not None:
        shown = join.shown()
        containers = dict(zip(shown["route_id"], shown["label"], strict=True))
    out = {}
    wholes = flows["contained_in"] if "contained_in" in flows.columns else [""] * len(flows)
    # plain lists: a Series looked up per flow cost a third of a second at 5,000 flows
    for rid, label, whole in zip(flows["route_id"].tolist(), list(labels), list(wholes), strict=True):
        lines = [label]
        if whole:  # name the figure it is part of as the map writes it, so the reader can find it
            lines.append(f"part of the {containers.get(whole) or doc.relations.total_name(whole, names.get(whole, whole))}")
        ch = changes.get(rid)
        if ch is not None and ch.label():
            lines.append(ch.label())
        out[rid] = "\n".join(lines)
    return out


def _according_to(doc: MapDocument) -> str:
    """', according to IOM Missing Migrants Project' when another source reports other figures for the
    same selection (the dead and missing): whose figures these are belongs in the title block."""
    if doc.layer("routes") is None or doc.is_od:
        return ""
    join = doc.join()
    if join.figures is None or join.markers or not is_named(join.main_source or ""):
        return ""
    others = join.figures[join.figures["status"] == "other_source"]["source"]
    return f", according to {join.main_source}" if any(is_named(s) for s in others) else ""


def figure_dates(shown) -> str:
    """The coverage of the figures shown: '29 Sep 2024 – 29 Dec 2024', with what does not fit it."""
    if shown is None or not len(shown):
        return ""
    spans, undated = set(), 0
    for a, b in zip(shown["date_from"].fillna(""), shown["date_to"].fillna(""), strict=True):
        if a or b:
            spans.add((a, b))
        else:
            undated += 1
    if not spans:
        return "figures undated"
    if len(spans) == 1:
        a, b = next(iter(spans))
        text = f"{day(a) if a else '…'} – {day(b) if b else '…'}"
    else:
        text = "dates differ by figure"
    if undated:
        text += f"; {undated} figure{'s' if undated > 1 else ''} undated"
    return text


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
        text = "Figures: " + ("; ".join(refs) if refs else "; ".join(named))
        if refs and named and not notes.markers:  # with markers, the footnotes say whose is which
            text += ", citing " + ", ".join(named) + (" and other linked sources" if unnamed else "")
        parts.append(text)
        parts += notes.lines()
    if doc.layer("boundaries") is not None:
        parts.append("Basemap: Natural Earth (public domain)")
    return ". ".join(parts) + ("." if parts else "")


def label_names(data, language: str):
    """Names in ``language`` (``name_fr`` / ``name_ar`` columns), falling back to ``name`` where missing."""
    import pandas as pd

    base = data["name"].fillna("").astype(str) if "name" in data.columns else pd.Series([""] * len(data), index=data.index)
    col = f"name_{language}"
    if language == "en" or col not in data.columns:
        return base
    local = data[col].fillna("").astype(str)
    return local.where(local.str.strip() != "", base)
