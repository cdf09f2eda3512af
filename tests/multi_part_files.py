"""Files that hold several layers or sheets (shared by the corpus and the window tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from geo import paths


def workbook(rows: list[list], merge: str | None = None, name: str = "flows.xlsx",
             hidden_first: list[list] | None = None) -> Callable[[Path], Path]:
    """A workbook of ``rows``; ``hidden_first`` puts a hidden sheet of other rows before it."""
    def build(folder: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        if hidden_first is not None:
            sheet.title = "Q4 draft"
            for row in hidden_first:
                sheet.append(row)
            sheet.sheet_state = "hidden"
            sheet = book.create_sheet("Q4 2024")
            book.active = 1
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
        book.save(folder / name)
        return folder / name
    return build


def two_layer_gpkg(name: str, id_suffix: str = "") -> Callable[[Path], Path]:
    """This quarter's routes and last year's draft in one GeoPackage, the draft first; ``id_suffix``
    renames every route (and parent) id, for routes opened beside the bundled ones (ids are unique
    across routes layers)."""
    def build(folder: Path) -> Path:
        import warnings

        import geopandas as gpd

        routes = gpd.read_file(paths.default_routes())
        if id_suffix:
            routes["route_id"] = routes["route_id"] + id_suffix
            routes["parent"] = routes["parent"].where(routes["parent"].fillna("") == "", routes["parent"] + id_suffix)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            routes.iloc[:3].to_file(folder / name, layer="routes_draft_2023", driver="GPKG")
            routes.to_file(folder / name, layer="routes", driver="GPKG")
        return folder / name
    return build
