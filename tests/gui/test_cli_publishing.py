"""``crossings render --geopdf`` and ``--world-file``: the files land together, mistakes are one line."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from gui.cli import main


@pytest.fixture
def in_tmp(tmp_path, monkeypatch, qapp):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_geopdf_and_world_file_are_written_beside_the_map(in_tmp):
    assert main(["render", "-q", "--dpi", "72", "--no-geojson", "--name", "m", "--pdf", "m.pdf", "--geopdf",
                 "--world-file"]) == 0
    assert sorted(p.name for p in in_tmp.iterdir()) == ["m.pdf", "m.pgw", "m.png", "m.png.aux.xml", "m.prj"]
    assert PdfReader(in_tmp / "m.pdf").pages[0]["/VP"][0]["/Measure"]["/Subtype"] == "/GEO"
    assert len((in_tmp / "m.pgw").read_text().split()) == 6


def test_plain_render_writes_no_georeferencing(in_tmp):
    assert main(["render", "-q", "--dpi", "72", "--no-geojson", "--name", "m", "--pdf", "m.pdf"]) == 0
    assert sorted(p.name for p in in_tmp.iterdir()) == ["m.pdf", "m.png"]
    assert "/VP" not in PdfReader(in_tmp / "m.pdf").pages[0]


@pytest.mark.parametrize(("options", "message"), [
    (["--geopdf"], "--geopdf georeferences the PDF: add --pdf PATH"),
    (["--world-file", "--no-png"], "--world-file goes beside the PNG: drop --no-png"),
    (["--world-file", "--periods", "2023", "2024"], "a world file places one map"),
])
def test_georeferencing_mistakes_end_in_one_line_and_no_file(in_tmp, capsys, options, message):
    assert main(["render", "-q", "--dpi", "72", "--no-geojson", *options]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(in_tmp.iterdir())
