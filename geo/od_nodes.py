"""Where an origin–destination flow starts and ends: a node table of lon/lat points per node name.

A figures row says "Libya → Italy". Drawn from the countries' label points, that flow left from the
Fezzan and landed in Emilia-Romagna, and Algeria's departures started in the Sahara: the map said
something the figures do not. A node table puts each node where the data means it: the port or
coast boats leave from, the island they land on, the capital standing for a nationality.

The table is a CSV (``data/flows/od_nodes.csv`` is the bundled one; ``--nodes`` or a project names
another) with the columns ``node`` (a country or place as the figures name it: ISO code, English or
French name, place id), ``lon`` and ``lat`` in degrees, and optionally ``metric`` (the row applies to
that metric only; empty: to every metric), ``place`` (what the point is) and ``source``. A row for
a metric wins over a row for every metric; a node the table does not name stays where the countries
and places layers put it.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.csv_text import decode
from geo.errors import DataError
from geo.figure_values import forbidden_character, quote_cell

NODE_COLUMNS = ("node", "lon", "lat")
OPTIONAL_COLUMNS = ("metric", "place", "source")
# A node table names a few dozen places; anything far larger is the wrong file.
MAX_NODE_ROWS = 10_000
MAX_NODE_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class NodePoint:
    """One row of a node table: ``node`` (as the figures spell it) at ``lon``, ``lat`` for ``metric``
    ('' for every metric)."""

    node: str
    metric: str
    lon: float
    lat: float
    place: str = ""
    source: str = ""
    row: int = 0


@dataclass(frozen=True)
class NodeTable:
    """A node table read from ``path`` (kept so a project can store where it came from)."""

    path: Path | None
    points: tuple[NodePoint, ...]

    def for_metric(self, metric: str) -> dict[str, NodePoint]:
        """Node key (see ``geo.od.node_key``) -> the point it takes on a map of ``metric``."""
        from geo.od import node_key

        out: dict[str, NodePoint] = {}
        for p in self.points:  # every-metric rows first, so the metric's own rows replace them
            if not p.metric:
                out[node_key(p.node)] = p
        for p in self.points:
            if p.metric and p.metric == metric:
                out[node_key(p.node)] = p
        return out


def read_node_table(path: str | Path) -> NodeTable:
    """Read and check a node table; a mistake is a DataError naming the row and what is wrong."""
    from geo.flow_table import normalise_metric
    from geo.od import node_key

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_NODE_FILE_BYTES:
            raise DataError(path, None, f"is {size / 1e6:,.1f} MB, over the {MAX_NODE_FILE_BYTES // 1_000_000} MB a "
                                        "node table may have; is it the right file?")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, None, "file not found") from None
    except OSError as exc:
        raise DataError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    rows = list(csv.reader(io.StringIO(decode(path, data, []), newline="")))
    if not rows:
        raise DataError(path, None, "the file is empty: expected a header row with node, lon, lat")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in NODE_COLUMNS if c not in header]
    if missing:
        raise DataError(path, "row 1", f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                                       f"a node table has node, lon, lat (and optionally {', '.join(OPTIONAL_COLUMNS)})")
    if len(rows) - 1 > MAX_NODE_ROWS:
        raise DataError(path, None, f"has {len(rows) - 1:,} rows, over the {MAX_NODE_ROWS:,} a node table may have")
    col = {name: header.index(name) for name in (*NODE_COLUMNS, *OPTIONAL_COLUMNS) if name in header}
    points: list[NodePoint] = []
    seen: dict[tuple[str, str], int] = {}
    for n, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells=cells) -> str:
            i = col.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        for name in ("node", "metric", "place", "source"):
            bad = forbidden_character(cell(name))
            if bad:
                raise DataError(path, f"row {n}", f"{name} holds the control character {bad}; retype the cell")
        node = cell("node")
        if not node_key(node):
            raise DataError(path, f"row {n}", "node is empty")
        lon, lat = _degrees(path, n, "lon", cell("lon"), 180.0), _degrees(path, n, "lat", cell("lat"), 90.0)
        metric = normalise_metric(cell("metric")) if cell("metric") else ""
        key = (node_key(node), metric)
        if key in seen:
            raise DataError(path, f"row {n}", f"node {quote_cell(node)} is given twice"
                                              f"{' for ' + metric if metric else ''} (rows {seen[key]} and {n})")
        seen[key] = n
        points.append(NodePoint(node, metric, lon, lat, cell("place"), cell("source"), n))
    return NodeTable(path, tuple(points))


def _degrees(path: Path, row: int, name: str, text: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DataError(path, f"row {row}", f"{name} {quote_cell(text)} is not a number of degrees") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise DataError(path, f"row {row}", f"{name} {text} is outside −{limit:g}° to {limit:g}°")
    return value


_BUNDLED: dict[Path, NodeTable] = {}


def bundled_node_table() -> NodeTable | None:
    """The node table shipped with Crossings for its OD figures (read once), or None if it is absent."""
    path = paths.default_od_nodes()
    if path not in _BUNDLED:
        if not path.exists():
            return None
        _BUNDLED[path] = read_node_table(path)
    return _BUNDLED[path]
