"""Draw a planned series (``geo.series``) on every core: one process per core, one map per task.

Each worker loads the document once, then draws the maps it is given, each map's files written
together (``output_set``). A map that fails is named with its cause and the others go on. The PDF
atlas is joined from the maps' one-page PDFs (made in the workers, in memory) behind a contents
page, with a bookmark per map. Ctrl+C lets the maps being drawn finish (their files are complete),
draws no more, writes no atlas and leaves no partial file.

Workers are started with "spawn", never "fork": a forked copy of a process that has touched Qt or
GDAL is not safe.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from geo.atomic import atomic_output, check_output_target, output_set
from geo.document import MapDocument
from geo.errors import CrossingsError, ExportError
from geo.map_words import WORDS
from geo.series import SeriesMap, SeriesPlan

DEFAULT_TITLE = WORDS["en"]["title"]
"""Printed in each map's language (geo.map_language)."""


@dataclass(frozen=True)
class DocumentSource:
    """Where a worker gets the document: a project file, or data files (None: the bundled ones)."""

    project: str | None = None
    boundaries: str | None = None
    routes: str | None = None
    flows: str | None = None
    places: str | None = None
    crs: str | None = None
    title: str | None = None
    written_by_crossings: bool = False
    """``project`` is a snapshot Crossings wrote of the window's document (absolute paths allowed,
    as in the autosave)."""
    nodes: str | None = None
    """An OD node table (``geo.od_nodes``); None: the project's, else the bundled one."""

    @classmethod
    def snapshot(cls, doc: MapDocument, folder: str | Path) -> DocumentSource:
        """The window's document as the workers will load it, edits included, saved under ``folder``."""
        import json

        from geo.project import project_dict

        path = Path(folder) / "series.crossings.json"
        with atomic_output(path) as tmp:
            tmp.write_text(json.dumps(project_dict(doc, Path(folder).resolve()), ensure_ascii=False), encoding="utf-8")
        return cls(project=str(path), written_by_crossings=True, title=doc.title)

    def load(self) -> MapDocument:
        if self.project:
            from geo.project import load_project

            doc = load_project(self.project, absolute_paths=self.written_by_crossings)
        else:
            doc = MapDocument.from_files(self.boundaries, self.routes, self.flows, self.places)
            doc.title = DEFAULT_TITLE
        if self.nodes:
            from geo.od_nodes import read_node_table

            doc.od_nodes = read_node_table(self.nodes)
        if self.crs:
            doc.crs = self.crs
        if self.title:
            doc.title = self.title
        return doc


@dataclass
class SeriesResult:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """One line per map that could not be drawn: the map, then why."""
    atlas: Path | None = None
    interrupted: bool = False


# -- the workers ----------------------------------------------------------------------------------
_worker: dict = {}


def _start_worker(source: DocumentSource) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's: a map being drawn finishes whole
    from gui.qt_app import ensure_gui_app

    ensure_gui_app()
    try:
        _worker["doc"] = source.load()
    except CrossingsError as exc:
        _worker["error"] = str(exc)


def _ready() -> bool:
    return "doc" in _worker


def configure(doc: MapDocument, plan: SeriesPlan, item: SeriesMap) -> None:
    """The document as the series draws ``item``: its selection and language, the plan's page,
    extent, insets and held width scale."""
    doc.select(item.period, item.metric, plan.source)
    doc.label_language = item.language
    doc.page = plan.page
    doc.insets = plan.insets
    if plan.extent_lonlat is not None:
        doc.extent_lonlat = plan.extent_lonlat
    doc.frame_extent = plan.extent
    doc.flow_style = dataclasses.replace(doc.flow_style, reference_value=plan.scales[item.metric])


def _draw(plan: SeriesPlan, item: SeriesMap, out_dir: str, atlas_page: bool) -> tuple[list[str], bytes | None]:
    from gui.export import VectorExportSettings, pdf_bytes, write_map_files

    if "error" in _worker:
        raise CrossingsError(_worker["error"])
    doc = _worker["doc"]
    configure(doc, plan, item)
    folder = Path(out_dir)
    targets = {fmt: folder / f"{item.stem}.{fmt}" for fmt in plan.formats}
    if "geojson" in targets:
        targets["geojson"] = folder / item.stem
    pdf = pdf_bytes(doc, VectorExportSettings(plan.page)) if atlas_page or "pdf" in targets else None
    with output_set():
        written = write_map_files(doc, plan.page, targets, pdf=pdf)
    return [str(p) for p in written], pdf if atlas_page else None


def _common_frame(plan: SeriesPlan) -> tuple[float, float, float, float] | None:
    """The frame every map of ``plan`` shares: fitted to all their flows at once, each clear of its
    own title, legend and scale bar (``geo.extent_fit``), so the maps of a series compare."""
    from geo.extent_fit import Panel, fit_extent
    from gui.layout import furniture_boxes, page_layout

    if "error" in _worker:
        raise CrossingsError(_worker["error"])
    doc = _worker["doc"]
    panels = []
    for item in plan.maps:
        configure(doc, plan, item)
        layout = page_layout(doc, plan.page)  # as the page will be laid out: its legend's place, its footer
        panels.append(Panel(layout.frame_px(plan.page), furniture_boxes(doc, plan.page, layout), item))
    return fit_extent(doc, panels, plan.page.dpi, lambda item: configure(doc, plan, item))


def _contents_page(plan: SeriesPlan, title: str, lines: list[str]) -> bytes:
    from gui.export import contents_pdf

    return contents_pdf(plan.page, title, lines)


# -- the parent -----------------------------------------------------------------------------------
class SeriesRunner:
    """The worker processes, started and loading their documents at once, while the parent
    plans the series (both take about a second: they overlap instead of adding up)."""

    def __init__(self, source: DocumentSource, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.pool = cf.ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_start_worker, initargs=(source,))
        self.source = source
        for _ in range(self.jobs):  # a task per worker makes the pool start them all now
            self.pool.submit(_ready)

    def __enter__(self) -> SeriesRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def run(self, plan: SeriesPlan, out_dir: str | Path, *, atlas: Path | None = None, progress=None,
            cancelled=None) -> SeriesResult:
        """Draw every map of ``plan`` into ``out_dir``.

        ``progress(done, total, item, seconds_left)`` is called as each map finishes. With ``atlas``,
        the maps' PDFs are joined there behind a contents page, once every map has been drawn.
        Ctrl+C (KeyboardInterrupt) or ``cancelled()`` turning true lets the maps being drawn finish,
        draws no more and no atlas, and returns ``interrupted``.
        """
        out_dir = Path(out_dir)
        if not out_dir.is_dir():
            raise CrossingsError(f"output folder {out_dir} does not exist")
        if atlas is not None:
            check_output_target(atlas)
        result = SeriesResult()
        pages: dict[SeriesMap, bytes] = {}
        started = time.monotonic()
        try:
            if plan.extent is None and plan.extent_lonlat is None:  # one frame for all, decided once
                plan = dataclasses.replace(plan, extent=self.pool.submit(_common_frame, plan).result())
            futures = {self.pool.submit(_draw, plan, item, str(out_dir), atlas is not None): item
                       for item in plan.maps}
            for done, future in enumerate(cf.as_completed(futures), start=1):
                if cancelled is not None and cancelled():
                    raise KeyboardInterrupt
                item = futures[future]
                try:
                    written, page = future.result()
                    result.written += [Path(p) for p in written]
                    if page is not None:
                        pages[item] = page
                except (CrossingsError, ValueError) as exc:
                    result.failed.append(f"{item.describe()}: {exc}")
                except cf.process.BrokenProcessPool:
                    raise ExportError(f"{item.describe()}: a worker process died (out of memory?); maps drawn so "
                                      "far are complete") from None
                if progress is not None:
                    elapsed = time.monotonic() - started
                    progress(done, len(plan.maps), item, elapsed / done * (len(plan.maps) - done))
            if atlas is not None and pages:
                ordered = [item for item in plan.maps if item in pages]
                lines = [f"{n + 2}  {_title_line(item)}" for n, item in enumerate(ordered)]
                lines += [f"not drawn: {line}" for line in result.failed]
                lines += [f"nothing to draw: {line}" for line in plan.skipped]
                title = _series_title(self.source, plan)
                contents = self.pool.submit(_contents_page, plan, title, lines).result()
                result.atlas = _join_atlas(atlas, contents, [(pages[item], _title_line(item)) for item in ordered],
                                           title)
                result.written.append(result.atlas)
        except KeyboardInterrupt:
            result.interrupted = True
            self.pool.shutdown(wait=True, cancel_futures=True)
        return result


def run_series(source: DocumentSource, plan: SeriesPlan, out_dir: str | Path, *, atlas: Path | None = None,
               jobs: int | None = None, progress=None, cancelled=None) -> SeriesResult:
    """Draw ``plan`` on ``jobs`` processes (default: one per core, no more than there are maps)."""
    with SeriesRunner(source, min(jobs or os.cpu_count() or 1, len(plan.maps))) as runner:
        return runner.run(plan, out_dir, atlas=atlas, progress=progress, cancelled=cancelled)


LANGUAGE_NAMES = {"en": "English", "fr": "français", "ar": "العربية"}


def _title_line(item: SeriesMap) -> str:
    from geo.metrics import metric_meaning
    from geo.periods import parse_period

    label = metric_meaning(item.metric).label
    return f"{label}, {parse_period(item.period).display()} ({LANGUAGE_NAMES[item.language]})"


def _series_title(source: DocumentSource, plan: SeriesPlan) -> str:
    from geo.periods import parse_period

    periods = list(dict.fromkeys(parse_period(m.period).display() for m in plan.maps))
    return f"{source.title or DEFAULT_TITLE}: {', '.join(periods)}"


def _join_atlas(path: Path, contents: bytes, pages: list[tuple[bytes, str]], title: str) -> Path:
    """The contents page, then every map's page, a bookmark each; written atomically."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(contents)))
    for n, (data, label) in enumerate(pages, start=1):
        writer.append(PdfReader(io.BytesIO(data)))
        writer.add_outline_item(title=label, page_number=n)
    writer.add_metadata({"/Title": title, "/Creator": "Crossings"})
    # every page embeds the same fonts: one copy of each identical object (21.8 MB became a fraction)
    writer.compress_identical_objects()
    with atomic_output(path) as tmp, tmp.open("wb") as f:
        writer.write(f)
    return path
