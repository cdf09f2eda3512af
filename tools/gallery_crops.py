"""One gallery map, drawn in its own process: the render, its 100 % crops of the dense areas and a manifest.

The map is drawn by ``crossings render`` itself (``gui.cli.main``), so the gallery shows exactly what a
user gets. The crops are cut where the areas' longitudes and latitudes land on *that* map: the
renderer's own views (projected extent -> pixel frame) are recorded while it paints, because the page
size, projection, extent and small-multiple panels differ from map to map and a pixel box fixed once
would show the wrong coast on the next map (or after the frame is refitted to the flows).
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EDGE_POINTS = 33
"""Points per edge of an area's lon/lat box: a curved projection bends the edges, so corners alone miss."""

MIN_VISIBLE = 0.10
"""An area with less than this share of its box inside the map frame is skipped: a sliver shows nothing."""

THUMB_WIDTH_PX = 1100
"""Width of the downscaled copy of each full map shown in the contact sheet."""


@dataclass(frozen=True)
class Area:
    """A dense part of the map, reviewed at 100 %: a key for file names, a caption and a lon/lat box
    (west, south, east, north) chosen to hold every place, route end and label of that area."""

    key: str
    title: str
    box: tuple[float, float, float, float]


AREAS: tuple[Area, ...] = (
    Area("gibraltar", "Strait of Gibraltar, Ceuta and Melilla", (-7.0, 34.6, -1.2, 37.2)),
    Area("algeria_balearics", "Algeria to the Balearic Islands", (-1.6, 35.0, 5.4, 40.4)),
    Area("tunisia_sicily", "Tunisia, Lampedusa, Malta and Sicily", (9.0, 33.6, 16.2, 38.8)),
    Area("canaries", "Canary Islands", (-18.6, 26.6, -12.4, 29.7)),
)


def view_record(view, label: str = "") -> dict:
    """A MapView as JSON: enough to rebuild the very transform the renderer used."""
    return {"label": label, "crs": view.crs, "extent": list(view.extent), "frame_px": list(view.frame_px),
            "dpi": view.dpi}


def view_from_record(record: dict):
    """The MapView a manifest records (``MapView`` re-widens nothing: the extent already fits the frame)."""
    from geo.view import MapView

    return MapView(record["crs"], tuple(record["extent"]), tuple(record["frame_px"]), record["dpi"])


@contextmanager
def recording_views(views: list[dict], panel_labels: tuple[str, ...] = ()):
    """Record every view the renderer paints a page or small-multiple panels with.

    ``render_page`` and ``render_small_multiples`` both return the views they drew; wrapping them is
    the only way to learn the transform of a map drawn through the CLI without re-deriving it (a
    re-derivation would agree with the renderer only until the renderer changes).
    """
    import gui.small_multiples as sm
    from gui.render import MapRenderer

    original_page, original_multiples = MapRenderer.render_page, sm.render_small_multiples

    def render_page(self, *args, **kwargs):
        view = original_page(self, *args, **kwargs)
        views.append(view_record(view))
        return view

    def render_small_multiples(*args, **kwargs):
        panels = original_multiples(*args, **kwargs)
        for i, view in enumerate(panels):
            views.append(view_record(view, panel_labels[i] if i < len(panel_labels) else f"panel {i + 1}"))
        return panels

    MapRenderer.render_page, sm.render_small_multiples = render_page, render_small_multiples
    try:
        yield views
    finally:
        MapRenderer.render_page, sm.render_small_multiples = original_page, original_multiples


def area_box_px(view, box: tuple[float, float, float, float]) -> tuple[tuple[int, int, int, int] | None, str]:
    """The pixel box (x0, y0, x1, y1; x1, y1 exclusive) an area covers on the page drawn with ``view``,
    clipped to the map frame, and a note: why it is skipped (box None), or how much of it is cut off."""
    from geo.projection import transformer

    w, s, e, n = box
    t = np.linspace(0.0, 1.0, EDGE_POINTS)
    lon = np.concatenate([w + (e - w) * t, np.full_like(t, e), e - (e - w) * t, np.full_like(t, w)])
    lat = np.concatenate([np.full_like(t, s), s + (n - s) * t, np.full_like(t, n), n - (n - s) * t])
    x, y = transformer("EPSG:4326", view.crs).transform(lon, lat, errcheck=False)
    xy = np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)])
    if not np.isfinite(xy).all():
        return None, "the projection cannot show this area"
    px = view.to_px(xy)
    (x0, y0), (x1, y1) = px.min(axis=0), px.max(axis=0)
    left, top, fw, fh = view.frame_px
    cx0, cy0 = max(x0, left), max(y0, top)
    cx1, cy1 = min(x1, left + fw), min(y1, top + fh)
    if cx1 - cx0 < 1 or cy1 - cy0 < 1:
        return None, "not on this map: the area lies outside the map frame"
    share = (cx1 - cx0) * (cy1 - cy0) / ((x1 - x0) * (y1 - y0))
    if share < MIN_VISIBLE:
        return None, f"not on this map: only {share:.0%} of the area lies inside the map frame"
    note = "" if share > 0.999 else f"cut by the map frame: {share:.0%} of the area is on the map"
    return (int(np.floor(cx0)), int(np.floor(cy0)), int(np.ceil(cx1)), int(np.ceil(cy1))), note


def crop_boxes(views: list[dict], areas: tuple[Area, ...] = AREAS) -> list[dict]:
    """For every recorded view and area: the crop to cut, or why there is none."""
    crops = []
    for i, record in enumerate(views):
        view = view_from_record(record)
        for area in areas:
            box, note = area_box_px(view, area.box)
            crop = {"area": area.key, "area_title": area.title, "view": i, "panel": record["label"], "note": note}
            if box is None:
                crop["skipped"] = note
            else:
                crop["box_px"] = list(box)
            crops.append(crop)
    return crops


def crop_file_name(name: str, crop: dict, panels: int) -> str:
    suffix = f"_{_slug(crop['panel'])}" if panels > 1 else ""
    return f"{name}__{crop['area']}{suffix}.png"


def write_images(out: Path, name: str, views: list[dict], crops: list[dict]) -> dict:
    """Cut each crop from the full PNG at 100 % (pixels copied, never scaled) and write a downscaled copy."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QImage

    full = QImage(str(out / f"{name}.png"))
    if full.isNull():
        raise RuntimeError(f"{name}.png was not written or cannot be read")
    for crop in crops:
        if "box_px" not in crop:
            continue
        x0, y0, x1, y1 = crop["box_px"]
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(full.width(), x1), min(full.height(), y1)
        crop["box_px"] = [x0, y0, x1, y1]
        crop["file"] = crop_file_name(name, crop, len(views))
        if not full.copy(QRect(x0, y0, x1 - x0, y1 - y0)).save(str(out / crop["file"])):
            raise RuntimeError(f"could not write {crop['file']}")
    thumb = full.scaledToWidth(min(THUMB_WIDTH_PX, full.width()), Qt.TransformationMode.SmoothTransformation)
    thumb_file = f"{name}__thumb.png"
    if not thumb.save(str(out / thumb_file)):
        raise RuntimeError(f"could not write {thumb_file}")
    return {"png": f"{name}.png", "size_px": [full.width(), full.height()], "thumb": thumb_file}


def render_one(name: str, out: Path, render_args: list[str], panel_labels: tuple[str, ...] = ()) -> dict:
    """Draw one map with ``crossings render`` and cut its crops; the manifest says what was made."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.cli import main as crossings

    started = time.perf_counter()
    argv = ["render", *render_args, "--out-dir", str(out), "--name", name, "--no-geojson"]
    views: list[dict] = []
    with recording_views(views, panel_labels):
        code = crossings(argv)
    if code != 0:  # its one-line message is already on stderr, which the gallery keeps and names
        raise SystemExit(code)
    if not views:
        raise RuntimeError("the renderer drew no view that could be recorded (render_page / render_small_multiples)")
    views = [v for i, v in enumerate(views) if v not in views[:i]]  # one view, however often it was painted
    crops = crop_boxes(views)
    manifest = {"name": name, "status": "ok", "argv": ["crossings", *argv], "views": views, "crops": crops,
                **write_images(out, name, views, crops), "seconds": round(time.perf_counter() - started, 2)}
    write_manifest(out, manifest)
    return manifest


def write_manifest(out: Path, manifest: dict) -> None:
    path = out / f"{manifest['name']}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def read_manifest(out: Path, name: str) -> dict | None:
    path = out / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-" else "_" for c in text) or "panel"


def worker_main(argv: list[str]) -> int:
    """``python -m tools.gallery_crops NAME OUT [PANEL ...] -- RENDER ARGS``: what the gallery runs per map."""
    split = argv.index("--")
    name, out, *panels = argv[:split]
    render_one(name, Path(out), argv[split + 1:], tuple(panels))
    return 0


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
