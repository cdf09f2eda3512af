"""How the corpus builds its files: each helper returns a function that writes one bad (or awkward)
file into a folder, from the bundled data or a few lines of text."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from multi_part_files import two_layer_gpkg, workbook  # noqa: F401  (shared with the window tests)

from geo import paths

HEADER = "route_id,period,metric,value,source\n"


def write(folder: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def copy_shapefile(folder: Path, stem: str = "routes", without: str | None = None) -> Path:
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if ext != without:
            shutil.copy(paths.data_path("shapefiles", stem + ext), folder / (stem + ext))
    return folder / f"{stem}.shp"


def cut(path: Path, size: int) -> None:
    path.write_bytes(path.read_bytes()[:size])


def truncated(ext: str, size: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        shp = copy_shapefile(folder)
        cut(shp.with_suffix(ext), size)
        return shp
    return build


def truncated_message(ext: str, size: int) -> Callable[[Path], str]:
    def message(folder: Path) -> str:
        full = paths.data_path("shapefiles", "routes" + ext).stat().st_size
        if ext == ".dbf":  # the size its header declares: without the optional end-of-file byte
            head = paths.data_path("shapefiles", "routes.dbf").read_bytes()[:12]
            full = int.from_bytes(head[8:10], "little") + int.from_bytes(head[4:8], "little") * int.from_bytes(
                head[10:12], "little")
        return (f"routes.shp: the shapefile's {ext} file is truncated ({size:,} of {full:,} bytes); "
                "copy it again from its source")
    return message


def latin1_places(folder: Path) -> Path:
    """The bundled places with an accented name in Windows-1252 and no .cpg, as older software writes."""
    shp = copy_shapefile(folder, "places", without=".cpg")
    dbf = shp.with_suffix(".dbf")
    dbf.write_bytes(dbf.read_bytes().replace(b"Lampedusa", b"Lamp\xe9dusa", 1))
    return shp


def feature(geometry: dict | None, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def line(*coords) -> dict:
    return {"type": "LineString", "coordinates": [list(c) for c in coords]}


def polygon(*ring) -> dict:
    return {"type": "Polygon", "coordinates": [[list(c) for c in ring]]}


def geojson(name: str, *features: dict, raw: str | None = None) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        text = raw if raw is not None else json.dumps({"type": "FeatureCollection", "features": list(features)})
        return write(folder, name, text)
    return build


GOOD_ROUTE = feature(line((10, 33), (12, 36)), route_id="CMR-LY")


def gpkg(name: str, crs: str | int | None, geometry=None) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        import warnings

        import geopandas as gpd
        from shapely.geometry import LineString

        gdf = gpd.GeoDataFrame({"route_id": ["CMR-LY"]},
                               geometry=[geometry or LineString([(10, 33), (12, 36)])], crs=crs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gdf.to_file(folder / name)
        return folder / name
    return build


def bundled_routes_with(change: Callable) -> Callable[[Path], Path]:
    """The bundled routes as GeoJSON with one edit, so the CLI still finds figures for them."""
    def build(folder: Path) -> Path:
        from geo.routes import read_routes

        gdf = read_routes(paths.default_routes())
        gdf = change(gdf)
        out = folder / "routes.geojson"
        gdf.to_file(out)
        return out
    return build


def self_crossing(gdf):
    from shapely.geometry import LineString

    i = gdf.index[gdf["route_id"] == "CMR-LY"][0]
    gdf.loc[i, "geometry"] = LineString([(13.2, 32.9), (14.5, 35.5), (12.0, 34.5), (13.5, 33.5), (12.6, 35.5)])
    return gdf


def kml(name: str, body: str) -> Callable[[Path], Path]:
    return lambda folder: write(folder, name, '<?xml version="1.0" encoding="UTF-8"?>\n'
                                              f'<kml xmlns="http://www.opengis.net/kml/2.2">{body}</kml>\n')


def flows(text: str | bytes, name: str = "flows.csv", encoding: str = "utf-8") -> Callable[[Path], Path]:
    return lambda folder: write(folder, name, text, encoding)


def sparse(name: str, head: bytes, size: int = 200 * 1024 * 1024) -> Callable[[Path], Path]:
    """A file of ``size`` bytes that takes no disk space or memory: ``head`` then a hole."""
    def build(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as f:
            f.write(head)
            f.truncate(size)
        return path
    return build


def zip_bomb(name: str, unpacked: int) -> Callable[[Path], Path]:
    """A 'workbook' of a few hundred kB whose one part unpacks to ``unpacked`` bytes."""
    def build(folder: Path) -> Path:
        import zipfile

        path = folder / name
        chunk = b" " * (1 << 20)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z, \
                z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(unpacked // len(chunk)):
                f.write(chunk)
        return path
    return build





def q4_rows(*extra: str, header: str = HEADER) -> str:
    """Two real Q4 2024 arrival figures, then ``extra`` rows."""
    return header + "CMR-LY,2024Q4,arrivals,11341,UNHCR\nATL,2024Q4,arrivals,16109,UNHCR\n" + "".join(
        e + "\n" for e in extra)


def value_of(route: str, expected: float):
    def check(table) -> None:
        rows = table.frame[table.frame["route_id"] == route]
        expect(list(rows["value"]) == [expected], rows)
    return check


def expect(condition: object, shown: object) -> None:
    """``assert`` usable inside a lambda."""
    if not condition:
        raise AssertionError(shown)


def project(name: str, mutate: Callable[[dict, Path], None] | None = None, text: str | None = None,
            bom: bool = False) -> Callable[[Path], Path]:
    """A project file saved from the bundled map, with one thing broken by ``mutate`` (or raw ``text``)."""
    def build(folder: Path) -> Path:
        from geo.document import MapDocument
        from geo.project import project_dict

        path = folder / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
            return path
        data = project_dict(MapDocument.from_files(), folder)
        if mutate:
            mutate(data, folder)
        path.write_text(json.dumps(data), encoding="utf-8-sig" if bom else "utf-8")
        return path
    return build


def routes_layer(data: dict) -> dict:
    return next(item for item in data["layers"] if item["kind"] == "routes")


def set_layer_path(value: str, create: str | None = None):
    def mutate(data: dict, folder: Path) -> None:
        if create:
            (folder / create).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(paths.data_path("shapefiles", "routes.shp"), folder / create)
        routes_layer(data)["path"] = value
    return mutate


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def dense_route(route_id: str, vertices: int, wiggle_deg: float):
    """A change for bundled_routes_with: ``route_id`` redrawn as a GPS-like track of ``vertices``
    points that zigzag ``wiggle_deg`` either side of the original line."""
    def change(gdf):
        import numpy as np
        from shapely.geometry import LineString

        i = gdf.index[gdf["route_id"] == route_id][0]
        line = gdf.geometry[i]
        t = np.linspace(0, 1, vertices)
        points = [line.interpolate(v, normalized=True) for v in t]
        offsets = np.where(np.arange(vertices) % 2 == 0, wiggle_deg, -wiggle_deg)
        gdf.loc[i, "geometry"] = LineString([(p.x, p.y + o) for p, o in zip(points, offsets, strict=True)])
        return gdf
    return change


def many_layers(count: int):
    """A project mutation: the routes layer entry repeated until there are ``count`` layers."""
    def mutate(data: dict, folder: Path) -> None:
        entry = routes_layer(data)
        data["layers"] += [dict(entry) for _ in range(count - len(data["layers"]))]
    return mutate


def folder_in_place_of(ext: str) -> Callable[[Path], Path]:
    """A shapefile whose ``ext`` part is a folder: the operating system refuses to read it (EISDIR),
    as it refuses an unreadable part (EACCES) for a user who is not root."""
    def build(folder: Path) -> Path:
        shp = copy_shapefile(folder, without=ext)
        shp.with_suffix(ext).mkdir()
        return shp
    return build


def zipped(name: str, member: str, text: str) -> Callable[[Path], Path]:
    """A zip archive holding one file ``member`` with ``text``."""
    def build(folder: Path) -> Path:
        import zipfile

        with zipfile.ZipFile(folder / name, "w") as z:
            z.writestr(member, text)
        return folder / name
    return build
