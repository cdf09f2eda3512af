"""The PNG carries what publishing needs: its colour space, its title, sources and licences, and
(on request) the world file that puts it in place in a GIS; and it is no larger than zlib's best."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from pyproj import CRS, Transformer
from PySide6.QtGui import QImage

from geo.map_metadata import SOFTWARE, licence_text
from geo.map_texts import map_title, sources_text
from geo.page import Page
from gui.export import PngExportSettings, export_png, render_image
from gui.png_writer import FILTER_UP, SRGB_CHROMATICITIES, SRGB_GAMMA, _filter_rows, _pixels, encode_png
from tests.gui.gis_clients import gdalinfo, qgis_open_raster

PAGE = Page("A4", "landscape", 150)
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def read_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk of a PNG file as (type, data), each one's CRC checked (PNG specification, 5.3)."""
    assert data[:8] == SIGNATURE
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        at += 12 + length
    assert at == len(data), "bytes after the last chunk"
    return chunks


def texts_of(chunks) -> dict[str, tuple[str, str]]:
    """keyword → (text, language) of the tEXt and iTXt chunks (uncompressed, as Crossings writes them)."""
    found = {}
    for kind, body in chunks:
        if kind == b"tEXt":
            key, text = body.split(b"\0", 1)
            found[key.decode("latin-1")] = (text.decode("latin-1"), "")
        elif kind == b"iTXt":
            key, rest = body.split(b"\0", 1)
            assert rest[:2] == b"\0\0", "compressed iTXt"
            language, rest = rest[2:].split(b"\0", 1)
            _translated, text = rest.split(b"\0", 1)
            found[key.decode("latin-1")] = (text.decode("utf-8"), language.decode("ascii"))
    return found


def test_chunks_are_valid_and_in_the_order_the_specification_asks(doc, tmp_path):
    doc.select(None, None, None)
    data = export_png(doc, tmp_path / "map.png", PngExportSettings(PAGE)).read_bytes()
    chunks = read_chunks(data)
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    first_data = kinds.index(b"IDAT")
    for kind in (b"sRGB", b"gAMA", b"cHRM", b"pHYs", b"tEXt"):
        assert kind in kinds[:first_data], f"{kind!r} missing before the image data"
    body = dict(chunks)
    assert body[b"sRGB"] == b"\0"  # perceptual
    assert struct.unpack(">I", body[b"gAMA"]) == (SRGB_GAMMA,) == (45455,)
    assert struct.unpack(">8I", body[b"cHRM"]) == SRGB_CHROMATICITIES
    assert SRGB_CHROMATICITIES[:2] == (31270, 32900)  # D65, as the specification writes it for sRGB
    assert not QImage.fromData(data).isNull()  # and libpng, through Qt, decodes it


def test_metadata_says_what_the_map_prints(arabic, tmp_path):
    data = export_png(arabic, tmp_path / "ar.png", PngExportSettings(PAGE)).read_bytes()
    texts = texts_of(read_chunks(data))
    assert texts["Title"] == (map_title(arabic), "ar")  # Arabic: iTXt, UTF-8, language-tagged
    assert texts["Source"] == (sources_text(arabic), "ar")
    assert "MMC Quarterly Mixed Migration Update" in texts["Source"][0]
    assert texts["Copyright"] == (licence_text(arabic), "")  # Latin-1: tEXt
    assert "Natural Earth, public domain" in texts["Copyright"][0] and "CC0 1.0" in texts["Copyright"][0]
    assert texts["Software"] == (SOFTWARE, "")
    back = QImage.fromData(data)  # libpng (through Qt) reads the same
    assert back.text("Title") == map_title(arabic) and back.text("Source") == sources_text(arabic)


def test_a_users_own_files_are_not_given_the_bundled_licences(tmp_path, qapp):
    from geo import paths
    from geo.document import MapDocument

    own = tmp_path / "figures.csv"
    own.write_bytes(paths.default_flows().read_bytes())
    doc = MapDocument.from_files(flows=own)
    assert "figures.csv, under the terms of its provider" in licence_text(doc)
    assert "cite them and the primary source" not in licence_text(doc)


def _place_xy(doc, place_id: str) -> tuple[float, float]:
    places = doc.layer("places").data
    point = places.loc[places["place_id"] == place_id, "geometry"].iloc[0]
    return Transformer.from_crs(places.crs, doc.crs, always_xy=True).transform(point.x, point.y)


def _world_file_pixel(pgw: str, x: float, y: float) -> tuple[float, float]:
    """The pixel (column, row; 0 is the first pixel's centre) a world file puts map point (x, y) on."""
    a, d, b, e, c, f = map(float, pgw.split())
    assert d == 0 and b == 0  # the page is not rotated
    return (x - c) / a, (y - f) / e


# The fill of a place's dot, and of an enclave's (gui/place_labels.py).
DOT, ENCLAVE_DOT = (0x33, 0x33, 0x33), (0, 0, 0)


def _dot_centre(rgb: np.ndarray, near: tuple[float, float], colour) -> tuple[float, float]:
    """The centroid of the place dot's own colour within 6 px of ``near``: found in the pixels."""
    col, row = (round(v) for v in near)
    window = rgb[row - 6:row + 7, col - 6:col + 7].astype(int)
    ys, xs = np.nonzero(np.abs(window - colour).max(axis=2) <= 24)
    assert len(xs) >= 4, f"no dot near pixel {near}"
    return col - 6 + xs.mean(), row - 6 + ys.mean()


def test_world_file_puts_the_places_on_their_pixels(doc, tmp_path):
    doc.select(None, None, None)
    path = export_png(doc, tmp_path / "map.png", PngExportSettings(Page("A4", "landscape", 300), world_file=True))
    pgw = (tmp_path / "map.pgw").read_text()
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = rgb[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
    for place, colour in (("tripoli", DOT), ("sfax", DOT), ("ceuta", ENCLAVE_DOT)):  # dots the map draws
        expected = _world_file_pixel(pgw, *_place_xy(doc, place))
        found = _dot_centre(rgb, expected, colour)
        assert abs(found[0] - expected[0]) <= 1 and abs(found[1] - expected[1]) <= 1, (place, found, expected)
    # Lampedusa, a 20 km² island (at 300 dpi a few pixels of land inside its white coastline): the
    # island, not the sea around it, is where the world file puts its point
    col, row = (round(v) for v in _world_file_pixel(pgw, *_place_xy(doc, "lampedusa")))
    island = [np.array([int(hex_rgb[k:k + 2], 16) for k in (1, 3, 5)]) for hex_rgb in (doc.theme.land, "#ffffff")]
    around = rgb[row - 1:row + 2, col - 1:col + 2].reshape(-1, 3).astype(int)
    assert any((np.abs(around - colour).max(axis=1) <= 6).any() for colour in island), around
    assert (tmp_path / "map.prj").read_text().startswith("PROJCS[")
    assert "Lambert_Azimuthal_Equal_Area" in (tmp_path / "map.prj").read_text()


def test_gdal_and_qgis_read_where_the_png_lies(doc, tmp_path):
    from gui.layout import page_view

    doc.select(None, None, None)
    path = export_png(doc, tmp_path / "map.png", PngExportSettings(PAGE, world_file=True))
    view = page_view(doc, PAGE)
    info = gdalinfo(path)
    x0, width, rot_x, y0, rot_y, height = info["geoTransform"]
    assert rot_x == rot_y == 0
    assert width == pytest.approx(view.units_per_px) and height == pytest.approx(-view.units_per_px)
    assert (x0, y0) == pytest.approx(view.to_map(0, 0))
    assert CRS.from_wkt(info["coordinateSystem"]["wkt"]).equals(CRS.from_user_input(doc.crs), ignore_axis_order=True)
    qgis = qgis_open_raster(path)
    assert qgis["valid"] and CRS.from_wkt(qgis["crs_wkt"]).equals(CRS.from_user_input(doc.crs), ignore_axis_order=True)
    w, h = PAGE.size_px
    page = (*view.to_map(0, h), *view.to_map(w, 0))  # xmin, ymin, xmax, ymax of the whole page
    assert qgis["extent"] == pytest.approx(page, abs=view.units_per_px / 100)


def test_world_file_is_refused_for_small_multiples_before_painting(doc, tmp_path):
    from geo.errors import ExportError

    doc.select(None, None, None)
    with pytest.raises(ExportError, match=r"map\.png: a world file places one map"):
        export_png(doc, tmp_path / "map.png", PngExportSettings(PAGE, periods=("2023", "2024"), world_file=True))
    assert not list(tmp_path.iterdir())


def test_encode_is_no_larger_than_zlibs_best_level(doc):
    """bench/png_encode.py measures the time; this holds the size: the default map's PNG is no larger
    than zlib 9 on the rows the encoder used before ('Up'), the standard library's best."""
    doc.select(None, None, None)
    image = render_image(doc, Page("A4", "landscape", 300))
    px, _, _keep = _pixels(image)
    h, w, channels = px.shape
    rows = np.empty((h, w * channels + 1), np.uint8)
    _filter_rows(px, 0, h, FILTER_UP, np.zeros((h + 1, w, channels), np.uint8), rows)
    best = len(zlib.compress(rows.data, 9))
    ours = [len(body) for kind, body in read_chunks(encode_png(image, 300)) if kind == b"IDAT"]
    assert sum(ours) <= best, f"{sum(ours):,} bytes of image data against zlib 9's {best:,}"
