"""No two labels stand one over the other so closely that they read as one label of two lines: two names
('Cabrera' over 'Balearic Islands'), a name and a figure ('Annaba' over the 2023 Tunisia flow's '97,306'
read as Annaba's figure), a figure and a country's name ('Spain 21,237 (a)' 0.2 mm over 'SPAIN'), or two
figures (one total's lines run on into the next). Measured on the maps drawn at 300 dpi, from where each
label was set, in every map of ``drawn_maps.MAPS`` and in both panels of the small multiples."""

from __future__ import annotations

import itertools

import pytest
import shapely
from drawn_maps import MAPS, MM, Drawn

from geo.placed_marks import COUNTRY, FIGURE, PLACE_FIGURE, PLACE_TOTAL, TOTAL

STACK_GAP_MM, STACK_ACROSS = 1.5, 0.3
"""Closer than this one over the other, sharing more than this share of the narrower one's width (or on one
line closer than twice the gap), two labels read as one."""
FIGURE_KINDS = (FIGURE, TOTAL, PLACE_FIGURE, PLACE_TOTAL)
GROUP_REACH_MM = 6.0


def stacked(a: tuple, b: tuple) -> float | None:
    """How far apart two boxes (x0, y0, x1, y1) stand when they read as one label, else None."""
    shared = min(a[2], b[2]) - max(a[0], b[0])
    gap = max(a[1] - b[3], b[1] - a[3])
    level = min(a[3], b[3]) - max(a[1], b[1])
    aside = max(a[0] - b[2], b[0] - a[2])
    if (shared > STACK_ACROSS * min(a[2] - a[0], b[2] - b[0]) and 0 <= gap < STACK_GAP_MM * MM) or \
            (level > 0.5 * min(a[3] - a[1], b[3] - b[1]) and 0 <= aside < 2 * STACK_GAP_MM * MM):
        return max(gap, aside) / MM
    return None


def stacked_labels(report, places=None) -> list[str]:
    """The pairs of labels of one render that read as one: names (of which one has no dot: two towns' dots
    tell one name from the other, 'Motril' over 'Ceuta' in the inset of the Strait) and figures. With
    ``places`` (the places layer, by id), only the pairs with a figure or an archipelago's name in them."""
    dotted = {pid for pid, *_ in report.dots}
    labels = [(text, rect, pid in dotted, places is None or places.loc[pid, "kind"] == "region_label")
              for pid, text, rect in report.place_labels]
    labels += [(m.text, m.rect, False, True) for m in report.marks if m.kind in FIGURE_KINDS]
    labels += [(m.text, m.rect, False, places is None) for m in report.marks if m.kind == COUNTRY]
    out = []
    for (a, ra, da, wa), (b, rb, db, wb) in itertools.combinations(labels, 2):
        apart = None if (da and db) or not (wa or wb) else stacked(ra, rb)
        if apart is not None:
            out.append(f"{a!r} and {b!r} {apart:.1f} mm apart")
    return out


@pytest.mark.parametrize("name", list(MAPS))
def test_no_two_labels_stand_one_over_the_other(drawn, name):
    """An archipelago's name that gives way stays by its islands (within GROUP_REACH_MM of the nearest)."""
    d: Drawn = drawn(name)
    assert sum(m.kind in FIGURE_KINDS for m in d.report.marks), "no figure drawn: nothing tested"
    assert not stacked_labels(d.report), stacked_labels(d.report)
    small = [g for k, g in enumerate(d.islands) if d.small[k]]
    for pid, text, rect in d.report.place_labels:
        if d.places.loc[pid, "kind"] == "region_label" and small:
            reach = min(shapely.box(*rect).distance(g) for g in small) / MM
            assert reach <= GROUP_REACH_MM, f"{text!r} stands {reach:.1f} mm from the nearest of its islands"


def test_no_name_stands_over_or_under_a_figure_on_the_small_multiples(small_multiples):
    """In the 2023 panel 'Annaba' stood 0.4 mm over '97,306' (the Tunisia flow's, read as Annaba's) and
    0.5 mm under '583'; 'Canary Islands' ran on 0.7 mm after 'Fuerteventura'. A town's name that finds no
    other place is left off with its dot; so is an archipelago's."""
    doc, _, views, reports = small_multiples
    places = doc.layer("places").data.set_index("place_id")
    assert len(reports) == len(views) == 2
    assert all(sum(m.kind in FIGURE_KINDS for m in r.marks) for r in reports), "no figure drawn: nothing tested"
    assert {k: stacked_labels(r, places) for k, r in enumerate(reports)} == {0: [], 1: []}
