"""Options and sizes that would hold the machine: refused before any work, in one line, by name."""

from __future__ import annotations

import pytest

from geo import vector_io
from geo.errors import DataError
from geo.page import MAX_RASTER_PIXELS, Page
from gui.cli import main


@pytest.mark.parametrize("options,message", [
    (["--page", "A2", "--dpi", "1200"],
     "A2 landscape, 1200 dpi (28063 x 19843 px) is 557 million pixels, over the 150 million a raster export may have; "
     "use 622 dpi or less, or export PDF or SVG"),
    (["--size", "30000x30000"],
     "30000 x 30000 px is 900 million pixels, over the 150 million a raster export may have; use 12247 x 12247 px "
     "or less, or export PDF or SVG"),
    (["--crs", "+proj=ortho +lat_0=-60 +lon_0=170"],
     "projection '+proj=ortho +lat_0=-60 +lon_0=170' cannot show the map's region: 81 of 81 points between -21.5° and "
     "23.5° longitude, 11.5° and 45° latitude fall outside it; choose another, e.g. north-africa-laea"),
])
def test_a_page_or_projection_that_cannot_be_drawn_is_refused_by_name(tmp_path, capsys, options, message):
    code = main(["render", "-q", "--out-dir", str(tmp_path), *options])
    assert code == 2 and capsys.readouterr().err.strip() == f"crossings: error: {message}"
    assert list(tmp_path.iterdir()) == []


def test_the_largest_page_that_fits_is_the_one_the_message_offers():
    Page("A2", "landscape", 622).check_raster()
    with pytest.raises(Exception, match="over the 150 million"):
        Page("A2", "landscape", 623).check_raster()
    w, h = Page.from_pixels(12247, 12247).size_px
    assert w * h <= MAX_RASTER_PIXELS


def test_a_vector_export_is_not_held_to_the_raster_limit(tmp_path, capsys):
    code = main(["render", "-q", "--out-dir", str(tmp_path), "--page", "A2", "--dpi", "1200", "--no-png",
                 "--no-geojson", "--pdf", str(tmp_path / "m.pdf")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


def test_a_feature_with_too_many_vertices_is_refused_by_feature(monkeypatch):
    from geo import paths

    monkeypatch.setattr(vector_io, "MAX_FEATURE_VERTICES", 2_000)
    with pytest.raises(DataError) as err:
        vector_io.read_vector(paths.default_countries(), expect="polygon")
    text = str(err.value)
    assert text.startswith("countries.shp, feature ") and "vertices, over the 2,000 a feature may have; simplify" in text


def test_a_part_without_read_permission_is_named(tmp_path, monkeypatch):
    """Root reads anything, so the permission is taken away where Python opens the part."""
    import builtins
    import io

    from corpus_builders import copy_shapefile

    shp = copy_shapefile(tmp_path)
    real_open = io.open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith(".dbf"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    monkeypatch.setattr(io, "open", refusing_open)
    with pytest.raises(DataError) as err:
        vector_io.read_vector(shp, expect="line")
    assert str(err.value) == "routes.shp: its part routes.dbf cannot be read (permission denied)"
