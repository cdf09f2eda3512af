"""Point layers from a CSV with latitude/longitude columns (offices, disembarkation points, NGOs).

Field offices keep such lists in spreadsheets, so reading is lenient about headers, delimiters
and encodings, and strict about coordinates: every problem names the row a spreadsheet shows
(the header is row 1) and the column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.errors import DataError
from geo.figure_values import forbidden_character

LAT_NAMES = ("lat", "latitude", "y", "lat_dd", "latitud")
SNIFF_BYTES = 64 * 1024  # enough for any header line
FILE_ROWS = "file_rows"
"""The key in a point CSV's ``attrs`` of each point's row in the file (header = row 1)."""
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "lon_dd", "longitud")


def read_points_file(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """Points from a CSV with latitude/longitude columns, or from any point vector file."""
    if Path(path).suffix.lower() in (".csv", ".txt", ".tsv"):
        return read_point_csv(path)
    from geo.vector_io import read_vector

    return read_vector(path, expect="point", layer=layer)


def looks_like_point_csv(path: str | Path) -> bool:
    """True when a CSV's header has a latitude and a longitude column (and so is not a figures file)."""
    try:
        header = _rows(Path(path), limit=SNIFF_BYTES)[0]
    except (DataError, IndexError):
        return False
    names = [_norm(h) for h in header]
    return any(n in LAT_NAMES for n in names) and any(n in LON_NAMES for n in names)


def read_point_csv(path: str | Path, lat: str | None = None, lon: str | None = None) -> gpd.GeoDataFrame:
    """Read a CSV into a lon/lat (EPSG:4326) point GeoDataFrame; other columns become attributes.

    ``lat``/``lon`` name the coordinate columns; by default they are found among common spellings
    (lat, latitude, y / lon, lng, long, longitude, x). Decimal commas are accepted.
    """
    path = Path(path)
    rows = _rows(path)
    if not rows or not any(c.strip() for c in rows[0]):
        raise DataError(path, None, "the file is empty: expected a header row with lat and lon columns")
    header = [h.strip() for h in rows[0]]
    lat_i = _column(path, header, lat, LAT_NAMES, "latitude")
    lon_i = _column(path, header, lon, LON_NAMES, "longitude")
    records, xs, ys, file_rows = [], [], [], []
    for n, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        for h, c in zip(header, cells, strict=False):  # names become map text, in SVG and the web map too
            bad = forbidden_character(c)
            if bad:
                raise DataError(path, f"row {n}", f"column {h!r} holds the control character {bad}, which no map text "
                                                     "may carry; retype the cell")
        y = _coordinate(path, n, header[lat_i], cells[lat_i], 90.0)
        x = _coordinate(path, n, header[lon_i], cells[lon_i], 180.0)
        xs.append(x)
        ys.append(y)
        file_rows.append(n)
        records.append({h: c.strip() for i, (h, c) in enumerate(zip(header, cells, strict=False))
                        if i not in (lat_i, lon_i) and h})
    if not records:
        raise DataError(path, "row 2", "there are no points below the header")
    frame = pd.DataFrame(records)
    if "geometry" in frame.columns:  # a text column of that name would clash with the points
        frame = frame.rename(columns={"geometry": "geometry_text"})
    if "name" not in frame.columns:
        text = [c for c in frame.columns if c.lower() in ("title", "label", "office", "place", "nom")]
        frame["name"] = frame[text[0]] if text else ""
    frame["kind"] = frame.get("kind", "point")
    points = gpd.GeoDataFrame(frame, geometry=shapely.points(xs, ys), crs="EPSG:4326")
    points.attrs[FILE_ROWS] = file_rows  # each point's row as a spreadsheet shows it, for messages
    return points


def _rows(path: Path, limit: int | None = None) -> list[list[str]]:
    """The CSV's rows (the first ``limit`` bytes only, when sniffing a header)."""
    if not path.exists():
        raise DataError(path, None, "file not found")
    try:
        with path.open("rb") as f:
            data = f.read(limit) if limit else f.read()
    except OSError as exc:
        raise DataError(path, None, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows; never fails
    if "\x00" in text:
        raise DataError(path, None, "is a binary file, not CSV text")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise DataError(path, None, f"is not readable CSV ({_clean(str(exc))})") from None


def _clean(text: str) -> str:
    """Cell text fit for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _norm(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def _column(path: Path, header: list[str], wanted: str | None, names: tuple[str, ...], what: str) -> int:
    normed = [_norm(h) for h in header]
    if wanted is not None:
        if _norm(wanted) in normed:
            return normed.index(_norm(wanted))
        raise DataError(path, "row 1", f"no column {wanted!r} (columns: {_columns(header)})")
    for name in names:
        if name in normed:
            return normed.index(name)
    raise DataError(path, "row 1", f"no {what} column: name one {', '.join(names[:4])} (columns: {_columns(header)})")


def _columns(header: list[str]) -> str:
    shown = [_clean(h) or "(empty)" for h in header[:12]]
    return ", ".join(shown) + (f" and {len(header) - 12} more" if len(header) > 12 else "")


def _coordinate(path: Path, row: int, column: str, text: str, limit: float) -> float:
    where = f"row {row}, column {_clean(column)!r}"
    t = text.strip().replace(",", ".")
    if not t:
        raise DataError(path, where, "is empty; every point needs coordinates")
    try:
        value = float(t)
    except ValueError:
        raise DataError(path, where, f"{_clean(text)!r} is not a number in decimal degrees") from None
    if not -limit <= value <= limit:
        raise DataError(path, where, f"{value:g} is outside ±{limit:g}°; are latitude and longitude swapped?")
    return value
