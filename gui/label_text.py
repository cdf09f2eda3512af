"""Label texts: names in the map's language, figures formatted, and the ambiguity rule."""

from __future__ import annotations

import shapely

from geo.document import MapDocument
from geo.map_texts import format_value  # noqa: F401  (figures read the same on every output)


def nearer_to_another(cand, size, own, others) -> bool:
    """True when a label box at ``cand`` would sit closer to another place than to its own (ambiguous)."""
    cx, cy, _ = cand
    w, h = size
    box = shapely.box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    d_own = box.distance(shapely.Point(own))
    slack = 0.25 * h  # near-ties are fine: only a box clearly nearer to another place misleads
    return any(box.distance(shapely.Point(p)) + slack < d_own for p in others if p != own)


def doc_language(doc: MapDocument) -> str:
    return getattr(doc, "label_language", "en")


def label_names(data, language: str):
    """Names in ``language`` (name_fr, name_ar columns), falling back to ``name`` where missing."""
    import pandas as pd

    base = data["name"].fillna("").astype(str) if "name" in data.columns else pd.Series([""] * len(data), index=data.index)
    col = f"name_{language}"
    if language == "en" or col not in data.columns:
        return base
    local = data[col].fillna("").astype(str)
    return local.where(local.str.strip() != "", base)
