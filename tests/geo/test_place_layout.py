"""Label placement that knows the geography, on made-up pages: islands, dots, leaders and claims (no Qt)."""

import numpy as np
import pytest
import shapely

from geo.islands import covered_islands, island_table, islands_on_page, named_islands
from geo.labels import Claims, LabelRequest, _segments_meet_boxes, place_labels
from geo.place_layout import Geography, Place, name_request, place_dots
from geo.value_layout import AMBIGUOUS_COST, Symbols, total_candidates
from geo.view import MapView

MM = 300 / 25.4


def square(x, y, r):
    return shapely.box(x - r, y - r, x + r, y + r)


def test_islands_are_small_parts_touching_no_other_and_chain_into_archipelagos():
    """Degrees at the equator (111 km each): a mainland, an enclave on its coast, two islands 50 km
    apart and a third 300 km off; an island place names its island, an archipelago its group."""
    mainland = shapely.box(0, 0, 10, 10)
    enclave = shapely.box(10, 5, 10.1, 5.1)  # touches the mainland: a piece of coast
    a, b, c = square(12, 5, 0.1), square(12.65, 5, 0.1), square(15.5, 5, 0.1)
    table = island_table([shapely.MultiPolygon([mainland, a]), shapely.MultiPolygon([enclave, b, c])])
    assert len(table.outlines) == 3 and not any(o.equals(enclave) for o in table.outlines)
    group = dict(zip([round(o.centroid.x, 2) for o in table.outlines], table.group, strict=True))
    assert group[12.0] == group[12.65] != group[15.5]
    names = named_islands(table, np.array([[12.0, 5.0], [12.0, 5.0], [10.05, 5.05], [12.04, 5.0]]),
                          np.array(["island", "region_label", "enclave", "port"]))
    assert [sorted(round(table.outlines[i].centroid.x, 2) for i in n) for n in names] == [[12.0], [12.0, 12.65], [], []]


def test_an_island_a_flow_covers_is_drawn_again_only_when_small():
    view = MapView("EPSG:3857", (0, 0, 1000, 1000), (0, 0, 1000, 1000), 300)
    small, large = square(100, 900, 10), square(500, 500, 200)
    page = islands_on_page(np.array([small, large], dtype=object), view)
    flows = [shapely.box(0, 0, 1000, 102), shapely.box(0, 350, 1000, 450)]  # pixels: over part of each
    assert list(page.index[covered_islands(page, flows, 6 * MM)]) == [0]
    whole = shapely.box(0, 0, 1000, 150)  # over all of the small one: it stays under the flow, not a hole in it
    assert list(page.index[covered_islands(page, [whole], 6 * MM)]) == []


def test_an_island_name_never_covers_an_island_and_stays_nearer_its_own():
    """A small island with a neighbour 30 px west and a dot 60 px east: every candidate box clears both
    islands and is nearer its own island than the neighbour or the dot."""
    own, other = square(200, 200, 8), square(160, 200, 6)
    geo = Geography([own, other], np.array([[260.0, 200.0]]), MM)
    req = name_request(Place("place:0", "island", (200, 200), (60, 20), 0.0, own, (0,)), geo, 3.0)
    assert req.candidates and req.feature is own and req.anchors
    for (cx, cy, _), anchor in zip(req.candidates, req.anchors, strict=True):
        box = shapely.box(cx - 30, cy - 10, cx + 30, cy + 10)
        assert not box.intersects(own) and not box.intersects(other)
        if anchor is None:  # beside its island: nearer it than anything else
            assert box.distance(own) + 0.5 * MM <= min(box.distance(other), box.distance(shapely.Point(260, 200)))
        else:  # farther out, tied to its island's edge by a leader that meets nothing else
            leader = shapely.shortest_line(shapely.Point(anchor), box)
            assert own.exterior.distance(shapely.Point(anchor)) == pytest.approx(0.25 * MM)
            assert not leader.intersects(other) and not leader.intersects(shapely.Point(260, 200).buffer(0.5))
    # a large island's name may sit inside it when it fits whole
    big = square(600, 600, 80)
    inside = name_request(Place("place:1", "island", (600, 600), (60, 20), 0.0, big, (0,)),
                          Geography([big], np.empty((0, 2)), MM), 3.0)
    assert any(shapely.box(x - 30, y - 10, x + 30, y + 10).within(big) for x, y, _ in inside.candidates)


def test_an_archipelago_name_spans_its_group_and_claims_nothing():
    islands = [square(100, 100, 6), square(140, 105, 6), square(180, 100, 6)]
    group = shapely.union_all(islands)
    req = name_request(Place("place:2", "region_label", (140, 105), (80, 20), 0.0, group, (0, 1, 2)),
                       Geography(islands, np.empty((0, 2)), MM), 2.0)
    assert req.feature is None
    best = min(req.candidates, key=lambda c: c[2])
    assert abs(best[0] - 140) < 1 and best[1] < 94  # centred above the group
    assert not any(shapely.box(x - 40, y - 10, x + 40, y + 10).intersects(group) for x, y, _ in req.candidates)


def test_a_lesser_dot_that_would_touch_another_is_left_out():
    kinds = np.array(["enclave", "city", "border_post", "port", "island"])
    xy = np.array([[100.0, 100.0], [103.0, 101.0], [100.0, 108.0], [200.0, 200.0], [101.0, 100.0]])
    dots = place_dots(kinds, xy, np.ones(5, bool), MM)
    assert list(dots.keep) == [True, False, False, True, True]  # Ceuta keeps its dot, Fnideq's is dropped
    assert dots.radius[0] <= 0.5 * MM and dots.radius[4] == 0


def test_each_feature_keeps_its_own_name_nearest():
    """A name may not sit nearer another named feature than that feature's own name (b's first position,
    below a, is 20 px from a where a's name is 26 px from it), nor farther from its own feature than
    another name is (c's first position is 36 px from c, b's name 15 px)."""
    a, b, c = shapely.Point(100, 100), shapely.Point(220, 100), shapely.Point(270, 115)
    first = LabelRequest("a", (40, 10), [(146, 100, 0.0)], 3.0, feature=a)
    second = LabelRequest("b", (40, 10), [(100, 125, 0.0), (246, 100, 1.0)], 2.0, feature=b)
    third = LabelRequest("c", (40, 10), [(270, 156, 0.0), (296, 125, 1.0)], 1.0, feature=c)
    placed, dropped = place_labels([first, second, third], [], (0, 0, 400, 400), claims=Claims())
    assert not dropped and [p.candidate for p in placed] == [0, 1, 1]


def test_a_leader_crosses_no_label_and_no_flow_and_later_labels_avoid_it():
    flow = shapely.box(0, 195, 400, 205)
    name = LabelRequest("name", (40, 10), [(200, 150, 0.0)], 5.0)
    # the cheap position's leader would cut through "name"; the dear one is tied along a clear line
    figure = LabelRequest("figure", (30, 10), [(200, 100, 0.0), (300, 150, 1.0)], 3.0,
                          anchors=[(200, 195), (300, 195)])
    later = LabelRequest("later", (20, 10), [(300, 175, 0.0), (50, 150, 1.0)], 1.0)
    placed, dropped = place_labels([name, figure, later], [], (0, 0, 400, 400), hard=[flow], leader_min=5,
                                   leader_trim=1)
    got = {p.key: p for p in placed}
    assert not dropped and got["figure"].candidate == 1 and got["figure"].leader == ((300, 195), (300, 155))
    assert got["later"].candidate == 1  # the first position lay on the figure's leader
    # a leader leaving its anchor backwards through another flow is refused
    other = shapely.box(250, 160, 350, 170)
    _, dropped = place_labels([LabelRequest("x", (30, 10), [(300, 140, 0.0)], anchors=[(300, 195)])], [],
                              (0, 0, 400, 400), hard=[flow, other], leader_min=5, leader_trim=1)
    assert dropped == ["x"]


def test_segments_meet_boxes_as_shapely_says():
    rng = np.random.default_rng(5)
    segs = rng.uniform(0, 100, (300, 4))
    segs[:20, 2:] = segs[:20, :2]  # points
    segs[20:40, 3] = segs[20:40, 1]  # horizontal
    x0, y0 = rng.uniform(0, 90, (2, 40))
    boxes = np.column_stack([x0, y0, x0 + rng.uniform(1, 20, 40), y0 + rng.uniform(1, 20, 40)])
    lines = shapely.linestrings(segs.reshape(-1, 2, 2))
    lines[:20] = shapely.points(segs[:20, :2])
    expected = shapely.intersects(lines[:, None], shapely.box(*boxes.T)[None, :])
    assert (_segments_meet_boxes(segs, boxes) == expected).all() and expected.any() and not expected.all()


def test_a_figure_nearer_another_symbol_costs_more_than_any_other_position():
    own, other = shapely.box(0, 0, 100, 10), shapely.box(0, 40, 100, 50)
    symbols = Symbols([own, other], ["TN", "LY"])
    # 5 px above its own symbol; 23 px below it but 2 px above the other; midway between them
    cost = symbols.ambiguity_cost([(50, -10, 0.0), (50, 33, 0.0), (50, 25, 0.0)], (30, 10), {"TN"}, 0.5 * MM)
    assert list(cost) == [0.0, AMBIGUOUS_COST, AMBIGUOUS_COST]


def test_a_totals_leader_ends_at_a_branch_tip():
    tips = np.array([[100.0, 100.0], [300.0, 120.0]])
    cands, anchors = total_candidates(np.array([200.0, 110.0]), np.array([200.0, 400.0]), tips, (80, 20), MM)
    assert len(cands) == len(anchors) and {tuple(a) for a in anchors} == {(100.0, 100.0), (300.0, 120.0)}
    for (x, _, _), a in zip(cands, anchors, strict=True):
        assert a == (100.0, 100.0) if x < 150 else True


def test_a_leader_to_an_arrow_tip_stops_at_the_arrow_outline():
    """A total's leader is tied to a branch's tip; drawn to the tip it crossed the whole head (two such
    leaders hid most of Ceuta's 3 mm arrow). It ends where it first meets the symbol."""
    import shapely

    from geo.value_layout import leader_ends

    head = shapely.Polygon([(0, -10), (20, 0), (0, 10)])  # an arrowhead pointing right, tip at (20, 0)
    far_left, above = (-40.0, 0.0, 0.0), (20.0, 40.0, 0.0)
    ends = leader_ends([far_left, above], [(20.0, 0.0), (20.0, 0.0)], [head])
    assert ends[0] == pytest.approx((0.0, 0.0))  # at the head's base, on the label's side
    assert ends[1] == pytest.approx((20.0, 0.0), abs=1e-6)  # from above, the tip is where it meets it
    for end in ends:
        assert head.boundary.distance(shapely.Point(end)) < 1e-6
    assert leader_ends([far_left], [(99.0, 99.0)], [head]) == [(99.0, 99.0)]  # an anchor on no symbol stays


def test_an_island_name_stands_off_other_land_or_is_left_out():
    """In the small multiples' panels the Canaries lie 4 mm off Africa, and 'Fuerteventura' stood on the
    mainland at Tarfaya. Every position offered (beside the island or tied by a leader) has at most
    NAME_ON_LAND_LIMIT of its box over other land, the nearer the sea the cheaper; with land all round,
    none is offered and the name is left out."""
    from geo.place_layout import NAME_ON_LAND_LIMIT

    island = square(200, 200, 6)
    mainland = shapely.box(230, 0, 2000, 2000)  # a coast 24 px east of the island
    geo = Geography([island], np.empty((0, 2)), MM, land=[mainland])
    req = name_request(Place("place:0", "island", (200, 200), (90, 20), 0.0, island, (0,)), geo, 3.0)
    assert req.candidates
    shares = [shapely.box(x - 45, y - 10, x + 45, y + 10).intersection(mainland).area / (90 * 20)
              for x, y, _ in req.candidates]
    assert max(shares) <= NAME_ON_LAND_LIMIT + 1e-9
    best = min(req.candidates, key=lambda c: c[2])
    assert shapely.box(best[0] - 45, best[1] - 10, best[0] + 45, best[1] + 10).intersection(mainland).area == 0
    surrounded = Geography([island], np.empty((0, 2)), MM, land=[shapely.box(0, 0, 2000, 2000).difference(island)])
    assert not name_request(Place("place:0", "island", (200, 200), (90, 20), 0.0, island, (0,)), surrounded,
                            3.0).candidates


def test_a_routes_own_end_keeps_its_dot_over_a_neighbour_listed_first():
    """In Guezzam (Algeria's border post, listed first) and Assamaka (Niger's, where the expulsions end)
    are two border posts 23 km apart: their dots touch on A4. The route's own end keeps its dot."""
    from geo.place_layout import route_end_places

    kinds = np.array(["border_post", "border_post", "city"])
    xy = np.array([[100.0, 95.0], [101.0, 99.0], [300.0, 300.0]])
    ends = np.array([[101.0, 100.0]])
    shown = np.ones(3, bool)
    own = route_end_places(kinds, xy, shown, ends, 1000.0, MM, 1000.0)
    assert list(own) == [False, True, False]
    assert list(place_dots(kinds, xy, shown, MM, own).keep) == [False, True, True]
    assert list(place_dots(kinds, xy, shown, MM).keep) == [True, False, True]  # without it, the first listed


def test_an_enclave_keeps_its_dot_over_the_town_its_land_route_starts_from():
    """Nador is where Melilla's land route starts (a route's own end), Melilla an enclave, a figures'
    place: Melilla keeps its dot (taken by Nador, whose name then found no room, neither was drawn)."""
    kinds = np.array(["enclave", "city"])
    xy = np.array([[100.0, 100.0], [102.0, 103.0]])
    assert list(place_dots(kinds, xy, np.ones(2, bool), MM, np.array([False, True])).keep) == [True, False]
