"""An optional georeferenced PDF: GDAL's PDF driver reads where the map frame lies, QGIS opens the
page in place, and a plain PDF stays plain."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from pyproj import CRS

from geo.page import Page
from gui.export import VectorExportSettings, pdf_bytes
from gui.layout import page_view
from tests.gui.gis_clients import gdalinfo, qgis_open_raster

PAGE = Page("A4", "landscape", 72)
# GDAL rasterises a PDF at 150 dpi unless told otherwise: its pixel, in points.
GDAL_PT_PER_PIXEL = 72 / 150


def neatline_bounds(info: dict) -> tuple[float, float, float, float]:
    """The frame GDAL read from the PDF's viewport (its NEATLINE metadata), as xmin, ymin, xmax, ymax."""
    wkt = info["metadata"][""]["NEATLINE"]
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", wkt)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("crs", [None, "EPSG:3035"], ids=["north-africa-laea", "epsg-3035"])
def test_gdal_reads_the_map_frame_where_the_map_drew_it(doc, tmp_path, crs):
    doc.select(None, None, None)
    if crs:
        doc.crs = crs
    path = tmp_path / "map.pdf"
    path.write_bytes(pdf_bytes(doc, VectorExportSettings(PAGE, geopdf=True)))
    view = page_view(doc, PAGE)
    info = gdalinfo(path)
    assert info["driverShortName"] == "PDF"
    assert CRS.from_wkt(info["coordinateSystem"]["wkt"]).equals(CRS.from_user_input(doc.crs), ignore_axis_order=True)
    # the frame's corners, each within a thousandth of a map pixel of the view the page was drawn with
    assert neatline_bounds(info) == pytest.approx(view.extent, abs=view.units_per_px / 1000)
    x0, width, rot_x, y0, rot_y, height = info["geoTransform"]
    assert rot_x == rot_y == 0
    assert (x0, y0) == pytest.approx(view.to_map(0, 0), abs=view.units_per_px / 100)  # the page's top left
    points_per_unit = 72 / view.dpi / view.units_per_px  # page points per map unit
    assert width == pytest.approx(GDAL_PT_PER_PIXEL / points_per_unit, rel=2e-3)
    assert -height == pytest.approx(GDAL_PT_PER_PIXEL / points_per_unit, rel=2e-3)


def test_qgis_opens_the_pdf_in_place(doc, tmp_path):
    doc.select(None, None, None)
    path = tmp_path / "map.pdf"
    path.write_bytes(pdf_bytes(doc, VectorExportSettings(PAGE, geopdf=True)))
    view = page_view(doc, PAGE)
    qgis = qgis_open_raster(path)
    assert qgis["valid"]
    assert CRS.from_wkt(qgis["crs_wkt"]).equals(CRS.from_user_input(doc.crs), ignore_axis_order=True)
    xmin, ymin, xmax, ymax = qgis["extent"]
    columns, rows = qgis["size"]
    unit_x, unit_y = (xmax - xmin) / columns, (ymax - ymin) / rows
    # where QGIS puts the map frame's edges: the frame's place on the page (the layout's, in the page's
    # pixels from its top left), read off the layer QGIS made of the page
    left, top, width, height = view.frame_px
    to_qgis_px = 72 / PAGE.dpi / GDAL_PT_PER_PIXEL
    frame = (xmin + left * to_qgis_px * unit_x, ymax - (top + height) * to_qgis_px * unit_y,
             xmin + (left + width) * to_qgis_px * unit_x, ymax - top * to_qgis_px * unit_y)
    assert frame == pytest.approx(view.extent, abs=unit_x)  # within one of QGIS's pixels (2.1 km here)


def test_small_multiples_georeference_every_panel(doc, tmp_path):
    doc.select(None, None, None)
    data = pdf_bytes(doc, VectorExportSettings(PAGE, periods=("2023", "2024"), geopdf=True))
    viewports = PdfReader(io.BytesIO(data)).pages[0]["/VP"]
    boxes = [tuple(float(v) for v in vp["/BBox"]) for vp in viewports]
    assert len(boxes) == 2 and boxes[0] != boxes[1]
    assert boxes[0][1] == pytest.approx(boxes[1][1]) or boxes[0][0] == pytest.approx(boxes[1][0])  # one row or column
    for vp in viewports:
        measure = vp["/Measure"]
        assert measure["/Subtype"] == "/GEO" and len(measure["/GPTS"]) == 8 and measure["/GCS"]["/Type"] == "/PROJCS"
    path = tmp_path / "sm.pdf"
    path.write_bytes(data)
    assert "NEATLINE" in gdalinfo(path)["metadata"][""]


def test_a_plain_pdf_is_not_georeferenced(doc):
    doc.select(None, None, None)
    page = PdfReader(io.BytesIO(pdf_bytes(doc, VectorExportSettings(PAGE)))).pages[0]
    assert "/VP" not in page
