"""geo.insets without Qt: the choice, the legibility test and the placement, on the bundled data."""

import pytest
import shapely

from geo.document import MapDocument
from geo.errors import CrossingsError
from geo.insets import (
    AUTO,
    INSET_AREAS,
    INSET_GAP_MM,
    NONE,
    illegibility,
    map_obstacles,
    parse_insets,
    plan_insets,
)
from geo.project import load_project, save_project
from geo.view import MapView

FRAME = (70.9, 70.9, 3366.1, 2220.5)  # the A4 landscape map frame at 300 dpi (gui.layout.PageLayout)


@pytest.fixture(scope="module")
def doc():
    return MapDocument.from_files()


def default_view(doc) -> MapView:
    return MapView(doc.crs, doc.default_extent(), FRAME, 300.0)


def test_the_choice_is_auto_none_or_names():
    assert parse_insets("auto") == AUTO and parse_insets(" None ") == NONE
    assert parse_insets("canaries, gibraltar") == ("canaries", "gibraltar")
    assert parse_insets(["gibraltar"]) == ("gibraltar",)
    with pytest.raises(CrossingsError, match=r"there is no inset 'madeira'.*gibraltar, canaries"):
        parse_insets("gibraltar,madeira", "--insets")
    with pytest.raises(CrossingsError, match="name at least one"):
        parse_insets(",")
    with pytest.raises(CrossingsError):
        parse_insets(3)


def test_the_strait_is_illegible_at_the_regional_scale_where_its_land_routes_are_drawn():
    """Q4 2024 draws no land route into Ceuta or Melilla: their dots and names read on the regional map,
    and an inset would repeat them. 2024 draws both land routes and the towns they start from (Fnideq
    beside Ceuta, Nador beside Melilla): the map cannot show them apart."""
    doc = MapDocument.from_files()
    view = default_view(doc)
    assert illegibility(doc, view, INSET_AREAS["gibraltar"]) is None
    doc.select("2024")
    assert illegibility(doc, view, INSET_AREAS["gibraltar"]) is not None
    assert illegibility(doc, view, INSET_AREAS["canaries"]) is None  # islands 5 mm apart and more
    # the Strait whole at about 1:1.5 million: Ceuta's land 5 mm across, Melilla's 3 mm
    from geo.insets import area_extent

    close = MapView(doc.crs, area_extent(INSET_AREAS["gibraltar"], doc.crs), (0, 0, 3000, 1600), 300.0)
    assert illegibility(doc, close, INSET_AREAS["gibraltar"]) is None


def test_no_automatic_inset_of_what_a_users_frame_leaves_out_or_shows_large(doc):
    """A frame of the Central Mediterranean leaves the Canaries out, and one of the Strait at 1:1 million
    shows it larger than an inset would: neither gets an automatic inset."""
    from geo.insets import chosen_areas
    from geo.view_extent import projected_box

    central = MapView(doc.crs, projected_box((0.0, 30.0, 20.0, 42.0), doc.crs), FRAME, 300.0)
    assert chosen_areas(doc, central, AUTO) == []
    strait = MapView(doc.crs, projected_box((-5.6, 35.6, -4.8, 36.1), doc.crs), FRAME, 300.0)
    assert chosen_areas(doc, strait, AUTO) == []
    assert [a.key for a in chosen_areas(doc, strait, ("gibraltar",))] == ["gibraltar"]  # unless named


def test_the_plan_covers_no_symbol_no_place_no_furniture_and_stays_in_the_frame(doc):
    view = default_view(doc)
    k = view.px_per_mm
    title = (106.0, 106.0, 2100.0, 330.0)
    plan = plan_insets(doc, view, ("gibraltar", "canaries"), [title])
    assert [p.area.key for p in plan.placed] == ["gibraltar", "canaries"] and not plan.left_out
    fx, fy, fw, fh = FRAME
    obstacles = shapely.union_all(map_obstacles(doc, view))
    boxes = [shapely.box(*p.rect) for p in plan.placed]
    for box, inset in zip(boxes, plan.placed, strict=True):
        assert shapely.box(fx, fy, fx + fw, fy + fh).contains(box)
        assert box.distance(obstacles) >= INSET_GAP_MM * k - 1
        assert box.distance(shapely.box(*title)) >= INSET_GAP_MM * k - 1
        assert not box.intersects(shapely.box(*inset.locator))
        # its view shows its whole area
        w, s, e, n = inset.area.box_lonlat
        from geo.view_extent import projected_box

        x0, y0, x1, y1 = projected_box((w, s, e, n), doc.crs)
        ex0, ey0, ex1, ey1 = inset.view.extent
        assert ex0 <= x0 and ey0 <= y0 and ex1 >= x1 and ey1 >= y1
    assert not boxes[0].intersects(boxes[1])


def test_a_page_with_no_room_leaves_the_inset_out_and_says_so(doc):
    view = default_view(doc)
    fx, fy, fw, fh = FRAME
    plan = plan_insets(doc, view, ("gibraltar",), [(fx, fy, fx + fw, fy + fh)])  # furniture everywhere
    assert plan.placed == () and plan.left_out == (("gibraltar", "no free room on the map"),)


def test_the_choice_is_saved_with_the_project(tmp_path, doc):
    doc.insets = ("canaries",)
    try:
        path = save_project(doc, tmp_path / "m.crossings.json")
    finally:
        doc.insets = AUTO
    assert load_project(path).insets == ("canaries",)
    text = path.read_text().replace('"canaries"', '"azores"')
    path.write_text(text)
    with pytest.raises(CrossingsError, match=r"key 'insets'.*'azores'"):
        load_project(path)

