"""Where a page's legend stands (geo.legend_place): over the map while it covers little of it, beside
the map when over it the frame would have to zoom out round it; saved in the project, checked on load."""

from __future__ import annotations

import json

import pytest

from geo.errors import CrossingsError, DataError
from geo.legend_place import AUTO, BESIDE, INSIDE, LEGEND_OVER_MAP_MAX_SHARE, legend_beside, parse_legend_place


def test_auto_sets_a_legend_beside_the_map_only_when_over_it_it_covers_much_and_one_column_beside_holds_it():
    a4, a3 = (285.0, 188.0), (408.0, 275.0)
    overview = (60.0, 186.0)  # the bundled overview's legend in one column
    assert legend_beside(AUTO, a4, overview, 170.0)  # a fifth of A4's frame
    assert not legend_beside(AUTO, a3, overview, 170.0)  # a tenth of A3's
    assert not legend_beside(AUTO, a4, (60.0, 70.0), 60.0)  # the default map's legend: small anywhere
    assert not legend_beside(AUTO, a4, (120.0, 116.0), 228.0)  # Arabic: one column beside runs taller than the frame
    # a column a little taller than the frame runs on beside the footer, down to the page's bottom margin
    assert not legend_beside(AUTO, (285.0, 175.0), overview, 178.0)
    assert legend_beside(AUTO, (285.0, 175.0), overview, 178.0, column_room_mm=198.0)
    assert not legend_beside(AUTO, (285.0, 175.0), (120.0, 116.0), 228.0, column_room_mm=198.0)
    share = LEGEND_OVER_MAP_MAX_SHARE * a4[0] * a4[1]
    assert not legend_beside(AUTO, a4, (60.0, share / 60.0 - 1.0), 150.0)
    assert legend_beside(AUTO, a4, (60.0, share / 60.0 + 1.0), 150.0)
    assert legend_beside(BESIDE, a3, (10.0, 10.0), 500.0)  # the user's choice stands
    assert not legend_beside(INSIDE, a4, overview, 170.0)


def test_the_choice_is_read_in_any_case_and_a_wrong_one_is_named():
    assert parse_legend_place(" Beside ") == BESIDE
    assert parse_legend_place(None) == AUTO
    with pytest.raises(CrossingsError, match="--legend: 'left' is not one of auto, inside, beside"):
        parse_legend_place("left", "--legend")


def test_a_project_keeps_the_choice_and_names_a_wrong_one(tmp_path, bundled_doc_factory):
    from geo.project import load_project, save_project

    doc = bundled_doc_factory()
    doc.legend_place = BESIDE
    path = save_project(doc, tmp_path / "p.crossings.json")
    assert load_project(path).legend_place == BESIDE
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["legend_place"]  # older projects: automatic
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).legend_place == AUTO
    data["legend_place"] = "corner"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"legend_place.*'corner' is not one of"):
        load_project(path)
