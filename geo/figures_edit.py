"""Figures typed, pasted or merged in the window: new tables, checked by the file reader's own rules.

A :class:`FlowTable` is never changed in place. Every edit here builds the rows of a new table as
text, the way a figures file holds them, and passes them through :func:`geo.flow_table.check_rows`,
so a typed "abc" is refused with the very words the reader uses for a file ("row 5: value 'abc' is
not a number"). Rows are numbered as in the figures file the table would be written to (the
header is row 1). An edited table has no file (``path`` None): saving the project writes it.

Adding figures to the loaded ones never overwrites a figure: a row of the added file equal to a
loaded one is dropped, and one that disagrees (same route, period, metric, source and dates, another
value or qualifier) is kept beside it as another source, "<source> (<file name>)", so the map's
source rules show the disagreement instead of hiding one of them.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from geo.errors import DataError
from geo.figure_values import format_value, stated_change_text
from geo.flow_table import (
    FRAME_COLUMNS,
    MAX_ROWS,
    OD_COLUMNS,
    PLACE_FRAME_COLUMNS,
    PLACE_KEYS,
    FlowTable,
    check_rows,
    figure_key,
    future_periods,
    header_column,
    normalise_metric,
    places_frame,
    records_frame,
    rows_error,
    split_records,
)
from geo.periods import parse_period

EDIT_COLUMNS = tuple(c for c in FRAME_COLUMNS if c != "row")
"""The columns of an edited figure, in the order they are shown and written."""
FIRST_ROW = 2
"""The number of a table's first figure: row 1 is the header of the file it is written to."""


# -- rows as text -----------------------------------------------------------------------------------
def edit_columns(table: FlowTable | None) -> tuple[str, ...]:
    """The columns of ``table``'s rows: :data:`EDIT_COLUMNS`, plus origin and destination for OD figures."""
    od = tuple(c for c in OD_COLUMNS if table is not None and c in table.frame.columns)
    return (*EDIT_COLUMNS, *od)


def value_text(value) -> str:
    """A figure as typed: '16109', '12.5', '' for no data (read back to the same number)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        return value
    value = float(value)
    return f"{value:.0f}" if value.is_integer() else repr(value)


def table_rows(table: FlowTable) -> list[dict[str, str]]:
    """Every figure of ``table`` as text, one dict per row in the table's order."""
    columns = edit_columns(table)
    return [{c: cell_text(c, v) for c, v in zip(columns, values, strict=True)}
            for values in table.frame[list(columns)].itertuples(index=False, name=None)]


def place_rows(table: FlowTable) -> list[dict[str, str]]:
    """The place and country figures of ``table`` as text rows (route_id empty), as a file holds them."""
    columns = [c for c in PLACE_FRAME_COLUMNS if c != "row"]
    return [{"route_id": "", **{c: cell_text(c, v) for c, v in zip(columns, values, strict=True)}}
            for values in table.places()[columns].itertuples(index=False, name=None)]


def table_from_rows(rows: Sequence[Mapping[str, object] | Sequence[object]], base: FlowTable | None = None,
                    origin: str = "", *, first_row: int = FIRST_ROW, today: date | None = None) -> FlowTable:
    """A new table from typed or pasted rows, checked exactly as the file reader checks a file.

    ``rows`` are dicts keyed by column (any header spelling the reader accepts) or lists in
    :func:`edit_columns` order. ``base`` is the table edited (its OD columns and ``today`` are kept);
    ``origin`` names the rows in messages ("pasted text, row 3: ..."; empty: "row 3: ...");
    ``first_row`` is the number of the first row. Raises one DataError listing every problem; its
    ``rows`` attribute holds the numbers of the rows at fault.
    """
    columns = list(edit_columns(base))
    if any(isinstance(r, Mapping) and any(_text(r.get(c)) for c in OD_COLUMNS) for r in rows):
        columns += [c for c in OD_COLUMNS if c not in columns]
    if any(isinstance(r, Mapping) and any(_text(r.get(c)) for c in PLACE_KEYS) for r in rows):
        columns += list(PLACE_KEYS)
    cells = [_cells(r, columns) for r in rows]
    records, problems = check_rows(cells, {c: i for i, c in enumerate(columns)}, columns, first_row)
    if problems:
        raise rows_error(origin or None, problems)
    if not records:
        err = DataError(origin or None, None, "there are no figures: a figures table needs at least one row")
        err.problems, err.rows = [str(err)], []
        raise err
    routes, places = split_records(records)
    frame = records_frame(routes)
    today = today or (base.today if base is not None else None)
    warnings = future_periods(Path(origin or "figures"), frame, today or date.today())
    # the editor shows the route figures; the place and country figures go along unchanged
    kept = base.place_figures if base is not None and not places else places_frame(places)
    return FlowTable(frame=frame, path=None, warnings=warnings, today=today, place_figures=kept)


def _cells(row: Mapping[str, object] | Sequence[object], columns: list[str]) -> list[str]:
    if not isinstance(row, Mapping):
        return [_text(v) for v in row]
    named = {}
    for key, value in row.items():
        if key == "row":
            continue
        column = key if key in columns else header_column(str(key))
        if column is None:
            raise ValueError(f"{key!r} is not a figures column ({', '.join(columns)})")
        named[column] = cell_text(column, value)
    return [named.get(c, "") for c in columns]


def cell_text(column: str, value) -> str:
    """A cell of ``column`` as typed, read back to the same value: a figure, a stated change ('+16%')."""
    if column == "value":
        return value_text(value)
    if column == "stated_change" and not isinstance(value, str):
        return stated_change_text(value)
    return _text(value)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


# -- edits ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SetRow:
    """Change cells of the row at ``index`` (0-based, in the table's order)."""
    index: int
    values: Mapping[str, object]


@dataclass(frozen=True)
class AddRow:
    """A new figure after the table's rows (a new period is added by adding its rows)."""
    values: Mapping[str, object]


@dataclass(frozen=True)
class DeleteRow:
    index: int


def edited_table(table: FlowTable, changes: Iterable[SetRow | AddRow | DeleteRow], origin: str = "") -> FlowTable:
    """A new table: ``table`` with ``changes`` made (indexes name rows of ``table``), checked as a file
    is. Rows are numbered in the new table; a duplicate is refused with the reader's message."""
    rows: list[dict[str, object] | None] = list(table_rows(table))
    added = []
    for change in changes:
        if isinstance(change, DeleteRow):
            rows[change.index] = None
        elif isinstance(change, SetRow):
            rows[change.index] = {**rows[change.index], **change.values}
        else:
            added.append(dict(change.values))
    return table_from_rows([r for r in rows if r is not None] + added, table, origin)


def set_figure(table: FlowTable, route_id: str, period: str, metric: str, source: str | None, value: str) -> FlowTable:
    """``table`` with the figure of ``route_id`` for ``period``, ``metric`` and ``source`` set to
    ``value`` (text, checked as a file's cell), adding a row when the route has none."""
    label = parse_period(period).label
    frame = table.frame
    match = ((frame["route_id"] == route_id) & (frame["period"] == label) & (frame["metric"] == normalise_metric(metric))
             & (frame["source"].str.casefold() == (source or "").strip().casefold()))
    where = [i for i, hit in enumerate(match) if hit]
    if where:
        return edited_table(table, [SetRow(where[0], {"value": value})])
    return edited_table(table, [AddRow({"route_id": route_id, "period": label, "metric": metric,
                                        "source": source or "", "value": value})])


# -- adding a file to the loaded figures ------------------------------------------------------------
def merge_tables(loaded: FlowTable, added: FlowTable, added_name: str | None = None) -> tuple[FlowTable, list[str]]:
    """The loaded figures plus those of ``added``, and one line per conflict.

    A row of ``added`` equal to a loaded one (same route, period, metric, source and dates, same
    value and qualifier) is dropped. One with the same key but another value or qualifier is a
    conflict: it is kept beside the loaded one, its source written "<source> (<added_name>)", and
    the returned line names route, period, metric, both values and both files.
    """
    name = added_name or (added.path.name if added.path else "the added figures")
    loaded_name = loaded.path.name if loaded.path else "the loaded figures"
    if ("origin" in loaded.frame.columns) != ("origin" in added.frame.columns):
        raise DataError(name, None, "origin–destination figures and route figures cannot be added together: "
                                    "replace the loaded figures instead")
    rows, conflicts = _merged_rows(table_rows(loaded), table_rows(added), name, loaded_name)
    places, place_conflicts = _merged_rows(place_rows(loaded), place_rows(added), name, loaded_name)
    merged = table_from_rows(rows, loaded, name)
    if len(places):
        merged = replace(merged, place_figures=table_from_rows(places, None, name, today=loaded.today).place_figures)
    return merged, conflicts + place_conflicts


def _merged_rows(rows: list[dict], added: list[dict], name: str, loaded_name: str) -> tuple[list[dict], list[str]]:
    """``rows`` plus the ``added`` rows not among them; a disagreeing figure is kept as another source."""
    rows = list(rows)
    by_key = {figure_key(r): r for r in rows}
    conflicts = []
    for row in added:
        key, source, clash = figure_key(row), row["source"], None
        while key in by_key:
            other = by_key[key]
            if (other["value"], other["qualifier"]) == (row["value"], row["qualifier"]):
                break  # the same figure, already loaded (or added by an earlier merge)
            clash = clash or other
            source = f"{source} ({name})" if source else f"({name})"
            key = figure_key({**row, "source": source})
        else:
            by_key[key] = {**row, "source": source}
            rows.append(by_key[key])
            if clash is not None:
                where = row["route_id"] or row.get("place_id") or row.get("country")
                conflicts.append(f"{where} {row['period']} {row['metric']}: {_shown(clash)} in {loaded_name}"
                                 f" but {_shown(row)} in {name}; both kept, the added figure as source {source!r}")
    return rows, conflicts


def _shown(row: Mapping[str, str]) -> str:
    if not row["value"]:
        return "no figure"
    return format_value(float(row["value"])) + (f" ({row['qualifier']})" if row["qualifier"] else "")


# -- pasted spreadsheet cells -----------------------------------------------------------------------
def parse_pasted(text: str) -> tuple[list[str | None] | None, list[list[str]]]:
    """Cells copied from a spreadsheet (tab-separated, as Excel and LibreOffice copy): the header's
    columns (None for a column not read; None when the first row is not a header) and the rows.
    Blank rows are dropped; the numbers are checked later, with every spelling the reader accepts."""
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter="\t") if any(c.strip() for c in r)]
    except csv.Error as e:
        raise DataError(None, None, f"the pasted text is not spreadsheet cells ({e})") from None
    if len(rows) > MAX_ROWS:
        raise DataError(None, None, f"the pasted text has more than {MAX_ROWS:,} rows")
    if not rows:
        return None, []
    names = [header_column(c) if c.strip() else None for c in rows[0]]
    filled = [c for c in rows[0] if c.strip()]
    known = [n for n in names if n is not None]
    if (len(known) >= 2 and len(known) * 2 >= len(filled)) or (filled and len(known) == len(filled)):
        return names, rows[1:]
    return None, rows


def pasted_rows(text: str, columns: Sequence[str] = EDIT_COLUMNS) -> list[dict[str, str]]:
    """Pasted cells as rows: by the header's names, or in ``columns`` order when there is no header."""
    header, rows = parse_pasted(text)
    if header is not None:
        return [{h: c for h, c in zip(header, r, strict=False) if h} for r in rows]
    return [dict(zip(columns, r, strict=False)) for r in rows]


# -- writing ----------------------------------------------------------------------------------------
def write_figures_csv(table: FlowTable, path: str | Path) -> None:
    """``table`` as a UTF-8 figures CSV that :func:`geo.flow_table.read_flow_table` reads back equal."""
    places = place_rows(table)
    columns = (*edit_columns(table), *(PLACE_KEYS if places else ()))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows([r.get(c, "") for c in columns] for r in [*table_rows(table), *places])
