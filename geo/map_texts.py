"""The map's words, shared by every output (PNG/SVG/PDF painter and the web map): subtitle,
sources line and figure formatting, so the wording cannot drift between them."""

from __future__ import annotations

import datetime as dt

from geo.document import MapDocument
from geo.figure_values import format_value  # noqa: F401  (part of the map's wording)
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
    """'Arrivals, Q4 2024 (29 Sep 2024 – 29 Dec 2024); change since 2023'."""
    if doc.subtitle:
        return doc.subtitle
    if doc.flows is None or doc.period is None:
        return ""
    text = f"{metric_label(doc.metric)}, {parse_period(doc.period).display()}"
    flows = doc.join().flows
    spans = {(a, b) for a, b in zip(flows["date_from"], flows["date_to"], strict=True) if a and b}
    if len(spans) == 1:
        a, b = next(iter(spans))
        text += f" ({day(a)} – {day(b)})"
    since = doc.comparison_label()
    if since:
        text += f"; change since {since}"
    return text


def sources_text(doc: MapDocument) -> str:
    """'Figures: <report>, citing <named sources> and other linked sources. Basemap: ...'."""
    parts = []
    has_flows = doc.flows is not None and (doc.layer("routes") is not None or doc.is_od)
    join = doc.join() if has_flows else None
    if join is not None and len(join.flows):
        srcs = sorted({s for s in join.flows["source"] if s})
        named = [s for s in srcs if not s.lower().startswith("not named")]
        unnamed = len(named) < len(srcs)
        refs = sorted({r.split(" — ")[0] for r in join.flows["source_ref"] if r})
        text = "Figures: " + ("; ".join(refs) if refs else "; ".join(named))
        if refs and named:
            text += ", citing " + ", ".join(named) + (" and other linked sources" if unnamed else "")
        parts.append(text)
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
