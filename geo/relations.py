"""How the figures of different routes relate, beyond the parent/branch tree of the routes file.

The routes file says which routes are branches of which (``parent``): their figures are parts of
the parent's total. Some figures are inside another without being a branch of it: the update's
Balearic arrivals (``ALB``) are part of its "overall sea arrivals to the Spanish Peninsula and
Balearic Islands" (``WMR-SEA``), though the Algerian route is drawn on its own. Drawn as two
flows, those people would be counted twice. ``data/flows/relations.csv`` declares such relations
(and the short name a total is labelled with, "Italy 16,166"); ``data/flows/README.md`` documents it.

A route may also be a country's total over several routes of their own (``total_over``): Spain's
63,427 arrivals of 2024 are the Atlantic route's and the Western Mediterranean's together, which
leave from different coasts and land far apart. Such a route is never drawn, neither as a band nor
dashed for want of a figure; its figure is written over the country, with no leader to any one of
its branches (tied to the Almería arrow, it read as that arrow's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import DataError
from geo.lookup_tables import table_rows

CONTAINED_IN = "contained_in"
TOTAL_NAME = "total_name"
TOTAL_OVER = "total_over"
RELATIONS = (CONTAINED_IN, TOTAL_NAME, TOTAL_OVER)
_COLUMNS = ("route_id", "relation", "other", "metric", "text")


@dataclass(frozen=True)
class Containment:
    part: str
    whole: str
    metric: str | None
    """The metric this holds for (None: every metric)."""
    text: str = ""


@dataclass
class FigureRelations:
    """Figures inside other figures, and the names route totals are labelled with."""

    contained: list[Containment] = field(default_factory=list)
    total_names: dict[str, str] = field(default_factory=dict)
    totals_over: dict[str, str] = field(default_factory=dict)
    """Route id -> the ISO 3166-1 alpha-3 code of the country whose total of its branches it is."""

    def country_of_total(self, route_id: str) -> str | None:
        """The country a route is the total of (``total_over``), or None."""
        return self.totals_over.get(route_id)

    def container_of(self, route_id: str, metric: str) -> Containment | None:
        return next((c for c in self.contained if c.part == route_id and c.metric in (None, metric)), None)

    def total_name(self, route_id: str, fallback: str) -> str:
        return self.total_names.get(route_id) or fallback

    def merge(self, other: FigureRelations) -> None:
        """Add ``other``'s relations (another routes file's) to these."""
        self.contained += other.contained
        self.total_names.update(other.total_names)
        self.totals_over.update(other.totals_over)

    def restricted(self, route_ids: set[str]) -> FigureRelations:
        """Only the relations between routes in ``route_ids`` (after routes were deleted in the window)."""
        return FigureRelations([c for c in self.contained if c.part in route_ids and c.whole in route_ids],
                               {r: n for r, n in self.total_names.items() if r in route_ids},
                               {r: c for r, c in self.totals_over.items() if r in route_ids})

    def rows(self) -> list[dict[str, str]]:
        """The relations as rows of a relations file (saved beside edited routes)."""
        return ([{"route_id": c.part, "relation": CONTAINED_IN, "other": c.whole, "metric": c.metric or "",
                  "text": c.text} for c in self.contained]
                + [{"route_id": r, "relation": TOTAL_NAME, "other": "", "metric": "", "text": n}
                   for r, n in self.total_names.items()]
                + [{"route_id": r, "relation": TOTAL_OVER, "other": c, "metric": "", "text": ""}
                   for r, c in self.totals_over.items()])


def relations_for_routes(routes_path: Path | None, route_ids: set[str]) -> FigureRelations:
    """The relations that go with a routes file: ``<routes>.relations.csv`` beside it, or for the
    bundled routes ``data/flows/relations.csv``; none otherwise (every figure then stands alone)."""
    from geo import paths

    if routes_path is None:
        return FigureRelations()
    routes_path = Path(routes_path)
    beside = routes_path.with_name(routes_path.stem + ".relations.csv")
    if beside.exists():
        return read_relations(beside, route_ids)
    if routes_path.resolve() == paths.default_routes().resolve():
        return read_relations(paths.default_relations(), route_ids)
    return FigureRelations()


def read_relations(path: str | Path, route_ids: set[str] | None = None) -> FigureRelations:
    """The relations table; every id must be a route (when ``route_ids`` is given), no loops."""
    from geo.flow_table import normalise_metric

    path = Path(path)
    out = FigureRelations()
    for n, row in table_rows(path, _COLUMNS):
        rid, rel, other = row["route_id"], row["relation"], row["other"]
        metric = normalise_metric(row["metric"]) or None
        if not rid:
            raise DataError(path, f"row {n}", "route_id is empty")
        if rel not in RELATIONS:
            raise DataError(path, f"row {n}", f"relation {rel!r} is not one of {', '.join(RELATIONS)}")
        for name, value in (("route_id", rid), ("other", "" if rel == TOTAL_OVER else other)):
            if route_ids is not None and value and value not in route_ids:
                raise DataError(path, f"row {n}", f"{name} {value!r} is not a route in the routes layer")
        if rel == CONTAINED_IN:
            if not other or other == rid:
                raise DataError(path, f"row {n}", "contained_in needs another route in 'other'")
            out.contained.append(Containment(rid, other, metric, row["text"]))
        elif rel == TOTAL_OVER:
            if not (len(other) == 3 and other.isalpha() and other.isupper()):
                raise DataError(path, f"row {n}", f"total_over needs the country's ISO 3166-1 alpha-3 code in 'other' "
                                f"(e.g. ESP), not {other!r}")
            out.totals_over[rid] = other
        else:
            out.total_names[rid] = row["text"]
    for c in out.contained:  # A in B in A would hide both
        seen, cur = {c.part}, c
        while cur is not None:
            if cur.whole in seen:
                raise DataError(path, None, f"{c.part} is contained in itself through {cur.whole}")
            seen.add(cur.whole)
            cur = out.container_of(cur.whole, c.metric or "")
    return out


def relations_text(relations: FigureRelations) -> str:
    """A relations file's text (CSV, UTF-8) that ``read_relations`` reads back as ``relations``."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(relations.rows())
    return out.getvalue()
