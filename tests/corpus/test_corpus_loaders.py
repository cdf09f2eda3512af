"""Every corpus case through the geo loaders (the window's own loader is in test_corpus_window.py).

A bad file must raise a DataError whose one-line text is exactly the case's message, quickly; an
awkward but readable file must load and say what it noticed.
"""

from __future__ import annotations

import time

import pytest
from corpus_cases import CASES, Case

from geo.document import MapDocument
from geo.errors import DataError
from geo.flow_table import read_flow_table
from geo.point_layers import read_points_file
from geo.project import load_project, read_layer_data
from geo.routes import read_routes
from geo.vector_io import read_vector

LOADERS = {
    "flows": read_flow_table,
    "routes": read_routes,
    "boundaries": lambda p: read_vector(p, expect="polygon"),
    "places": read_points_file,
    "project": load_project,
}


def ids(case: Case) -> str:
    return case.id


def assert_message(case: Case, text: str, expected: str) -> None:
    assert "\n" not in text and "Traceback" not in text
    if case.prefix:
        assert text.startswith(expected), text
    else:
        assert text == expected


def check_loaded(case: Case, result, path) -> None:
    if case.check:
        case.check(result)
    if case.warning and case.loader == "flows":
        if case.table_warning:
            assert any(case.warning in w for w in result.warnings), result.warnings
        else:  # a problem of the join: reported as a warning, never dropped silently
            doc = MapDocument.from_files(flows=path)
            assert any(case.warning == str(i) for i in doc.join().issues), doc.join().issues


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_geo_loader(case, tmp_path):
    path = case.build(tmp_path)
    expected = case.expected(tmp_path)
    load = LOADERS[case.loader]
    started = time.perf_counter()
    if expected is None:
        check_loaded(case, load(path), path)
    else:
        with pytest.raises(DataError) as info:
            load(path)
        assert_message(case, str(info.value), expected)
        assert info.value.path is None or info.value.path.name in str(info.value)
    assert time.perf_counter() - started < 10, "a bad file must be refused quickly"


@pytest.mark.parametrize("kind", ["routes", "boundaries", "places"])
@pytest.mark.parametrize("case", [c for c in CASES if c.loader in ("routes", "boundaries")
                                  and c.expected is not None and "missing" in c.id], ids=ids)
def test_project_layer_reader_gives_the_same_message(case, kind, tmp_path):
    """A project names its layers by kind; a missing or broken file says the same through it."""
    path = case.build(tmp_path)
    expected = case.expected(tmp_path)
    if expected is None:
        pytest.skip("loads")
    with pytest.raises(DataError) as info:
        read_layer_data(path, kind)
    if "needs" not in expected:
        assert_message(case, str(info.value), expected)


def test_corpus_size():
    """The issue asks for at least 40 bad inputs; keep count of what the corpus holds."""
    bad = [c for c in CASES if c.error is not None]
    assert len(bad) >= 40 and len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
