"""Route groups the style names no colour for each get one told apart from every other group's
(geo.colours.group_palette, MapDocument.group_colour): a hash of the name into four colours drew two
of six synthetic groups in one green and two in one grey, each with its own legend entry."""

from itertools import combinations

from geo.colours import MIN_GROUP_DELTA_E, delta_e, group_palette, simulate_cvd
from geo.styles import ROUTE_GROUP_COLOURS


def _apart(a: str, b: str) -> bool:
    deut = delta_e(simulate_cvd(a, "deuteranopia"), simulate_cvd(b, "deuteranopia"))
    return delta_e(a, b) >= MIN_GROUP_DELTA_E and deut >= MIN_GROUP_DELTA_E


def test_new_groups_are_told_apart_from_each_other_and_from_the_routes_colours():
    groups = ["CMR", "Libya–Crete", "Eastern Atlantic", "G3", "Sahel", "WMR", "G6"]
    palette = group_palette(groups, ROUTE_GROUP_COLOURS)
    assert palette["CMR"] == ROUTE_GROUP_COLOURS["CMR"] and palette["WMR"] == ROUTE_GROUP_COLOURS["WMR"]
    new = [palette[g] for g in groups if g not in ROUTE_GROUP_COLOURS]
    assert len(new) == 5
    for a, b in combinations(new, 2):
        assert _apart(a, b), (a, b)
    for colour in new:  # every fixed colour, even of a group absent from this map (it may be on the next)
        assert all(_apart(colour, fixed) for fixed in ROUTE_GROUP_COLOURS.values()), colour


def test_a_groups_colour_depends_on_the_routes_layer_not_on_the_hash_of_its_name():
    """The same groups in the same order get the same colours (a series keeps them); the palette is a
    function of the layer's groups, so 'G1' and 'G5' are never one colour as the hash made them."""
    groups = [f"G{k}" for k in range(6)]
    first = group_palette(groups, ROUTE_GROUP_COLOURS)
    assert first == group_palette([*groups, "G2", "G0"], ROUTE_GROUP_COLOURS)
    assert len(set(first.values())) == 6


def test_the_legend_and_the_documents_groups_share_the_palette(tmp_path):
    """A routes file in six groups of its own: the legend's colour entries are the document's group
    colours, six different ones."""
    from bench.many_routes import write_routes
    from geo.document import MapDocument
    from geo.legend import COLOUR, legend_entries

    routes, flows = write_routes(tmp_path, 24, 6)
    doc = MapDocument.from_files(routes=routes, flows=flows)
    entries = [e for e in legend_entries(doc) if e.kind == COLOUR]
    assert len(entries) == 6
    assert len({e.colour.lower() for e in entries}) == 6
    assert {e.colour for e in entries} == {doc.group_colour(f"G{k}") for k in range(6)}
