"""Project files: one human-readable JSON file naming the data by path, plus every setting.

The path rule: **a project reads only files in its own folder (and its subfolders) and the data
bundled with Crossings** (``bundled:<path>``). A path that climbs out (``../``, a symlink) or is
absolute is refused by key: a project mailed from elsewhere must not read arbitrary files, and the
messages about a refused file must not show what it holds. So that every saved project obeys the
rule, saving copies a data file that lives elsewhere into ``<project name>_data/`` beside the
project (a shapefile with its sidecar files) and names the copy: the folder can then be zipped and
mailed whole. Only the autosave, which Crossings writes itself, may name absolute paths.
Bad content raises a DataError naming the project file and the key.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from geo import paths
from geo.atomic import atomic_output, output_set
from geo.document import LAYER_KINDS, Layer, MapDocument
from geo.document_routes import route_id_clash
from geo.errors import CrossingsError, DataError, split_choice
from geo.export_settings import ExportSettings
from geo.figures_edit import write_figures_csv
from geo.flow_table import read_flow_table
from geo.insets import AUTO, parse_insets, stored_insets
from geo.legend_place import parse_legend_place
from geo.od_nodes import read_node_table
from geo.page import Page
from geo.point_layers import looks_like_point_csv, read_point_csv, read_points_file
from geo.point_style import PointStyle, default_point_style
from geo.point_symbols import check_point_style
from geo.routes import read_routes
from geo.styles import FlowStyle, LayerStyle, MapTheme
from geo.vector_io import read_vector
from geo.view_extent import check_extent_lonlat

FORMAT = "crossings-project"
VERSION = 1
SUFFIX = ".crossings.json"
BUNDLED = "bundled:"
# Where the autosave (and a series' worker copy) writes data edited in the window.
EDITS_FOLDER = "crossings_edits"
# Far above any regional map (the bundled one has 3 layers); every entry is a file read.
MAX_PROJECT_LAYERS = 100


# -- writing ---------------------------------------------------------------------------------------
def project_dict(doc: MapDocument, folder: Path, store: _Packer | None = None) -> dict[str, Any]:
    """The project as plain JSON-ready data; ``store`` turns a data file's path into the text
    written, and writes data edited in the window to files (default: paths relative to ``folder``,
    ``bundled:``, or absolute, as the autosave needs; edits written into ``folder``/EDITS_FOLDER)."""
    store = store or _Packer(folder, folder / EDITS_FOLDER, copy_outside=False)
    return {
        "format": FORMAT, "version": VERSION,
        "title": doc.title, "subtitle": doc.subtitle, "notes": doc.notes,
        "crs": doc.crs,
        "label_language": getattr(doc, "label_language", "en"),
        "page": asdict(doc.page),
        "selection": {"period": doc.period, "metric": doc.metric, "source": doc.source},
        "figures": store.figures(doc.flows) if doc.flows is not None else None,
        "figures_sheet": doc.flows.sheet if doc.flows is not None else None,
        "extent_lonlat": list(doc.extent_lonlat) if doc.extent_lonlat else None,
        "insets": stored_insets(doc.insets),
        "legend_place": doc.legend_place,
        "place_figures": [layer.to_dict() for layer in doc.place_layers],
        "callouts": [callout.to_dict() for callout in doc.callouts],
        "od_nodes": store(doc.od_nodes.path) if getattr(doc, "od_nodes", None) is not None else None,
        "flow_style": asdict(doc.flow_style),
        "theme": asdict(doc.theme),
        "export": asdict(doc.export_settings),
        "layers": [{"kind": lyr.kind, "title": lyr.title,
                    "path": store.edited_layer(lyr) if lyr.edited else store(lyr.path) if lyr.path else None,
                    "layer": lyr.source,
                    "style": asdict(lyr.style)} for lyr in doc.layers],
    }


def save_project(doc: MapDocument, path: str | Path, copied: list[Path] | None = None) -> Path:
    """Write the project atomically, with copies of data files that live outside its folder.

    The project file and the copies land together or not at all (a failed save leaves the
    previous file intact); the copies made are appended to ``copied`` for the caller's message.
    """
    path = Path(path)
    folder = path.resolve().parent
    packer = _Packer(folder, folder / data_folder_name(path))
    with output_set():
        text = json.dumps(project_dict(doc, folder, packer), indent=2, ensure_ascii=False)
        with atomic_output(path) as tmp:
            tmp.write_text(text + "\n", encoding="utf-8")
    for layer in doc.layers:  # saved: an edited layer is now the file written, and reopens as it is
        if layer.id in packer.written:
            layer.path, layer.source, layer.edited = packer.written[layer.id], None, False
    if doc.flows is not None and doc.flows.path is None:  # saved: edited figures are now the file written
        doc.set_flows(replace(doc.flows, path=packer.data_dir / FIGURES_FILE))
    if copied is not None:
        copied.extend(packer.copied)
    return path


FIGURES_FILE = "figures.csv"


def data_folder_name(project: Path) -> str:
    name = project.name
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else project.stem
    return f"{stem}_data"


# A shapefile is several files; the copy takes every part that exists.
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml")


class _Packer:
    """Stores paths by the rule: in the folder or bundled as they are; anything else copied in
    (or, for the autosave, ``copy_outside=False``, named absolutely). Data edited in the window is
    written into ``data_dir`` (``edited_layer``)."""

    def __init__(self, folder: Path, data_dir: Path, copy_outside: bool = True) -> None:
        self.folder, self.data_dir, self.copy_outside = folder, data_dir, copy_outside
        self.copied: list[Path] = []
        self.written: dict[int, Path] = {}
        """Layer id -> the file its edited data was written to."""
        self._names: dict[Path, str] = {}

    def figures(self, table) -> str:
        """The figures' stored path. Figures edited in the window (no file), or read from the file an
        earlier save wrote them to (an undo may have brought back an older version of it), are written
        as UTF-8 CSV ``figures.csv`` in ``data_dir``, atomically: inside a save's ``output_set`` the
        file lands with the project file or not at all."""
        target = self.data_dir / FIGURES_FILE
        if table.path is not None and Path(table.path).resolve() != target.resolve():
            return self(table.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as tmp:
            write_figures_csv(table, tmp)
        return _store_path(target, self.folder)

    def edited_layer(self, layer: Layer) -> str:
        """Write an edited routes layer as a GeoPackage (with the relations that still hold beside it,
        so totals keep their names) in ``data_dir``; the stored path names it. Atomic, like every
        write: inside a save's ``output_set`` it lands with the project file or not at all."""
        from geo.exports.layers import slug
        from geo.exports.vector import write_geopackage
        from geo.relations import relations_for_routes, relations_text

        self.data_dir.mkdir(parents=True, exist_ok=True)
        stem, n = slug(layer.title) or layer.kind, 1
        taken = set(self.written.values())
        while (target := self.data_dir / (f"{stem}.gpkg" if n == 1 else f"{stem}_{n}.gpkg")) in taken:
            n += 1
        write_geopackage({layer.kind: layer.data}, target)
        ids = set(layer.data["route_id"]) if layer.kind == "routes" else set()
        relations = relations_for_routes(layer.path, None).restricted(ids) if layer.kind == "routes" else None
        beside = target.with_name(target.stem + ".relations.csv")
        if relations is not None and relations.rows():
            with atomic_output(beside) as tmp:
                tmp.write_text(relations_text(relations), encoding="utf-8")
        elif beside.exists():  # an earlier save's relations no longer hold
            beside.unlink()
        self.written[layer.id] = target
        return _store_path(target, self.folder)

    def __call__(self, p: Path) -> str:
        source = Path(p).resolve()
        stored = _store_path(source, self.folder)
        if not Path(stored).is_absolute() or not self.copy_outside:
            return stored
        if source not in self._names:
            self._names[source] = self._copy(source)
        return self._names[source]

    def _copy(self, source: Path) -> str:
        if not source.is_file():
            raise DataError(source, None, "cannot be copied beside the project: the file is gone")
        self.data_dir.mkdir(exist_ok=True)
        stem, n = source.stem, 1
        while True:
            name = f"{stem}{source.suffix}" if n == 1 else f"{stem}_{n}{source.suffix}"
            target = self.data_dir / name
            if not target.exists() or _same_file_copy(source, target) or target in self.copied:
                break
            n += 1
        for part in _parts(source):
            with atomic_output(target.with_name(target.stem + part.name[len(source.stem):])) as tmp:
                shutil.copyfile(part, tmp)
        self.copied.append(target)
        return target.relative_to(self.folder).as_posix()


def _same_file_copy(source: Path, target: Path) -> bool:
    """An earlier save's copy of the same file (every part byte for byte): reused, not duplicated."""
    try:
        for part in _parts(source):
            copy = target.with_name(target.stem + part.name[len(source.stem):])
            if part.stat().st_size != copy.stat().st_size or part.read_bytes() != copy.read_bytes():
                return False
        return True
    except OSError:
        return False


def _parts(source: Path) -> list[Path]:
    if source.suffix.lower() != ".shp":
        return [source]
    return [q for ext in _SHAPEFILE_PARTS for q in (source.with_suffix(ext), source.with_suffix(ext.upper()))
            if q.exists()]


def _store_path(p: Path | None, folder: Path) -> str | None:
    if p is None:
        return None
    p = Path(p).resolve()
    data = paths.data_path().resolve()
    if p.is_relative_to(folder):
        return p.relative_to(folder).as_posix()
    if p.is_relative_to(data):
        return BUNDLED + p.relative_to(data).as_posix()
    return str(p)


# -- reading ---------------------------------------------------------------------------------------
def load_project(path: str | Path, *, absolute_paths: bool = False) -> MapDocument:
    """A new document from a project file; nothing is changed if any part fails.

    ``absolute_paths`` is for the autosave only, which Crossings wrote itself.
    """
    path = Path(path)
    if not path.exists():
        raise DataError(path, None, "file not found")
    try:  # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError(path, None, "is not UTF-8 text; is it a Crossings project?") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"line {exc.lineno}, column {exc.colno}", f"is not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise DataError(path, None, "is nested too deeply to be a Crossings project") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(path, "key 'format'", f"is not {FORMAT!r}; this is not a Crossings project file")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise DataError(path, "key 'version'", f"{data.get('version')!r} is not a version this Crossings reads (1)")
    layers = []
    raw_layers = _get(path, data, "layers", list)
    if len(raw_layers) > MAX_PROJECT_LAYERS:  # 4,000 entries once took 69 s and 5.4 GB before failing
        raise DataError(path, "key 'layers'", f"holds {len(raw_layers):,} layers, over the {MAX_PROJECT_LAYERS} a "
                                              "project may have")
    for i, item in enumerate(raw_layers):
        key = f"layers[{i}]"
        if not isinstance(item, dict):
            raise DataError(path, f"key '{key}'", "must be an object with kind, title, path and style")
        kind = _get(path, item, "kind", str, key)
        if kind not in LAYER_KINDS:
            raise DataError(path, f"key '{key}.kind'", f"{kind!r} is not one of {', '.join(LAYER_KINDS)}")
        file = resolve_path(path, _get(path, item, "path", str, key), f"{key}.path", absolute_paths)
        source = item.get("layer")
        if not isinstance(source, (str, type(None))):
            raise DataError(path, f"key '{key}.layer'", "must be the name of a layer in the file, or null")
        style = _dataclass(path, LayerStyle, item.get("style", {}), f"{key}.style")
        title = item.get("title")
        layer = Layer(kind, title if isinstance(title, str) and title else file.stem,
                      read_layer_data(file, kind, source), file, style, source=source)
        if kind == "points":  # a style column the file lacks, or a size cell that is no number, is named
            check_point_style(layer)
        clash = route_id_clash(layers, layer)
        if clash:
            raise DataError(path, f"key '{key}'", f"{file.name}: {clash}")
        layers.append(layer)
    figures = data.get("figures")
    sheet = data.get("figures_sheet")
    if not isinstance(sheet, (str, type(None))):
        raise DataError(path, "key 'figures_sheet'", "must be the name of a sheet in the workbook, or null")
    flows = read_flow_table(resolve_path(path, figures, "figures", absolute_paths), sheet=sheet) if figures else None
    doc = MapDocument(layers, None)
    doc.flows = flows
    doc.title = _text(path, data, "title")
    doc.subtitle = _text(path, data, "subtitle") or None
    doc.notes = _text(path, data, "notes")
    try:
        doc.crs = _get(path, data, "crs", str)
    except DataError:
        raise
    except CrossingsError as exc:
        raise DataError(path, "key 'crs'", _one_line(exc)) from None
    language = data.get("label_language", "en")
    if language not in ("en", "fr", "ar"):
        raise DataError(path, "key 'label_language'", f"{language!r} is not en, fr or ar")
    doc.label_language = language
    doc.page = _dataclass(path, Page, data.get("page", {}), "page")
    doc.flow_style = _dataclass(path, FlowStyle, data.get("flow_style", {}), "flow_style")
    doc.theme = _dataclass(path, MapTheme, data.get("theme", {}), "theme")
    doc.export_settings = _dataclass(path, ExportSettings, data.get("export", {}), "export")  # older projects: defaults
    extent = data.get("extent_lonlat")
    if extent is not None:
        if not (isinstance(extent, list) and len(extent) == 4 and all(_finite(v) for v in extent)
                and extent[0] < extent[2] and extent[1] < extent[3]):
            raise DataError(path, "key 'extent_lonlat'", "must be [west, south, east, north] in degrees")
        try:  # the same rules as --extent: degrees in range, not a point
            doc.extent_lonlat = check_extent_lonlat(extent)
        except CrossingsError as exc:
            raise DataError(path, "key 'extent_lonlat'", f"must be [west, south, east, north] in degrees: {exc}") from None
    try:  # older projects have none: automatic, as a new document
        doc.insets = parse_insets(data.get("insets", AUTO))
    except CrossingsError as exc:
        raise DataError(path, "key 'insets'", _one_line(exc).removeprefix("insets: ")) from None
    try:  # older projects have none: automatic, as a new document
        doc.legend_place = parse_legend_place(data.get("legend_place", AUTO), "legend_place")
    except CrossingsError as exc:
        raise DataError(path, "key 'legend_place'", _one_line(exc).removeprefix("legend_place: ")) from None
    place_layers = data.get("place_figures", [])  # older projects have none
    if not isinstance(place_layers, list):
        raise DataError(path, "key 'place_figures'", "must be a list of layers")
    from geo.place_figures import PlaceFigureLayer

    try:
        doc.place_layers = tuple(PlaceFigureLayer.from_dict(d, f"layer {i + 1}") for i, d in enumerate(place_layers))
    except CrossingsError as exc:
        raise DataError(path, "key 'place_figures'", _one_line(exc)) from None
    doc.callouts = read_callouts(path, data.get("callouts", []))  # older projects have none
    nodes = data.get("od_nodes")
    if nodes is not None:
        if not isinstance(nodes, str):
            raise DataError(path, "key 'od_nodes'", "must be the path of a node table (CSV), or null")
        doc.od_nodes = read_node_table(resolve_path(path, nodes, "od_nodes", absolute_paths))
    if flows is not None:
        sel = data.get("selection") or {}
        if not isinstance(sel, dict):
            raise DataError(path, "key 'selection'", "must be an object with period, metric and source")
        for key in ("period", "metric", "source"):
            if not isinstance(sel.get(key), (str, type(None))):
                raise DataError(path, f"key 'selection.{key}'", "must be text or null")
        try:
            doc.select(sel.get("period"), sel.get("metric"), sel.get("source"), keep_if_valid=True)
        except CrossingsError as exc:
            raise DataError(path, "key 'selection'", _one_line(exc)) from None
    return doc


def resolve_path(project: Path, text: Any, key: str, absolute_paths: bool = False) -> Path:
    """A stored path made absolute: inside the project's folder, or inside the bundled data.

    The message names the key and the text the project holds, never the file's content.
    """
    if not isinstance(text, str) or not text.strip():
        raise DataError(project, f"key '{key}'", "must be a file path")
    if text.startswith(BUNDLED):
        base, rel = paths.data_path().resolve(), text[len(BUNDLED):]
    else:
        base, rel = project.resolve().parent, text
    p = Path(rel)
    if p.is_absolute():
        full = p.resolve()
        inside = any(full.is_relative_to(b) for b in (project.resolve().parent, paths.data_path().resolve()))
        if inside or (absolute_paths and not text.startswith(BUNDLED)):
            return full if inside else p
        raise DataError(project, f"key '{key}'", f"{text!r} is an absolute path; a project reads only files in its "
                                                 "own folder or bundled with Crossings: copy the file beside the "
                                                 "project and name it relative to it")
    full = (base / p).resolve()
    if not full.is_relative_to(base):
        raise DataError(project, f"key '{key}'", f"{text!r} points outside the project folder; a project reads "
                                                 "only files in its own folder or bundled with Crossings")
    return full


def read_layer_data(path: Path, kind: str, layer: str | None = None):
    """Read one layer file (``layer``: the table inside it) as the kind of layer it is used for."""
    if kind == "routes":
        return read_routes(path, layer)
    if kind == "boundaries":
        return read_vector(path, expect="polygon", layer=layer)
    return read_points_file(path, layer)


def guess_layer(path: str | Path, existing: MapDocument | None = None, layer: str | None = None) -> Layer:
    """A layer from any file a cartographer drops: a CSV of points or any OGR vector file.

    Polygons become boundaries; lines with a ``route_id`` become routes; points become points
    (places, when the file has a ``kind`` column like the bundled places). ``layer`` names the
    table of a file that holds several (else :class:`ChoiceNeeded` asks for it).
    """
    path, chosen = split_choice(path)
    layer = layer or chosen
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        data = read_point_csv(path)  # styled by its obvious columns (category, size, name), if it has them
        return Layer("points", path.stem, data, path, LayerStyle(fill="#6a3d9a", stroke="#ffffff",
                                                                 points=default_point_style(data)))
    gdf = read_vector(path, layer=layer)
    title = layer or path.stem
    types = set(gdf.geom_type)
    if types <= {"Polygon", "MultiPolygon"}:
        return Layer("boundaries", title, gdf, path, LayerStyle(fill="#f1eee8", stroke="#ffffff"), source=layer)
    if types <= {"LineString", "MultiLineString"}:
        return Layer("routes", title, read_routes(path, layer), path, LayerStyle(stroke="#8a8a8a", stroke_width_mm=0.35),
                     source=layer)
    if types <= {"Point", "MultiPoint"}:
        kind = "places" if "kind" in gdf.columns else "points"
        points = default_point_style(gdf) if kind == "points" else PointStyle()
        return Layer(kind, title, gdf, path, LayerStyle(fill="#333333", stroke="#ffffff", points=points), source=layer)
    raise DataError(path, None, f"mixes geometry types ({', '.join(sorted(types))}); split it into one file per type")


def is_figures_file(path: str | Path) -> bool:
    """Figures are CSV/XLSX tables without lat/lon columns."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return True
    return suffix in (".csv", ".txt", ".tsv") and not looks_like_point_csv(path)


def _get(path: Path, data: dict, key: str, kind: type, parent: str | None = None):
    full = f"{parent}.{key}" if parent else key
    if key not in data:
        raise DataError(path, f"key '{full}'", "is missing")
    value = data[key]
    if not isinstance(value, kind):
        raise DataError(path, f"key '{full}'", f"must be a {kind.__name__}, not {type(value).__name__}")
    return value


def _dataclass(path: Path, cls: type, values: Any, key: str):
    if not isinstance(values, dict):
        raise DataError(path, f"key '{key}'", "must be an object")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise DataError(path, f"key '{key}.{unknown[0]}'", f"is not a setting of {key} ({', '.join(sorted(known))})")
    try:
        return cls(**values)
    except (TypeError, ValueError, CrossingsError) as exc:
        raise DataError(path, f"key '{key}'", _one_line(exc)) from None


def _text(path: Path, data: dict, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(path, f"key '{key}'", f"must be text, not {type(value).__name__}")
    return value


def _one_line(exc: BaseException) -> str:
    """An error message on one line (pyproj's and Python's can span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and math.isfinite(v)


def read_callouts(path, entries) -> tuple:
    """The project's callouts; a bad entry is named with its key and number (from 1)."""
    from geo.callouts import MAX_CALLOUTS, Callout

    if not isinstance(entries, list):
        raise DataError(path, "key 'callouts'", "must be a list of callouts")
    if len(entries) > MAX_CALLOUTS:
        raise DataError(path, "key 'callouts'", f"{len(entries)} callouts; a map holds at most {MAX_CALLOUTS}")
    out = []
    for i, entry in enumerate(entries):
        try:
            out.append(Callout.from_dict(entry))
        except CrossingsError as exc:
            raise DataError(path, f"key 'callouts', callout {i + 1}", _one_line(exc)) from None
    return tuple(out)
