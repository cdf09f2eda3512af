"""The review gallery (``make gallery``, tools/gallery.py) shows what it claims to show.

A crop that shows the wrong coast is worse than none: the reviewer signs off on Gibraltar while
looking at Murcia. So the crops are checked against the picture: the recorded view must put Ceuta's
coordinates on Ceuta's dot in the PNG, every landmark of an area must fall inside that area's crop,
the crop must be no larger than the area, and its pixels must be the full map's pixels unscaled.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # tools/ is not an installed package (pyproject installs geo and gui only)
    sys.path.insert(0, str(ROOT))

pytestmark = pytest.mark.slow

LANDMARKS = {  # place_id in data/shapefiles/places.shp that each crop must hold
    "gibraltar": ("ceuta", "melilla", "tangier", "almeria", "nador"),
    "algeria_balearics": ("oran", "algiers", "palma", "cabrera"),
    "tunisia_sicily": ("sfax", "lampedusa", "malta", "sicily"),
    "canaries": ("el_hierro", "tenerife", "fuerteventura", "tarfaya"),
}
MAP = "2024Q4_arrivals"


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    out = tmp_path_factory.mktemp("gallery")
    proc = subprocess.run([sys.executable, "-m", "tools.gallery", "--out", str(out), "--only", MAP],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    log = out / f"{MAP}.log"
    assert proc.returncode == 0, proc.stdout + proc.stderr + (log.read_text() if log.exists() else "")
    assert re.search(r"1 of 1 maps in [\d.]+ s", proc.stdout), proc.stdout
    return out, json.loads((out / f"{MAP}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places():
    import geopandas as gpd

    from geo import paths

    frame = gpd.read_file(paths.default_places())
    return {row.place_id: (row.geometry.x, row.geometry.y) for row in frame.itertuples()}


def _px(view, lonlat) -> tuple[float, float]:
    from geo.projection import transformer

    x, y = transformer("EPSG:4326", view.crs).transform(*lonlat)
    px = view.to_px(np.array([[x, y]]))[0]
    return float(px[0]), float(px[1])


def _image(path: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_the_map_its_crops_and_the_contact_sheet_are_written(gallery):
    out, manifest = gallery
    assert manifest["status"] == "ok"
    files = [manifest["png"], manifest["thumb"], *(c["file"] for c in manifest["crops"])]
    assert {c["area"] for c in manifest["crops"] if "file" in c} == set(LANDMARKS)
    for name in [*files, f"{MAP}.log", "index.html"]:
        assert (out / name).is_file(), name
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "http" not in html.lower(), "the contact sheet must load nothing from the network"
    links = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert set(files) <= set(links)
    for link in links:
        assert not link.startswith("/") and (out / link).is_file(), link
    for crop in manifest["crops"]:  # shown at 100 %: the page gives each crop its own pixel size
        x0, y0, x1, y1 = crop["box_px"]
        assert f'src="{crop["file"]}" width="{x1 - x0}" height="{y1 - y0}"' in html


def test_the_recorded_view_is_the_one_the_map_was_painted_with(qapp, gallery, places):
    """Ceuta's and Melilla's coordinates, through the recorded view, land on their dots in the PNG."""
    from tools.gallery_crops import view_from_record

    out, manifest = gallery
    (record,) = manifest["views"]
    view = view_from_record(record)
    full = _image(out / manifest["png"])
    for place in ("ceuta", "melilla", "tripoli", "nouakchott"):
        x, y = _px(view, places[place])
        darkest = min(full.pixelColor(int(x) + dx, int(y) + dy).lightness()
                      for dx in range(-3, 4) for dy in range(-3, 4))
        assert darkest < 90, f"no place dot at {place}'s pixel ({x:.0f}, {y:.0f}): the view is not the map's"


def test_each_crop_is_where_its_geography_is(qapp, gallery, places):
    from tools.gallery_crops import AREAS, view_from_record

    out, manifest = gallery
    view = view_from_record(manifest["views"][0])
    full = _image(out / manifest["png"])
    areas = {a.key: a for a in AREAS}
    for crop in manifest["crops"]:
        x0, y0, x1, y1 = crop["box_px"]
        area = areas[crop["area"]]
        for place in LANDMARKS[crop["area"]]:
            x, y = _px(view, places[place])
            assert x0 + 3 <= x <= x1 - 3 and y0 + 3 <= y <= y1 - 3, f"{place} is outside the {crop['area']} crop"
        # no larger than the area: the box's own corners lie in the area's lon/lat box (a degree of slack
        # for the curved edges)
        w, s, e, n = area.box
        from geo.projection import transformer

        back = transformer(view.crs, "EPSG:4326")
        for px, py in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            lon, lat = back.transform(*view.to_map(px, py))
            assert w - 1 <= lon <= e + 1 and s - 1 <= lat <= n + 1, f"{crop['area']} crop reaches {lon:.1f}, {lat:.1f}"
        # cut at 100 %: the same pixels as that box of the full map
        image = _image(out / crop["file"])
        assert (image.width(), image.height()) == (x1 - x0, y1 - y0)
        assert image == full.copy(x0, y0, x1 - x0, y1 - y0), f"{crop['file']} is not the full map's pixels"


def test_an_area_outside_the_frame_is_skipped_and_said(gallery):
    from tools.gallery_crops import Area, crop_boxes

    _, manifest = gallery
    (crop,) = crop_boxes(manifest["views"], (Area("jeddah", "Jeddah", (38.5, 20.5, 40.0, 22.5)),))
    assert "box_px" not in crop and "outside the map frame" in crop["skipped"]


def test_a_failing_map_is_named_and_the_others_are_drawn(tmp_path):
    from tools.gallery import GalleryMap, run_maps
    from tools.gallery_index import write_index

    maps = [GalleryMap("broken", "no such period", ("--period", "1999")),
            GalleryMap("small", "a small map", ("--size", "480x320"))]
    lines: list[str] = []
    outcomes = run_maps(maps, tmp_path, jobs=2, say=lines.append)
    assert [o.ok for o in outcomes] == [False, True], [*lines, *(p.read_text() for p in tmp_path.glob("*.log"))]
    assert any("FAILED broken" in line and "1999" in line for line in lines), lines
    assert (tmp_path / "small.png").is_file()
    html = write_index(tmp_path, maps, 1.0).read_text(encoding="utf-8")
    assert "FAILED" in html and "1999" in html


def test_an_unknown_map_name_is_refused(tmp_path, capsys):
    from tools.gallery import main

    assert main(["--out", str(tmp_path), "--only", "no_such_map"]) == 2
    assert "no_such_map" in capsys.readouterr().err
