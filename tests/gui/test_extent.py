"""Extent control (issue 11, item 4), measured on what is drawn: symbol polygons and node circles in
page pixels against the frame and the furniture boxes, the views the renderer paints with, the
pixels of the page.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from painted import paint, pixels
from PySide6.QtGui import QImage, QPainter
from window_support import isolated_settings, prompts, window  # noqa: F401

from geo import paths
from geo.document import MapDocument
from geo.od import node_points
from geo.page import Page
from geo.projection import transformer
from gui.cli import main
from gui.furniture_painter import FurniturePainter
from gui.small_multiples import drawn_on, panel_scale, render_small_multiples, selection_kept
from tools.gallery_crops import recording_views, view_from_record

OD = paths.data_path("flows", "od_2024.csv")
FURNITURE = ("title", "legend", "scale")


def drawn_px(doc: MapDocument, view) -> list:
    """Every flow symbol, dashed 'no figure' route and OD node circle of the document's selection in
    ``view``, in page pixels."""
    out = [shapely.transform(g, view.to_px) for g in doc.flow_symbols(view).geometry]
    if not doc.is_od:
        routes = doc.projected(doc.layer("routes"))
        for line in routes.geometry[routes["route_id"].isin(set(doc.join().no_data))]:
            out.append(shapely.transform(line, view.to_px).buffer(0.2 * view.px_per_mm))
    if doc.is_od:
        radii = doc.od_curves(view)[1]
        nodes = node_points(doc.join().flows)
        x, y = transformer("EPSG:4326", doc.crs).transform(nodes.geometry.x.to_numpy(), nodes.geometry.y.to_numpy())
        for (px, py), name in zip(view.to_px(np.column_stack([x, y])), nodes["name"], strict=True):
            out.append(shapely.Point(px, py).buffer(radii[name] * view.px_per_mm))
    return out


def box(rect) -> shapely.Polygon:
    return shapely.box(rect.left(), rect.top(), rect.right(), rect.bottom())


def limiting_share(polygons, frame) -> float:
    """How much of the frame the drawn bounding box fills in the frame's limiting dimension."""
    x0, y0, x1, y1 = shapely.total_bounds(polygons)
    return max((x1 - x0) / frame[2], (y1 - y0) / frame[3])


def doc_for(flows=None, period=None, metric=None) -> MapDocument:
    doc = MapDocument.from_files(flows=flows)
    if period or metric:
        doc.select(period, metric)
    return doc


@pytest.mark.parametrize("page", [Page("A3", "portrait", 100), Page("A4", "landscape", 100),
                                  Page("A4", "portrait", 100)], ids=lambda p: p.describe())
def test_the_flows_fill_the_frame_whatever_the_page(qapp, page):
    """A3 portrait showed Ireland to the Gulf of Guinea with the flows in a strip."""
    doc = doc_for()
    _, view, _ = paint(doc, page)
    assert limiting_share(drawn_px(doc, view), view.frame_px) > 0.88


CASES = [(None, None, None, Page("A4", "landscape", 100)), (None, None, None, Page("A3", "portrait", 100)),
         (None, "2024", "arrivals", Page("A4", "landscape", 100)), (None, "2024", "expulsions", Page("A4", "portrait", 100)),
         (None, "2023", "interceptions", Page("A4", "landscape", 100)),
         (OD, "2024", "departures", Page("A4", "landscape", 100)), (OD, "2024Q4", "departures", Page("A4", "landscape", 100)),
         (OD, "2023", "departures", Page("A3", "portrait", 100)),
         (OD, "2024", "arrivals_by_nationality", Page("A4", "landscape", 100))]


@pytest.mark.parametrize("flows, period, metric, page", CASES,
                         ids=[f"{'od' if f else 'routes'}-{p}-{m}-{pg.paper}-{pg.orientation}" for f, p, m, pg in CASES])
def test_nothing_drawn_sits_under_the_title_legend_or_scale_bar(qapp, flows, period, metric, page):
    """The 555 / 1,257 OD arrowhead ran into the title box; every flow, arrowhead, node and value
    label now keeps clear of the furniture boxes and inside the frame."""
    doc = doc_for(flows, period, metric)
    _, view, report = paint(doc, page)
    boxes = {name: box(report.furniture_rects[name]) for name in FURNITURE}
    frame = shapely.box(view.frame_px[0], view.frame_px[1], view.frame_px[0] + view.frame_px[2],
                        view.frame_px[1] + view.frame_px[3])
    for polygon in drawn_px(doc, view):
        assert frame.contains(polygon)
        for name, b in boxes.items():
            assert not polygon.intersects(b), name
    for label in report.value_labels:
        assert not any(shapely.box(*label.rect).intersects(b) for b in boxes.values()), label.key


def test_extent_frames_the_box_it_is_given(qapp, tmp_path):
    """``--extent`` in lon/lat: the box's projected edges touch the frame in its limiting dimension
    and stay inside it in the other (the page keeps its shape)."""
    views = []
    with recording_views(views):
        assert main(["render", "-q", "--extent", "-10", "30", "20", "45", "--size", "900x620", "--no-geojson",
                     "--out-dir", str(tmp_path)]) == 0
    view = view_from_record(views[0])
    t = np.linspace(0, 1, 200)
    lon = np.concatenate([-10 + 30 * t, np.full(200, 20.0), 20 - 30 * t, np.full(200, -10.0)])
    lat = np.concatenate([np.full(200, 30.0), 30 + 15 * t, np.full(200, 45.0), 45 - 15 * t])
    xy = view.to_px(np.column_stack(transformer("EPSG:4326", view.crs).transform(lon, lat)))
    left, top, w, h = view.frame_px
    corners = view.to_px(np.column_stack(transformer("EPSG:4326", view.crs).transform([-10, 20, 20, -10],
                                                                                    [30, 30, 45, 45])))
    assert ((corners[:, 0] >= left - 1) & (corners[:, 0] <= left + w + 1)).all()
    assert ((corners[:, 1] >= top - 1) & (corners[:, 1] <= top + h + 1)).all()
    spans = (np.ptp(xy[:, 0]) / w, np.ptp(xy[:, 1]) / h)
    assert max(spans) == pytest.approx(1.0, abs=2 / min(w, h))  # fills the frame one way...
    assert xy[:, 0].min() >= left - 1 and xy[:, 0].max() <= left + w + 1  # ...and stays in it
    assert xy[:, 1].min() >= top - 1 and xy[:, 1].max() <= top + h + 1


@pytest.mark.parametrize("values, said", [(["-10", "30", "20"], "needs four numbers"),
                                          (["20", "30", "-10", "45"], "west 20 must be less than east -10"),
                                          (["-10", "thirty", "20", "45"], "south 'thirty' is not a number"),
                                          (["-10", "30", "20", "91"], "north 91 is outside -90 to 90")])
def test_a_bad_extent_is_one_line_and_status_2(qapp, tmp_path, capsys, values, said):
    code = main(["render", "-q", "--out-dir", str(tmp_path), "--extent", *values])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("crossings: error: --extent") and said in err
    assert list(tmp_path.iterdir()) == []


def test_atlas_takes_the_extent_too(qapp, tmp_path, capsys):
    code = main(["atlas", "--periods", "2024Q4", "--out-dir", str(tmp_path), "--extent", "-10", "30"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--extent -10 30: needs four numbers" in err


def test_export_this_view_frames_the_canvas_view(window, qtbot, tmp_path):  # noqa: F811
    """The export dialog offers the canvas's view; the PNG is then framed on exactly that view
    (widened to the page's shape, the same centre, the limiting side the same)."""
    win, doc = window, window.doc
    x, y = transformer("EPSG:4326", doc.crs).transform(-5.6, 35.95)
    win.canvas.set_extent((x - 120_000, y - 90_000, x + 120_000, y + 90_000))
    shown = win.canvas.view.extent
    dialog = win.show_export()
    dialog.paper.setCurrentText("A5")
    dialog.dpi.setValue(100)
    dialog.folder.setText(str(tmp_path))
    dialog.base.setText("strait")
    for fmt, check in dialog.checks.items():
        check.setChecked(fmt == "png")
    assert dialog.this_view.isEnabled() and not dialog.this_view.isChecked()
    dialog.this_view.setChecked(True)
    views = []
    with recording_views(views), qtbot.waitSignal(dialog.finished_export, timeout=60000):
        dialog.start()
    dialog.runner.wait()
    exported = view_from_record(next(v for v in views if v["dpi"] == 100))  # the PNG's, not the 72 dpi preview's
    assert QImage(str(tmp_path / "strait.png")).size().toTuple() == Page("A5", "landscape", 100).size_px
    e = exported.extent
    assert ((e[0] + e[2]) / 2, (e[1] + e[3]) / 2) == pytest.approx(((shown[0] + shown[2]) / 2,
                                                                    (shown[1] + shown[3]) / 2), abs=1.0)
    ratio = ((e[2] - e[0]) / (shown[2] - shown[0]), (e[3] - e[1]) / (shown[3] - shown[1]))
    assert min(ratio) == pytest.approx(1.0, abs=1e-6) and max(ratio) >= 1.0
    assert doc.frame_extent is None  # the window's document is not changed by one export


@pytest.mark.parametrize("metric", ["arrivals", "expulsions"])
def test_small_multiples_share_one_fitted_frame_with_no_flow_under_the_legend(qapp, metric):
    """Panels spent 40 % of their area on Poland and Ukraine, and the legend covered the Niger corridors."""
    doc = doc_for(metric=metric, period="2024")
    page, labels = Page("A4", "landscape", 100), ["2023", "2024"]
    image = QImage(*page.size_px, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        views = render_small_multiples(painter, doc, page, labels)
        assert len({v.extent for v in views}) == 1
        with selection_kept(doc):
            drawn_on(doc, panel_scale(doc, page, labels))
            rects = FurniturePainter(doc, views[-1], painter, periods=labels).layout_rects()
            drawn = []
            for label, view in zip(labels, views, strict=True):
                doc.select(label, metric)
                drawn.append(drawn_px(doc, view))
    finally:
        painter.end()
    legend, scale = box(rects["legend"]), box(rects["scale"])
    assert not legend.intersects(scale)
    assert not any(p.intersects(legend) or p.intersects(scale) for p in drawn[-1])
    panel_boxes = [shapely.box(v.frame_px[0], v.frame_px[1], v.frame_px[0] + v.frame_px[2],
                               v.frame_px[1] + v.frame_px[3]) for v in views]
    assert all(panel.contains(p) for panel, ps in zip(panel_boxes, drawn, strict=True) for p in ps)
    # the common frame is the flows' own: in panel coordinates, every period's flows together fill it
    shifted = [shapely.transform(p, lambda c, v=v: c - np.array(v.frame_px[:2])) for v, ps in zip(views, drawn, strict=True)
               for p in ps]
    assert limiting_share(shifted, (0, 0, *views[0].frame_px[2:])) > 0.75
    # the scale bar's distance stays in its box: no dark text in the gap before the legend
    strip = pixels(image)[int(rects["scale"].bottom() - 8 * page.px_per_mm):int(rects["scale"].bottom()),
                          int(rects["scale"].right()) + 1:int(rects["legend"].left()) - 1]
    assert not (strip.max(axis=2) < 110).any()


ARCHIPELAGO_CASES = [("2024", "dead_missing", None, None), ("2024", "arrivals", "fr", None),
                     ("2024", "arrivals", None, "EPSG:3857"), ("2024", "arrivals", None, None)]
"""Maps with a route to the Balearics (drawn, or dashed without a figure)."""


@pytest.mark.parametrize("period, metric, language, crs", ARCHIPELAGO_CASES)
def test_the_islands_a_route_reaches_show_whole_clear_of_the_title(qapp, period, metric, language, crs):
    """Mallorca, where the Algerian route arrives, lay under the title box of the dead and missing map:
    the frame fitted the flows and left the archipelago they reach to the furniture. Measured on the islands' outlines in pixels
    against the frame and the title, legend and scale boxes."""
    from geo.islands import document_islands

    doc = doc_for(None, period, metric)
    doc.label_language = language or "en"
    if crs:
        doc.crs = crs
    _, view, report = paint(doc, Page("A4", "landscape", 100))
    table, outlines = document_islands(doc)
    lonlat = shapely.centroid(table.outlines)
    balearics = np.isin(table.group, table.group[[int(np.argmin(shapely.distance(lonlat, shapely.Point(2.9, 39.6))))]])
    assert balearics.sum() >= 4  # Mallorca, Menorca, Ibiza, Formentera (Cabrera may join them)
    frame = shapely.box(view.frame_px[0], view.frame_px[1], view.frame_px[0] + view.frame_px[2],
                        view.frame_px[1] + view.frame_px[3])
    boxes = {name: box(report.furniture_rects[name]) for name in FURNITURE}
    for island in outlines[balearics]:
        shape = shapely.transform(island, view.to_px)
        assert frame.contains(shape)
        assert not any(shape.intersects(b) for b in boxes.values()), [n for n, b in boxes.items() if shape.intersects(b)]
