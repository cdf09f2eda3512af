"""The canvas: paints through MapRenderer, pans and zooms smoothly from its cached image, and
reports the cursor in lon/lat."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt


def test_paints_the_map_with_the_renderer(canvas, doc):
    image = canvas.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, 600, 7)}
    assert doc.theme.sea.lower() in colours and doc.theme.land.lower() in colours
    assert canvas.renderer.report.symbols is not None and len(canvas.renderer.report.symbols) >= 4


def test_drag_pans_and_settles_into_a_new_render(canvas, qtbot):
    before = canvas.view.extent
    u = canvas.view.units_per_px
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    for x in range(380, 299, -20):
        qtbot.mouseMove(canvas, QPoint(x, 300))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    after = canvas.view.extent
    assert after[0] - before[0] == pytest.approx(100 * u, rel=0.05)  # dragged left: the map moves east
    assert canvas._settle.isActive()  # cached image shown while interacting
    with qtbot.waitSignal(canvas.rendered, timeout=5000):
        pass
    assert canvas._image_view.extent == pytest.approx(after)


def test_wheel_zooms_about_the_cursor(canvas, qtbot):
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent

    anchor = canvas.view.to_map(200, 150)
    width = canvas.view.extent[2] - canvas.view.extent[0]
    ev = QWheelEvent(P(200, 150), P(200, 150), QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    canvas.wheelEvent(ev)
    assert canvas.view.extent[2] - canvas.view.extent[0] == pytest.approx(width / 1.25**2, rel=1e-6)
    assert canvas.view.to_map(200, 150) == pytest.approx(anchor, rel=1e-9)


def test_keys_zoom_and_full_extent(canvas, qtbot, doc):
    width = canvas.view.extent[2] - canvas.view.extent[0]
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.extent[2] - canvas.view.extent[0] < width
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    canvas.zoom_full()
    assert canvas.view.extent[2] - canvas.view.extent[0] == pytest.approx(width, rel=1e-6)
    canvas.zoom_to_layer(doc.layer("places"))
    assert canvas.view.extent[2] - canvas.view.extent[0] < width * 1.5


def test_cursor_position_in_lon_lat(canvas, qtbot):
    got = []
    canvas.cursor_lonlat.connect(lambda lon, lat: got.append((lon, lat)))
    qtbot.mouseMove(canvas, QPoint(400, 300))
    lon, lat = got[-1]
    assert -25 < lon < 30 and 10 < lat < 48
    x, y = canvas.view.to_px(__import__("numpy").array([canvas.view.to_map(400, 300)]))[0]
    assert (x, y) == pytest.approx((400, 300))


def test_interactive_repaint_is_fast_and_zoomed_in_render_uses_level_of_detail(canvas, doc):
    canvas.pan(30, 10)
    times = []
    for _ in range(20):
        canvas.repaint()
        times.append(canvas.last_paint_ms)
    assert sorted(times)[10] < 16  # the cached image moves; no full render while dragging
    full_ms = canvas.last_render_ms
    canvas.zoom(16.0, QPointF(400, 300))
    canvas.render_now()
    keys = [k for k in doc._cache if k[0] == "simple"]
    assert len({k[3] for k in keys}) >= 2  # coarser geometry at full extent, finer zoomed in
    assert full_ms > 0
