"""Label placement: the indexed, vectorised placer puts every label where a brute-force one does."""

import numpy as np
import shapely

from geo.labels import LabelRequest, _meets_any, place_labels


def place_by_brute_force(requests, obstacles, frame, weight, hard):
    """Every label, best first, at the cheapest candidate inside the frame that meets no placed label
    and no hard obstacle; soft obstacles cost the share of the label they cover. One shape at a time."""
    fx0, fy0, fw, fh = frame
    placed, dropped, boxes = [], [], []
    for req in sorted(requests, key=lambda r: -r.priority):
        w, h = req.size
        best = None
        for i, (cx, cy, penalty) in enumerate(req.candidates):
            x0, y0 = cx - w / 2, cy - h / 2
            x1, y1 = x0 + w, y0 + h
            if not (x0 >= fx0 and y0 >= fy0 and x1 <= fx0 + fw and y1 <= fy0 + fh):
                continue
            if any(x0 < b[2] and x1 > b[0] and y0 < b[3] and y1 > b[1] for b in boxes):
                continue
            rect = shapely.box(x0, y0, x1, y1)
            if any(rect.intersects(g) for g in hard):
                continue
            area = sum(rect.intersection(g).area for g in obstacles if rect.intersects(g))
            cost = penalty + weight * area / (w * h)
            if best is None or cost < best[0]:
                best = (cost, i, (x0, y0, x1, y1), area > 0)
        if best is None:
            dropped.append(req.key)
            continue
        boxes.append(best[2])
        placed.append((req.key, best[2], best[3], best[1]))
    return placed, dropped


def bands(rng, n, size):
    """Long buffered lines that cross each other, like flows converging on a coast."""
    out = []
    for _ in range(n):
        a, b = rng.uniform(0, size, 2), rng.uniform(0, size, 2)
        mid = (a + b) / 2 + rng.normal(0, size / 10, 2)
        out.append(shapely.LineString([a, mid, b]).buffer(rng.uniform(2, 12), quad_segs=6))
    return out


def test_labels_go_where_a_brute_force_placer_puts_them():
    rng = np.random.default_rng(3)
    size = 400.0
    for trial in range(12):
        hard = [*bands(rng, int(rng.integers(0, 60)), size), shapely.box(300, 0, 400, 40)]
        soft = [shapely.Point(*rng.uniform(0, size, 2)).buffer(rng.uniform(3, 15)) for _ in range(30)]
        requests = []
        for k in range(25):
            x, y = rng.uniform(0, size, 2)
            cands = [(x + dx, y + dy, float(rng.choice([0.0, 0.5, rng.uniform(0, 2)])))
                     for dx, dy in rng.normal(0, 25, (30, 2))]
            requests.append(LabelRequest(f"L{k}", tuple(rng.uniform(10, 40, 2)), cands, float(rng.uniform(0, 5))))
        expected, crowded = place_by_brute_force(requests, soft, (0, 0, size, size), 50.0, hard)
        assert expected and crowded, trial  # some placed, some crowded out
        placed, dropped = place_labels(requests, soft, (0, 0, size, size), 50.0, hard=hard)
        got = [(p.key, tuple(round(v, 9) for v in p.rect), p.overlaps_obstacle, p.candidate) for p in placed]
        assert got == [(k, tuple(round(v, 9) for v in r), o, c) for k, r, o, c in expected], trial
        assert dropped == crowded, trial


def test_a_box_meets_an_obstacle_however_many_boxes_of_others_it_meets_first():
    """Boxes in a crowd of overlapping bands, beside one, in a gap between bands, and touching one
    only at a corner: each answer is the one testing every band gives."""
    from shapely.strtree import STRtree

    rng = np.random.default_rng(11)
    diagonal = shapely.LineString([(600, 600), (700, 700)]).buffer(2)
    geoms = np.array([*bands(rng, 300, 400.0), shapely.box(500, 500, 510, 510), diagonal], dtype=object)
    rects = shapely.box(*rng.uniform(0, 420, (3000, 2)).T, *(rng.uniform(0, 420, (3000, 2)).T + 3))
    # a corner touching the box, a box just off it, one inside the diagonal's bounds but off the band
    rects = np.append(rects, [shapely.box(510, 510, 520, 520), shapely.box(511, 511, 520, 520),
                              shapely.box(685, 605, 690, 610)])
    every = np.array([shapely.intersects(geoms, r).any() for r in rects])
    assert every.any() and not every.all() and every[-3] and not every[-2] and not every[-1]
    assert (_meets_any(STRtree(geoms), geoms, rects) == every).all()


def test_a_labels_own_soft_obstacle_costs_it_nothing_another_labels_does():
    """A route's figure by the town its own route leaves from reads as its own: that town's room (a soft
    obstacle) costs it nothing, and still costs every other label (the number of Tunisia's figure took a
    place touching another symbol rather than stand by Sfax)."""
    town = shapely.Point(50, 50).buffer(10)
    cands = [(50.0, 50.0, 0.0), (200.0, 50.0, 1.0)]  # on the town, or farther at a small cost
    frame = (0.0, 0.0, 400.0, 200.0)
    mine, _ = place_labels([LabelRequest("a", (10.0, 10.0), cands, own=(town,))], [town], frame, 50.0)
    theirs, _ = place_labels([LabelRequest("b", (10.0, 10.0), cands)], [town], frame, 50.0)
    assert mine[0].candidate == 0 and not mine[0].overlaps_obstacle
    assert theirs[0].candidate == 1


def test_a_name_is_not_set_with_a_flow_between_it_and_its_dot():
    """'Melilla' stood right of its dot with the Western Mediterranean arrow between them, and read as
    the arrow's name. A candidate with a flow between it and the point it is attached to is ruled out,
    one on the dot's side of the flow is taken, however dearer; a leader's start on its own flow is not."""
    dot = (100.0, 100.0)
    flow = shapely.box(106, 60, 112, 140)  # a band just right of the dot
    right, left = (130.0, 100.0, 0.0), (75.0, 100.0, 1.0)  # the right side is cheaper
    req = LabelRequest("place:melilla", (30.0, 10.0), [right, left], attach=(*dot, 1.0))
    placed, dropped = place_labels([req], [], (0, 0, 300, 300), hard=[flow], leader_trim=2.0)
    assert not dropped and placed[0].rect[2] <= 100.0  # on the left, its own side
    free = LabelRequest("place:melilla", (30.0, 10.0), [right, left], attach=(*dot, 1.0))
    placed, _ = place_labels([free], [], (0, 0, 300, 300), hard=[shapely.box(106, 150, 112, 200)], leader_trim=2.0)
    assert placed[0].rect[0] >= 115.0  # nothing between: the cheaper right side


def test_a_name_does_not_stand_under_another_unless_both_have_dots():
    """A name set just under another, sharing its width, reads as one name of two lines ('Cabrera' over
    'Balearic Islands'): such a candidate is taken only when it is cheaper by more than STACK_COST. Two
    towns' names may stack: their dots tell them apart."""
    from geo.labels import STACK_COST, Claims

    island = shapely.box(95, 80, 105, 90)

    def second(feature, side_cost: float | None) -> tuple[float, float, float, float] | None:
        claims = Claims(0.0, stack_gap=15.0)
        first = LabelRequest("first", (100, 20), [(100, 100, 0.0)], priority=2.0, feature=island)
        under, beside = (100, 125, 0.0), (300, 100, side_cost)
        other = LabelRequest("second", (100, 20), [under] if side_cost is None else [under, beside], priority=1.0,
                             feature=feature)
        placed, _ = place_labels([first, other], [], (0, 0, 1000, 1000), claims=claims)
        return placed[1].rect if len(placed) > 1 else None

    other_island = shapely.box(200, 130, 210, 140)  # as near both its candidates as the first name is
    assert second(other_island, 1.0)[0] == 250  # another island's name goes beside, not under the first's
    assert second(other_island, STACK_COST + 1.0)[1] == 115  # only where every other place is dearer still
    assert second(None, STACK_COST + 1.0)[0] == 250  # an archipelago's name goes beside however dear
    assert second(None, None) is None  # or is left off: its islands keep their own names
    claims = Claims(0.0, stack_gap=15.0)  # nor on its line, less than two stack gaps after it
    first = LabelRequest("first", (100, 20), [(100, 100, 0.0)], priority=2.0, feature=island)
    after = LabelRequest("second", (100, 20), [(205, 100, 0.0), (400, 100, 1.0)], priority=1.0)
    placed, _ = place_labels([first, after], [], (0, 0, 1000, 1000), claims=claims)
    assert placed[1].rect[0] == 350
    claims = Claims(0.0, stack_gap=15.0)
    dotted = [LabelRequest(k, (100, 20), cands, priority=p, feature=shapely.Point(x, y))
              for k, cands, p, (x, y) in (("a", [(100, 100, 0.0)], 2.0, (40, 100)),
                                          ("b", [(100, 125, 0.0), (300, 100, 1.0)], 1.0, (200, 120)))]
    placed, _ = place_labels(dotted, [], (0, 0, 1000, 1000), claims=claims)
    assert placed[1].rect[1] == 115  # two towns' names, each by its dot: stacked is fine


def test_a_label_never_stacked_keeps_off_leaders_and_its_like_but_not_off_a_town_s_name():
    """A total standing with no leader read as tied by the leader 0.9 mm beside it ('Ceuta and Melilla' by
    Motril's), and as one block with another total 2 mm over it: it takes a dearer place rather than those
    (``LabelRequest.never_stacked``). A town's name under it, whose dot sets it apart, costs it STACK_COST,
    as it does any figure, and is not ruled out."""
    from geo.labels import Claims

    frame = (0, 0, 400, 400)
    leader = shapely.LineString([(100, 0), (100, 200)])  # another label's leader, placed before

    def total(key, cands, priority=0.0):
        return LabelRequest(key, (60, 20), cands, priority=priority, never_stacked=True)

    stacking = Claims(0.0, stack_gap=15.0)
    placed, _ = place_labels([total("t", [(135, 100, 0.0), (300, 100, 1.0)])], [], frame, hard=[leader],
                             stacking=stacking)
    assert placed[0].rect[0] == 270  # 5 px from the leader (under the gap of 15): the dearer place
    stacking = Claims(0.0, stack_gap=15.0)
    first, second = total("first", [(200, 100, 0.0)], 1.0), total("second", [(200, 135, 0.0), (200, 300, 1.0)])
    placed, _ = place_labels([first, second], [], frame, stacking=stacking)
    assert placed[1].rect[1] == 290  # 15 px under the first (under 1.8 gaps of 15): read as one block
    stacking = Claims(0.0, stack_gap=15.0)
    stacking.add(shapely.Point(200, 120), (180, 115, 220, 125))  # a town's name, with its dot
    placed, _ = place_labels([total("t", [(200, 100, 0.0), (200, 300, 30.0)])], [], frame, stacking=stacking)
    assert placed[0].rect[1] == 90  # at STACK_COST, as any figure there; not ruled out


def test_a_name_is_not_set_across_a_leader_however_near_its_dot():
    """'Tamanrasset' stood left of a figure's leader that passed 0.6 mm right of its dot: the name read
    as cut off from its dot. A leader (``lines``) between a name and its dot rules the place out however
    near the dot it runs (the trim that lets a name sit by its own flow's start does not apply); a flow as
    near, within the trim, still does not."""
    dot = (100.0, 100.0)
    leader = shapely.LineString([(102.0, 60.0), (102.0, 140.0)])  # passing 2 px right of the dot
    left, right = (75.0, 95.0, 1.0), (125.0, 95.0, 0.0)  # the left side dearer
    req = LabelRequest("place:tamanrasset", (30.0, 10.0), [left, right], attach=(*dot, 1.0))
    placed, dropped = place_labels([req], [], (0, 0, 300, 300), hard=[leader], leader_trim=3.0, lines=(leader,))
    assert not dropped and placed[0].rect[2] <= 100.0
    # as a hard obstacle alone, within the trim, it was not seen
    same = LabelRequest("place:tamanrasset", (30.0, 10.0), [left, right], attach=(*dot, 1.0))
    placed, _ = place_labels([same], [], (0, 0, 300, 300), hard=[leader], leader_trim=3.0)
    assert placed[0].rect[0] >= 110.0


def test_a_figure_tied_through_a_dot_moves_where_it_has_room_and_stays_where_it_has_none():
    """The '513' was tied to its circle by a leader through Boumerdès' dot, pointing at the town. Once every
    figure is placed, such a figure is placed again, its leader off the dots, among the others; with no such
    place it keeps its own (the figure is not lost for it)."""
    from geo.figure_layout import figures_off_dots

    anchor = (100.0, 100.0)
    below, above = (100.0, 160.0, 0.0), (100.0, 40.0, 1.0)  # below is cheaper, its leader through the dot
    dot = shapely.Point(100.0, 130.0).buffer(3.0)
    req = LabelRequest("place:ALB", (40.0, 10.0), [below, above], anchors=[anchor, anchor])
    first, _ = place_labels([req], [], (0, 0, 300, 300), leader_min=5.0)
    assert first[0].rect[1] > 130.0 and first[0].leader is not None  # tied through the dot

    def place(todo, taken, hard=()):
        return place_labels(todo, [], (0, 0, 300, 300), hard=[*hard, *taken], leader_min=5.0, leader_blockers=(dot,))
    moved = figures_off_dots(first, [req], (dot,), 1.0, place, None)
    assert moved[0].rect[3] < 100.0 and not shapely.LineString(moved[0].leader).intersects(dot)
    # the room above taken: it stays, tied through the dot
    wall = shapely.box(60, 20, 140, 60)
    kept = figures_off_dots(first, [req], (dot,), 1.0, lambda todo, taken: place(todo, taken, (wall,)), None)
    assert kept[0] == first[0]
