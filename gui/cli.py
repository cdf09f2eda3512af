"""``crossings``: render the regional flow map headless, or start the desktop app.

A user's mistake ends with a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
from pathlib import Path

from geo.atomic import check_output_target, output_set
from geo.errors import CrossingsError
from geo.figure_values import format_value
from geo.join import ALL_SOURCES
from geo.map_texts import flow_label_texts, totals_summary
from geo.map_words import WORDS
from geo.page import PAPER_SIZES_MM
from gui.cli_project import explicit_render_options, open_render_project

EPILOG = """examples:
  crossings render                               the bundled Q4 2024 map, arrivals, A4 300 dpi
  crossings render data/projects/q4_2024_overview.crossings.json --pdf overview.pdf
                                                 the bundled regional overview, as its project says
  crossings render --metric dead_missing --period 2024 --source "IOM Missing Migrants Project"
  crossings render --flows figures.csv --page A3 --orientation portrait --dpi 200 --gpkg map.gpkg
  crossings render --html map.html               also an interactive web map that works offline
  crossings info                                 periods, metrics and sources in the figures
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crossings", description="Route and flow maps of mixed migration, offline.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    render = sub.add_parser("render", help="render the flow map (or a project) to PNG and every layer to GeoJSON",
                            formatter_class=_DefaultsWhenSet)
    render.add_argument("project", nargs="?", help="a project file (.crossings.json) to render as saved; the "
                                                   "options given override its settings, e.g. --language fr")
    data = render.add_argument_group("data (default: the bundled files)")
    _data_args(data)
    sel = render.add_argument_group("what to show")
    sel.add_argument("--period", help="period, e.g. 2024Q4, 'Q4 2024', 2024 (default: latest quarter in the figures)")
    sel.add_argument("--metric", help="metric, e.g. arrivals, dead_missing, interceptions, expulsions (default: arrivals)")
    sel.add_argument("--source", help="take figures only from this source, e.g. UNHCR; 'all' draws every route's "
                     "best figure, marking those of other sources (default: one source per scale: sources that both "
                     "report a route are never mixed)")
    sel.add_argument("--title", help="map title")
    sel.add_argument("--language", choices=("en", "fr", "ar"), default="en",
                     help="language of the map: every word, number, period and date on it, and the names")
    sel.add_argument("--crs", help="projection: a preset (north-africa-laea, etrs89-laea, web-mercator, lonlat), "
                                   "an EPSG code or a PROJ string (default: equal-area centred on North Africa)")
    sel.add_argument("--scale-value", type=float, metavar="VALUE",
                     help="value drawn at the maximum width; fix it to compare quarters (default: the largest flow)")
    sel.add_argument("--periods", nargs="+", metavar="PERIOD",
                     help="small multiples: one panel per period on one width scale, e.g. --periods 2023 2024")
    sel.add_argument("--compare", choices=("previous", "year_ago"),
                     help="label each flow with its change against the previous period or the same period a year ago")
    sel.add_argument("--colour-by", choices=("group", "change"), default="group",
                     help="colour flows by route group, or by increase/decrease (needs --compare)")
    sel.add_argument("--classes", metavar="LIMITS",
                     help="classed widths instead of proportional ones, e.g. --classes 1000,5000,10000")
    sel.add_argument("--max-width-mm", type=float, default=7.5, help="width of the reference flow in mm")
    sel.add_argument("--part-period", metavar="PERIOD",
                     help="also print each flow's figure for this part of the map's period, e.g. --period 2024 "
                          "--part-period 2024Q4 labels '65,474 / of which Q4 2024: 16,166'")
    sel.add_argument("--place-figures", action="append", default=[],
                     metavar="METRIC[@PERIOD[,PART]][~SCALE][#SOURCE]",
                     help="a layer of figures counted at places, in countries or on routes, drawn as circles (area "
                          "to scale); repeat for more layers, e.g. --place-figures migrants_present --place-figures "
                          "'dead_missing@2024,2024Q4~dead#IOM Missing Migrants Project' (default period: the map's; "
                          "PART: a shorter period whose figure the label adds; SCALE: a circle scale of its own, "
                          "shared by the layers naming it)")
    sel.add_argument("--flow-layer", action="append", default=[], metavar="METRIC[@PERIOD[,PART]][#SOURCE]",
                     help="a layer of route figures drawn beside the map's flows with the metric's own symbol "
                          "(bands, return bands, corridors) on the same width scale, e.g. --flow-layer "
                          "expulsions@2024; a route the map's flows already draw keeps its band")
    sel.add_argument("--callout", action="append", default=[], metavar="ANCHOR[@LANG]=TEXT",
                     help="a short text in a box tied to a place, a route or a point, placed clear of everything "
                          "drawn; repeat for more, e.g. --callout \"place:dirkou=About 400 people stranded\" "
                          "--callout \"route:ALB=Algeria: new anti-smuggling unit, December\" --callout "
                          "\"lonlat:3.0,36.8=...\"; ANCHOR@fr=TEXT or @ar adds its translation")
    page = render.add_argument_group("page")
    add_extent_argument(page)
    page.add_argument("--page", default="A4", choices=sorted(PAPER_SIZES_MM), help="paper size")
    page.add_argument("--orientation", default="landscape", choices=("landscape", "portrait"), help="page orientation")
    page.add_argument("--dpi", type=float, default=300.0, help="resolution in dots per inch")
    page.add_argument("--size", metavar="WxH", help="pixel size instead of a paper size, e.g. 1920x1080")
    add_insets_argument(page, "auto")
    page.add_argument("--legend", default="auto", metavar="auto|inside|beside",
                      help="where the legend stands: over the map, beside it in a column of its own, or auto (beside "
                           "when over the map it would cover more than 15 %% of it)")
    out = render.add_argument_group("outputs")
    out.add_argument("--out-dir", default=".", help="folder for the outputs")
    out.add_argument("--name", help="base file name (default: crossings_<period>_<metric>)")
    out.add_argument("--png", help="PNG path (default: <out-dir>/<name>.png)")
    out.add_argument("--no-png", action="store_true", help="do not write the PNG")
    out.add_argument("--no-geojson", action="store_true", help="do not write GeoJSON")
    out.add_argument("--gpkg", help="also write every layer into this GeoPackage")
    out.add_argument("--html", metavar="PATH", help="also write an interactive web map: one self-contained HTML "
                                                    "file that opens with no internet connection")
    out.add_argument("--tiles", metavar="URL",
                     help="with --html: an online basemap under the flows, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
                          "(needs a connection when the page is opened; the offline countries show where it cannot load)")
    out.add_argument("--svg", help="also write an SVG with one named layer per map layer (Inkscape, Illustrator)")
    out.add_argument("--pdf", help="also write a print PDF (vector, fonts embedded)")
    out.add_argument("--geopdf", action="store_true",
                     help="with --pdf: georeference the map frame (GeoPDF), so QGIS opens it in place")
    out.add_argument("--world-file", action="store_true",
                     help="also write a world file (.pgw), .prj and .png.aux.xml beside the PNG, so a GIS "
                          "opens it in place")
    out.add_argument("--transparent", action="store_true", help="transparent PNG background")
    out.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    from gui.cli_atlas import add_atlas_parser

    add_atlas_parser(sub)

    info = sub.add_parser("info", help="list the periods, metrics and sources the figures offer")
    _data_args(info)

    gui = sub.add_parser("gui", help="open the desktop app (the default with no command)")
    gui.add_argument("files", nargs="*", help="projects, vector files or figures to open")
    gui.add_argument("--lang", choices=("en", "fr", "ar"), help="interface language (default: preference or system)")
    gui.add_argument("--no-recover", action="store_true", help="do not offer to recover an autosave")
    return parser


class ExtentHelp(argparse.HelpFormatter):
    """Names --extent's four numbers in the help (it takes any count, so that a wrong count gets
    Crossings' one-line message, not argparse's usage)."""

    def _format_args(self, action, default_metavar):
        return EXTENT_METAVAR if action.dest == "extent" else super()._format_args(action, default_metavar)


class _DefaultsWhenSet(ExtentHelp):
    """Shows '(default: X)' only for options that have a real default (the others say it in words)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and "default" not in text:
            text += " (default: %(default)s)"
        return text


EXTENT_METAVAR = "WEST SOUTH EAST NORTH"


def add_extent_argument(group) -> None:
    """``--extent``, shared by ``render`` and ``atlas``."""
    group.add_argument("--extent", nargs="*", metavar="DEGREES",
                       help="the map frame in degrees of longitude and latitude, e.g. --extent -20 10 30 46; the "
                            "page keeps its shape, so the shorter side shows more (default: the frame fits the "
                            "flows drawn, clear of the title and legend)")


def add_insets_argument(group, default: str | None, default_words: str = "") -> None:
    """``--insets``, shared by ``render`` (default auto) and ``atlas`` (default None: a project's own
    choice, said in ``default_words``)."""
    group.add_argument("--insets", default=default, metavar="auto|none|NAMES",
                       help="inset maps of areas the map cannot show legibly: auto (where the map needs one), none, "
                            "or the areas to show, comma-separated: gibraltar (the Strait, with Ceuta and Melilla), "
                            "canaries (the Canary Islands); not on small multiples or the web map" + default_words)


def insets_option(value: str | None) -> str | tuple[str, ...] | None:
    """``--insets``' choice (geo.insets.parse_insets), None where it was not given; a mistake is a
    CrossingsError naming the option."""
    if value is None:
        return None
    from geo.insets import parse_insets

    return parse_insets(value, "--insets")


def extent_option(values: list[str] | None) -> tuple[float, float, float, float] | None:
    """``--extent``'s box, or a CrossingsError naming what is wrong in one line."""
    if values is None:
        return None
    from geo.view_extent import check_extent_lonlat

    try:
        return check_extent_lonlat(values)
    except CrossingsError as exc:
        raise CrossingsError(f"--extent {' '.join(values)}: {exc}".replace("--extent : ", "--extent: ")) from None


def _data_args(group) -> None:
    group.add_argument("--boundaries", help="country boundaries (any OGR vector file)")
    group.add_argument("--routes", help="route lines with a route_id field")
    group.add_argument("--flows", help="figures, CSV or XLSX (see data/flows/README.md)")
    group.add_argument("--places", help="place points (optional)")
    group.add_argument("--nodes", help="with origin–destination figures: where each node stands, a CSV with node, "
                                       "lon, lat (and optionally metric); default: data/flows/od_nodes.csv")
    group.add_argument("--points", action="append", default=[], metavar="FILE[:category=COL,size=COL,label=COL]",
                       help="a point layer (a CSV with lat/lon columns, or any point file) drawn over the map: coloured "
                            "by a category column (a legend entry each), circles sized by a numeric column (area to "
                            "scale), labelled from a text column; also palette=tol_muted|okabe_ito|tol_bright. "
                            "Without ':…' the columns named category/type, value/people/count and name/label are "
                            "used; title=TEXT names the layer in the legend; repeat for more layers")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    if args.command in (None, "gui"):
        from gui.app import run_gui

        files = getattr(args, "files", []) or []
        return run_gui(files + (["--lang", args.lang] if getattr(args, "lang", None) else [])
                       + (["--no-recover"] if getattr(args, "no_recover", False) else []))
    try:
        if args.command == "render":
            return _render(args)
        if args.command == "info":
            return _info(args)
        if args.command == "atlas":
            from gui.cli_atlas import run_atlas

            return run_atlas(args)
    except CrossingsError as exc:
        print(f"crossings: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("crossings: interrupted", file=sys.stderr)
        return 130
    return 0


def _load(args):
    from geo.document import MapDocument

    doc = MapDocument.from_files(args.boundaries, args.routes, args.flows, args.places)
    if getattr(args, "nodes", None):
        from geo.od_nodes import read_node_table

        doc.od_nodes = read_node_table(args.nodes)
    for text in getattr(args, "points", None) or []:
        doc.add_layer(_point_layer(text))
    return doc


def _point_layer(text: str):
    """A point layer from ``--points FILE[:category=…,size=…,label=…]``: its style's columns checked
    against the file (a missing column or a size cell that is no number is named, with its row)."""
    from geo.point_style import parse_point_spec
    from geo.point_symbols import check_point_style, point_symbols
    from geo.project import guess_layer

    try:
        path, style, title = parse_point_spec(text)
    except ValueError as exc:
        raise CrossingsError(str(exc)) from None
    layer = guess_layer(path)
    if layer.kind not in ("points", "places"):
        raise CrossingsError(f"--points {path}: holds {layer.kind}, not points")
    layer.kind = "points"
    layer.title = title or layer.title
    if style is not None:
        check_point_style(layer, style)
        layer.style.points = style
    message = point_symbols(layer).message
    if message:
        print(f"crossings: {Path(path).name}: {message}", file=sys.stderr)
    return layer


def _info(args) -> int:
    doc = _load(args)
    table = doc.flows
    print(f"figures: {table.path}")
    for period in table.periods():
        print(f"{period}  ({period.display()})")
        for metric in table.metrics(str(period)):
            print(f"    {metric}: {', '.join(table.sources(str(period), metric))}")
    return 0


def _render(args) -> int:
    """Render the bundled data, the files named, or a project (whose settings the options given override)."""
    given = explicit_render_options(args.argv) if args.project else None

    def wants(name: str) -> bool:  # from files every option applies; over a project only those given
        return given is None or name in given

    page = _page(args)
    extent = extent_option(args.extent)  # before reading anything, like the page
    insets = insets_option(args.insets)
    from geo.legend_place import parse_legend_place

    legend = parse_legend_place(args.legend, "--legend")
    if args.project:
        doc = open_render_project(args)
        if "size" in given:
            doc.page = page
        elif given & {"page", "orientation", "dpi"}:  # only what is given: --dpi 150 keeps the project's A3
            doc.page = dataclasses.replace(doc.page, **{f: getattr(args, a) for a, f in (
                ("page", "paper"), ("orientation", "orientation"), ("dpi", "dpi")) if a in given})
        page = doc.page
    else:
        doc = _load(args)
        doc.page = page
    if not args.no_png:
        page.check_raster()
    if wants("insets"):
        doc.insets = insets
    if wants("legend"):
        doc.legend_place = legend
    if args.crs:
        doc.crs = args.crs
    if extent is not None:
        from geo.projection import check_shows_region

        check_shows_region(doc.crs, extent)
        doc.extent_lonlat = extent
    if given is None or given & {"period", "metric", "source"}:
        doc.select(args.period or (doc.period if given else None), _metric(args.metric) or (doc.metric if given else None),
                   ALL_SOURCES if (args.source or "").lower() == "all" else args.source or (doc.source if given else None))
    if args.part_period:
        _set_part_period(doc, args.part_period)
    if args.place_figures or args.flow_layer:
        from geo.place_figures import FLOWS, parse_place_layer

        layers = tuple(parse_place_layer(text) for text in args.place_figures)
        layers += tuple(parse_place_layer(text, "--flow-layer", FLOWS) for text in args.flow_layer)
        doc.place_layers = (doc.place_layers if given else ()) + layers  # a project's layers, then these
    if doc.place_layers:
        from geo.place_figures import check_place_layers

        check_place_layers(doc)  # an unknown place or country is named, never dropped; a figure drawn once
    if args.callout:
        from geo.callouts import check_callouts, parse_callouts

        callouts = parse_callouts(args.callout)
        check_callouts(doc, callouts)  # an unknown place or route is named, never dropped
        doc.callouts = (doc.callouts if given else ()) + callouts  # a project's callouts, then these
    classes = doc.flow_style.classes
    if args.classes:
        try:
            classes = tuple(sorted(float(x.replace("_", "")) for x in args.classes.split(",") if x.strip()))
        except ValueError:
            raise CrossingsError(f"--classes {args.classes!r} is not a comma-separated list of numbers, "
                                 "e.g. 1000,5000,10000") from None
    try:  # FlowStyle checks every size and figure: finite and in range (nan drew hairlines, inf a traceback)
        doc.flow_style = dataclasses.replace(
            doc.flow_style, classes=classes,
            reference_value=args.scale_value if wants("scale_value") else doc.flow_style.reference_value,
            max_width_mm=args.max_width_mm if wants("max_width_mm") else doc.flow_style.max_width_mm)
    except ValueError as exc:
        message = str(exc)
        for field_name, option in (("reference_value", "--scale-value"), ("max_width_mm", "--max-width-mm"),
                                   ("classes", "--classes")):
            message = message.replace(field_name, option)
        raise CrossingsError(message) from None
    if wants("language"):
        doc.label_language = args.language
    if args.geopdf and not args.pdf:
        raise CrossingsError("--geopdf georeferences the PDF: add --pdf PATH")
    if args.world_file and args.no_png:
        raise CrossingsError("--world-file goes beside the PNG: drop --no-png")
    if wants("compare"):
        doc.flow_style.compare = args.compare
    if wants("colour_by"):
        doc.flow_style.colour_by = args.colour_by
    if doc.flow_style.colour_by == "change" and not doc.flow_style.compare:
        raise CrossingsError("--colour-by change needs --compare previous or --compare year_ago")
    if args.title:
        doc.title = args.title
    elif given is None:
        doc.title = WORDS["en"]["title"]  # printed in the map's language (geo.map_language)
    join = doc.join()
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    layer_warnings = [w for layer in doc.layers for w in layer.data.attrs.get("warnings", [])]
    for warning in [*layer_warnings, *doc.flows.warnings]:  # Windows-1252 files, repairs, future periods...
        log(f"warning: {warning}")
    for issue in join.issues:
        if issue.level != "info" or issue.route_id == "(smaller flows)":
            log(f"{issue.level}: {issue}")
    if len(join.flows) == 0:
        raise CrossingsError(f"no route has a {doc.metric} figure for {doc.period}; try `crossings info`")

    out_dir = Path(args.out_dir)
    if not out_dir.is_dir():
        raise CrossingsError(f"output folder {out_dir} does not exist")
    periods = tuple(args.periods) if args.periods else None
    if periods and len(periods) < 2:
        raise CrossingsError("--periods needs at least two periods, e.g. --periods 2023 2024")
    span = "-".join(periods) if periods else doc.period
    base = args.name or (Path(args.project).name.split(".")[0] if args.project else f"crossings_{span}_{doc.metric}")
    base = re.sub(r"[^\w.-]+", "-", base)
    targets = _refuse_shared_outputs(args, out_dir, base)
    for target in targets.values():  # a bad last path must not cost the render of the first outputs
        check_output_target(target)
    if not args.no_geojson:
        targets["geojson"] = out_dir / base
    if not args.no_png or args.svg or args.pdf:
        from gui.qt_app import ensure_gui_app

        ensure_gui_app()
    from gui.export import write_map_files

    with output_set():  # every output lands, or none: renamed into place only when all were written
        reports: list = []
        written = write_map_files(doc, page, targets, transparent=args.transparent, periods=periods, tiles=args.tiles,
                                  geopdf=args.geopdf, world_file=args.world_file, reports=reports)
    from geo.map_marks import unplaced_figures

    dropped = [k for r in reports for k in [*r.dropped_labels, *(k for _i, inner in r.insets for k in inner.dropped_labels)]]
    lost = unplaced_figures(doc, dropped)
    keyed = unplaced_figures(doc, [key for k in (reports[0].numbered if reports else []) for key in k.keys])
    if keyed:  # numbered beside its symbol and keyed: on the page, but not where a reader looks first
        where = "the key box on the map" if reports[0].key_box is not None else "the footer"
        print(f"note: {len(keyed)} figure(s) numbered on the map for want of room, keyed in {where}: "
              f"{', '.join(keyed)}", file=sys.stderr)
    if lost:  # a figure left off the page is said, never lost silently
        print(f"warning: no room on the page for {len(lost)} figure(s): {', '.join(lost)}; try a larger page "
              "(--page A3), fewer layers or --insets", file=sys.stderr)
    labels = flow_label_texts(doc)
    drawn = ", ".join(f"{r.route_id} {labels.get(r.route_id, format_value(r.value)).splitlines()[0]}"
                      for r in join.flows.itertuples())
    if join.totals:  # as the map words them, in its language (the summary printed '2,647' on a French map)
        drawn += "; totals: " + totals_summary(doc)
    log(f"{doc.metric} {doc.period} ({page.describe()}): {drawn}")
    if doc.callouts:  # what the PNG's render said of them; without a PNG, a layout of the page
        from gui.callout_painter import callout_notes

        for note in reports[0].callout_notes if reports else callout_notes(doc, page):
            log(note if note.startswith("note: ") else f"warning: {note}")
    for path in written:
        log(f"wrote {path}")
    return 0


def _set_part_period(doc, text: str) -> None:
    """Label each flow with its figure for a part of the map's period too (refused when it is none)."""
    from geo.periods import parse_period, part_problem

    try:
        part = parse_period(text).label
    except ValueError as exc:
        raise CrossingsError(f"--part-period {text!r}: {exc}") from None
    problem = part_problem(doc.period, part)
    if problem:
        raise CrossingsError(f"--part-period: {problem} (the map's period; see --period)")
    doc.flow_style = dataclasses.replace(doc.flow_style, part_period=part)


def _refuse_shared_outputs(args, out_dir: Path, base: str) -> dict[str, Path]:
    """Every file the render will write, by format; two outputs on one path are refused (--pdf
    map.png would silently replace the PNG)."""
    paths: dict[str, Path] = {}
    if not args.no_png:
        paths["png"] = Path(args.png) if args.png else out_dir / f"{base}.png"
    for option in ("svg", "pdf", "gpkg", "html"):
        if getattr(args, option):
            paths[option] = Path(getattr(args, option))
    seen: dict[Path, str] = {}
    for fmt, path in paths.items():
        key = path.resolve()
        if key in seen:
            raise CrossingsError(f"--{fmt} and --{seen[key]} name the same file {path}: choose two names")
        seen[key] = fmt
    return paths


def _metric(text: str | None) -> str | None:
    from geo.flow_table import normalise_metric

    return None if text is None else normalise_metric(text)


def _page(args):
    from geo.page import Page

    if args.size:
        m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", args.size)
        if not m:
            raise CrossingsError(f"--size {args.size!r} is not WIDTHxHEIGHT in pixels, e.g. 1920x1080")
        return Page.from_pixels(int(m.group(1)), int(m.group(2)), dpi=args.dpi if args.dpi != 300.0 else 96.0)
    return Page(args.page, args.orientation, args.dpi)


def entry() -> None:
    """The console script: exit without tearing the interpreter down (every file is already
    written and renamed; teardown of Qt, pandas and GDAL costs ~80 ms and achieves nothing)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())  # not entry(): `python -m cProfile -m gui.cli` must see the interpreter finish
