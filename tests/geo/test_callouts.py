"""Callouts (issue 14, item 4) without Qt: parsed, checked against the map's layers by name, translated
with the map (the English text said when printed instead), saved with the project, undone, and laid
out clear of what is drawn."""

from __future__ import annotations

import json

import pytest
import shapely

from geo.callout_layout import CalloutRequest, Obstacle, layout_callouts, wrap_lines
from geo.callouts import (
    MAX_CHARS,
    Callout,
    CalloutAnchor,
    anchor_point,
    check_callouts,
    language_notes,
    parse_callouts,
)
from geo.document import MapDocument
from geo.errors import CrossingsError, DataError


@pytest.fixture(scope="module")
def doc():
    return MapDocument.from_files()


def test_the_command_line_names_a_place_a_route_or_a_point_and_joins_translations():
    callouts = parse_callouts(["place:dirkou=About 400 people stranded",
                               "route:ALB=Algeria: new anti-smuggling unit, December",
                               "lonlat:3.0,36.8=Algiers: arrests",
                               "place:dirkou@fr=Environ 400 personnes bloquées"])
    assert [str(c.anchor) for c in callouts] == ["place:dirkou", "route:ALB", "lonlat:3,36.8"]
    assert callouts[0].text_by_language == {"en": "About 400 people stranded", "fr": "Environ 400 personnes bloquées"}
    assert callouts[1].text_by_language == {"en": "Algeria: new anti-smuggling unit, December"}
    assert callouts[2].anchor == CalloutAnchor("lonlat", "", 3.0, 36.8) and callouts[2].offset_mm is None


@pytest.mark.parametrize(("value", "words"), [
    ("dirkou=About 400", "write place:ID, route:ID or lonlat:LON,LAT"),
    ("place:dirkou", "write ANCHOR=TEXT"),
    ("place:dirkou=   ", "write ANCHOR=TEXT"),
    ("place:dirkou@de=Etwa 400", "language 'de' is not en, fr or ar"),
    ("lonlat:3.0=x", "lonlat needs two numbers"),
    ("lonlat:200,36=x", "longitude 200 is not between -180 and 180"),
    ("place:dirkou=" + "x" * (MAX_CHARS + 1), f"at most {MAX_CHARS}"),
])
def test_a_bad_callout_option_is_refused_with_what_to_write(value, words):
    with pytest.raises(CrossingsError) as err:
        parse_callouts([value])
    assert words in str(err.value) and "--callout" in str(err.value)


def test_an_unknown_place_or_route_is_named_with_the_callout_and_the_nearest_id(doc):
    callouts = parse_callouts(["route:ALB=fine", "place:dirkuo=About 400 people stranded"])
    with pytest.raises(CrossingsError) as err:
        check_callouts(doc, callouts)
    assert str(err.value) == "callout 2: no place 'dirkuo' in the places layer (Dirkou is 'dirkou')"
    with pytest.raises(CrossingsError) as err:
        check_callouts(doc, parse_callouts(["route:ALBX=Algeria"]))
    assert "callout 1: no route 'ALBX' in the routes layer" in str(err.value) and "'ALB'" in str(err.value)
    check_callouts(doc, parse_callouts(["place:DIRKOU=Ids as figures name them", "route:ALB=x", "lonlat:3,36=x"]))


def test_anchors_lie_where_their_place_route_or_point_is(doc):
    from geo.projection import transformer

    dirkou, alb, point = parse_callouts(["place:dirkou=a", "route:ALB=b", "lonlat:3.0,36.8=c"])
    to_ll = transformer(doc.crs, "EPSG:4326")
    lon, lat = to_ll.transform(*anchor_point(doc, dirkou))
    assert (lon, lat) == pytest.approx((12.9, 19.0), abs=0.2)
    lon, lat = to_ll.transform(*anchor_point(doc, point))
    assert (lon, lat) == pytest.approx((3.0, 36.8), abs=1e-6)
    route = doc.layer("routes").data.set_index("route_id").geometry["ALB"]
    x, y = anchor_point(doc, alb)
    assert shapely.distance(shapely.Point(to_ll.transform(x, y)), route) < 0.2  # on (the smoothed) route


def test_the_map_prints_its_own_language_and_says_when_it_prints_english(doc):
    callout = Callout(CalloutAnchor("place", "dirkou"), {"en": "About 400 stranded", "fr": "Environ 400 bloquées"})
    assert callout.text_for("fr") == ("Environ 400 bloquées", "fr")
    assert callout.text_for("ar") == ("About 400 stranded", "en")  # never an invented translation
    doc.callouts, doc.label_language = (callout,), "ar"
    try:
        assert language_notes(doc) == ["callout 1 ('About 400 stranded') has no Arabic text: printed in English"]
        doc.label_language = "fr"
        assert language_notes(doc) == []
    finally:
        doc.callouts, doc.label_language = (), "en"


def test_callouts_are_saved_with_the_project_and_read_back_equal(tmp_path):
    from geo.project import load_project, save_project

    doc = MapDocument.from_files()
    doc.callouts = (Callout(CalloutAnchor("place", "dirkou"), {"en": "About 400", "ar": "حوالي 400"}, (12.5, -8.0)),
                    Callout(CalloutAnchor("lonlat", "", 3.0, 36.8), {"fr": "<b>Alger</b> & \"nous\""}))
    path = save_project(doc, tmp_path / "p.crossings.json")
    assert json.loads(path.read_text(encoding="utf-8"))["callouts"][0] == {
        "anchor": {"kind": "place", "id": "dirkou"}, "texts": {"en": "About 400", "ar": "حوالي 400"},
        "offset_mm": [12.5, -8.0]}
    assert load_project(path).callouts == doc.callouts


@pytest.mark.parametrize(("entry", "words"), [
    ({"anchor": {"kind": "town", "id": "x"}, "texts": {"en": "a"}}, "anchor must be an object with kind"),
    ({"anchor": {"kind": "place", "id": "dirkou"}, "texts": {"de": "a"}}, "language 'de' is not en, fr or ar"),
    ({"anchor": {"kind": "place", "id": "dirkou"}, "texts": {}}, "has no text"),
    ({"anchor": {"kind": "place", "id": "dirkou"}, "texts": {"en": "a"}, "offset_mm": [1]}, "offset_mm must be"),
    ({"anchor": {"kind": "lonlat", "lon": 3, "lat": 99}, "texts": {"en": "a"}}, "latitude 99"),
])
def test_a_bad_project_callout_names_the_key_and_the_callout(tmp_path, entry, words):
    from geo.project import load_project, save_project

    doc = MapDocument.from_files()
    path = save_project(doc, tmp_path / "p.crossings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["callouts"] = [{"anchor": {"kind": "route", "id": "ALB"}, "texts": {"en": "ok"}}, entry]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_project(path)
    assert "key 'callouts', callout 2" in str(err.value) and words in str(err.value)


def test_adding_and_moving_a_callout_are_undone():
    from geo.history import History

    doc = MapDocument.from_files()
    history = History(doc)
    callout = parse_callouts(["place:dirkou=About 400"])[0]
    history.edit("Add callout", lambda: setattr(doc, "callouts", (callout,)))
    history.edit("Move callout", lambda: setattr(doc, "callouts", (callout.moved((10.0, -5.0)),)))
    assert doc.callouts[0].offset_mm == (10.0, -5.0) and history.is_dirty
    history.undo()
    assert doc.callouts == (callout,)
    history.undo()
    assert doc.callouts == ()
    history.redo()
    assert doc.callouts == (callout,)


def test_text_wraps_to_the_box_width_keeping_every_word():
    text = "Algeria: new anti-smuggling unit, December"
    lines = wrap_lines(text, 100, lambda s: 6 * len(s))
    assert all(6 * len(line) <= 100 for line in lines) and " ".join(lines) == text
    assert wrap_lines("a\nb", 1000, len) == ["a", "b"]


def test_the_box_keeps_clear_of_what_is_drawn_and_a_moved_box_says_what_it_covers():
    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1000.0)
    band = Obstacle("the flow CMR-LY", shapely.box(1000, 0, 1100, 1000))
    legend = Obstacle("the legend", shapely.box(1100, 300, 1600, 1000))
    dot = Obstacle("the dot of tripoli", shapely.Point(1200, 250).buffer(8), leader=False)
    req = CalloutRequest("callout:1", (1140.0, 250.0), (300.0, 80.0), trim=5.0)
    one, = layout_callouts([req], [band, legend, dot], [], frame, mm)
    box = shapely.box(*one.rect)
    assert not one.overlaps and not one.moved
    assert not box.intersects(band.geometry) and not box.intersects(legend.geometry)
    assert not box.intersects(dot.geometry)
    assert one.leader[0] == (1140.0, 250.0)
    assert not shapely.LineString(one.leader).intersects(band.geometry)  # the leader crosses no flow either
    moved, = layout_callouts([CalloutRequest("callout:1", (1140.0, 250.0), (300.0, 80.0), offset=(200.0, 200.0))],
                             [band, legend, dot], [], frame, mm)
    assert moved.moved and moved.rect == (1190.0, 410.0, 1490.0, 490.0)
    assert moved.overlaps == ("the legend",)


def test_a_second_callout_keeps_clear_of_the_first():
    frame = (0.0, 0.0, 1000.0, 1000.0)
    reqs = [CalloutRequest(f"callout:{i}", (500.0, 500.0), (200.0, 60.0)) for i in (1, 2)]
    first, second = layout_callouts(reqs, [], [], frame, 10.0)
    assert not shapely.box(*first.rect).intersects(shapely.box(*second.rect))
    assert not shapely.LineString(second.leader).crosses(shapely.box(*first.rect))


def test_with_no_clear_place_the_box_covers_least_and_says_what_its_leader_crosses():
    """An anchor walled in by a figure on every side: no leader leaves it clear. The box takes a place
    covering nothing, its leader crossing least, and the note names what that leader crosses (the
    Tunisian callout's ran across the Central Mediterranean's arrowhead, and nothing was said)."""
    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1200.0)
    anchor = (1000.0, 600.0)
    ring = shapely.Point(anchor).buffer(150).exterior.buffer(6)  # a figure's box all round, as a ring
    wall = Obstacle("the figure '19,238'", ring)
    own = Obstacle("the flow ALB", shapely.box(990, 0, 1010, 1200))  # what the anchor lies on: crossing it is no fault
    one, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0), trim=12.0)], [wall, own], [], frame, mm)
    assert not shapely.box(*one.rect).intersects(ring) and not shapely.box(*one.rect).intersects(own.geometry)
    assert one.overlaps == ("its leader crosses the figure '19,238'",)
    from gui.callout_painter import overlap_words

    assert overlap_words(one.overlaps) == "its leader crosses the figure '19,238'"
    assert overlap_words(("the legend", "its leader crosses the flow CMR-LY")) == \
        "overlaps the legend; its leader crosses the flow CMR-LY"


def test_where_the_wide_box_finds_no_clear_place_the_text_wraps_narrower():
    """Two flows 34 mm apart either side of the anchor, everything else taken: the 38 mm box fits
    nowhere, the 30 mm one (taller) fits between them. It is taken, clear, and says which wrap it is."""
    from geo.callout_layout import CALLOUT_WRAPS_MM

    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1500.0)
    anchor = (1000.0, 900.0)
    walls = [Obstacle("the flow A", shapely.box(0, 0, 830, 1500)), Obstacle("the flow B", shapely.box(1170, 0, 2000, 1500)),
             Obstacle("the legend", shapely.box(830, 1000, 1170, 1500))]
    wide, narrow = (CALLOUT_WRAPS_MM[0] * mm, 60.0), (CALLOUT_WRAPS_MM[1] * mm, 90.0)
    one, = layout_callouts([CalloutRequest("callout:1", anchor, wide, narrower=(narrow,))], walls, [], frame, mm)
    assert one.wrap == 1 and one.overlaps == ()
    x0, y0, x1, y1 = one.rect
    assert x1 - x0 == pytest.approx(narrow[0]) and y1 - y0 == pytest.approx(narrow[1])
    assert not any(shapely.box(*one.rect).intersects(w.geometry) for w in walls)
    # without the narrower wrap the box covers a flow, and says so
    alone, = layout_callouts([CalloutRequest("callout:1", anchor, wide)], walls, [], frame, mm)
    assert alone.wrap == 0 and alone.overlaps
    # moved by hand, a callout keeps its first wrap
    moved, = layout_callouts([CalloutRequest("callout:1", anchor, wide, offset=(0.0, -200.0), narrower=(narrow,))],
                             walls, [], frame, mm)
    assert moved.wrap == 0 and moved.moved


def test_with_no_clear_place_names_make_way_the_fewest_and_cheapest():
    """An anchor ringed by names: no box or leader clears them. A name makes way (its index is told, so
    the painter leaves it out), the note names nothing (the map is clear), and of two ways out the one
    that costs fewer names is taken. A name that never makes way (yields 0) is covered only as a last
    resort, and said."""
    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1200.0)
    anchor = (1000.0, 600.0)
    ring = shapely.Point(anchor).buffer(150).exterior.buffer(6)
    east = ring.intersection(shapely.box(1000, 0, 2000, 1200))
    west = ring.difference(shapely.box(1000, 0, 2000, 1200))
    names = [Obstacle("the name 'East'", east, yields=2.0), Obstacle("the name 'West'", west, yields=2.0),
             Obstacle("the name 'Far west'", shapely.box(0, 0, 700, 1200), yields=2.0)]  # behind West
    one, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0))], names, [], frame, mm)
    assert one.overlaps == () and one.yielded == (0,)  # East alone, not West and Far west
    box = shapely.box(*one.rect)
    assert not box.intersects(west) and not box.intersects(names[2].geometry)
    # country names cost more: with East a country's, West and the open sea beyond it cost less
    dear = [Obstacle("the name 'EAST'", east, yields=10.0), Obstacle("the name 'West'", west, yields=2.0)]
    two, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0))], dear, [], frame, mm)
    assert two.yielded == (1,)
    # nothing makes way: covered, and said
    fixed = [Obstacle("the figure '19,238'", ring)]
    three, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0))], fixed, [], frame, mm)
    assert three.yielded == () and three.overlaps


def test_with_no_clear_place_for_its_text_a_callout_is_keyed_by_a_letter_clear_of_everything():
    """An anchor walled in 15 mm round by a figure, with a gap 6 mm wide: no box of text fits inside the
    ring, none outside can be reached by a leader. Its key (a 5 mm box for a letter) fits inside, clear, and
    says it is keyed: the text goes to the footer. Without a key's size, the least covered box, as before."""
    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1200.0)
    anchor = (1000.0, 600.0)
    ring = shapely.Point(anchor).buffer(150).exterior.buffer(6)
    wall = [Obstacle("the figure '19,238'", ring)]
    one, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0), key_size=(50.0, 50.0))], wall, [], frame, mm)
    assert one.keyed and one.overlaps == ()
    x0, y0, x1, y1 = one.rect
    assert (x1 - x0, y1 - y0) == pytest.approx((50.0, 50.0))
    assert shapely.box(*one.rect).within(shapely.Point(anchor).buffer(144))  # inside the ring, by its anchor
    plain, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0))], wall, [], frame, mm)
    assert not plain.keyed and plain.overlaps


def test_a_box_is_never_set_farther_from_its_anchor_than_the_last_leader_ring():
    """Everything within 35 mm of the anchor is taken but 10 mm round the anchor itself: a box 40 mm out would be
    clear, but there it reads as news of wherever it lands (the English A4 overview's Algerian note stood
    off Morocco, 52 mm from Algiers). It is keyed by its anchor instead."""
    from geo.callout_layout import LEADER_MM

    mm = 10.0
    frame = (0.0, 0.0, 3000.0, 2000.0)
    anchor = (1500.0, 1000.0)
    crowd = [Obstacle("a crowd of figures", shapely.Point(anchor).buffer(350).difference(shapely.Point(anchor).buffer(100)))]
    one, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0), key_size=(50.0, 50.0))], crowd, [], frame, mm)
    assert one.keyed and one.overlaps == ()
    assert max(LEADER_MM) <= 30.0
    far = shapely.box(*one.rect).distance(shapely.Point(anchor))
    assert far <= max(LEADER_MM) * mm


def test_a_leader_may_cross_the_route_it_starts_on_but_no_box_covers_it():
    """A callout tied to a route bending north of its anchor: the only clear room lies beyond the bend, and
    the leader crosses the route it is about there, as a reader expects (the Arabic A4 overview's Algerian
    note had no room anywhere else). The box stays off the route."""
    mm = 10.0
    frame = (0.0, 0.0, 2000.0, 1200.0)
    anchor = (1000.0, 560.0)  # in the band, 10 px from its edges
    band = shapely.union(shapely.box(990, 350, 1010, 600), shapely.box(850, 330, 1150, 350))
    own = Obstacle("the flow ALB", band.exterior.buffer(2.0))  # drawn as an outline: part of another figure
    corridor = shapely.union_all([shapely.box(840, 0, 1160, 325), shapely.box(960, 0, 1040, 600),
                                  shapely.box(1020, 520, 1100, 600)])  # and a pocket east, room for a letter only
    crowd = Obstacle("a crowd of figures", shapely.box(*frame).difference(shapely.Point(anchor).buffer(40))
                     .difference(corridor).difference(band.buffer(3.0)))
    one, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0), trim=15.0, key_size=(50.0, 50.0))],
                           [crowd, own], [], frame, mm)
    assert not one.keyed and one.overlaps == ()
    assert one.rect[3] <= 330 and not shapely.box(*one.rect).intersects(band)


def test_wrapping_keeps_no_break_spaces_and_never_begins_a_line_with_a_dash():
    """A figure's groups ('65\u202f474') and a date ('1\u00a0Jan') stay whole; a dash between two dates
    ends a line, never begins one (Qt breaks after a dash, and an Arabic line begun with one stood short)."""
    text = "Italy 65\u202f474, 1\u00a0Jan – 16\u00a0Oct 2024"
    for width in range(4, 40):
        lines = wrap_lines(text, width, len)
        assert " ".join(lines) == text
        assert not any(line.startswith("–") for line in lines), lines
        assert all(("65" in line) == ("474" in line) for line in lines), lines
        assert not any(line.endswith("1") or line.startswith("Jan") for line in lines), lines


def test_a_box_keeps_off_another_country_s_land_where_the_sea_holds_it_a_little_farther():
    """On the A3 overview the Tunisian note, given a free place 10 mm from Tunis over Algeria's coast, took
    it: read at a glance as Algeria's news. Land foreign to the callout costs it as farther rings."""
    import numpy as np

    from geo.foreign_land import CountryLand

    frame, mm, anchor = (0.0, 0.0, 2000.0, 1500.0), 10.0, (1000.0, 750.0)
    land = CountryLand.__new__(CountryLand)  # two countries in page pixels: the anchor's, and a neighbour
    land.shapes = np.array([shapely.box(0, 0, 1000, 1500), shapely.box(1000, 0, 2000, 700)], dtype=object)
    land.tree, land.slack = shapely.STRtree(land.shapes), 0.0
    home = land.containing((990.0, 750.0))
    assert home == {0}

    def foreign(cands, size, which):
        return land.foreign_share(cands, size, home, which)

    free, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0))], [], [], frame, mm)
    kept, = layout_callouts([CalloutRequest("callout:1", anchor, (300.0, 80.0), foreign=foreign)], [], [], frame, mm)
    def on_neighbour(rect):
        return shapely.box(*rect).intersection(land.shapes[1]).area / shapely.box(*rect).area

    assert on_neighbour(free.rect) > 0.5  # north-east, the preferred side: mostly on the neighbour
    box = shapely.box(*kept.rect)
    assert on_neighbour(kept.rect) == 0  # the sea (no land) or its own country instead
    assert shapely.distance(box, shapely.Point(anchor)) <= 10 * mm + 1  # and still near its anchor
