"""Colour arithmetic used by the legibility checks."""

import pytest

from geo.colours import blend, contrast_ratio, delta_e, readable_on, simulate_cvd


def test_wcag_contrast_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_readable_on_darkens_just_enough():
    out = readable_on("#E69F00", "#ffffff")
    assert contrast_ratio(out, "#ffffff") >= 4.5
    assert contrast_ratio(out, "#ffffff") < 5.2  # no darker than needed
    assert readable_on("#222222", "#ffffff") == "#222222"


def test_blend_and_cvd_simulation():
    assert blend("#ffffff", 0.5, "#000000") == "#808080"
    # red and green collapse for deuteranopes; blue and orange stay apart
    assert delta_e(simulate_cvd("#ff0000", "deuteranopia"), simulate_cvd("#00aa00", "deuteranopia")) < \
        delta_e("#ff0000", "#00aa00") / 2
    assert delta_e(simulate_cvd("#0072B2", "deuteranopia"), simulate_cvd("#E69F00", "deuteranopia")) > 30


def test_change_colours_are_apart_from_each_other_and_from_every_route_s_colour():
    """The change map coloured an increase in the Central Mediterranean's vermillion and a decrease in the
    Atlantic's blue: printed beside the other maps of the series, the Atlantic arrow (up) read as a Central
    Mediterranean route and the Libya one (down) as an Atlantic one. An increase and a decrease stay apart
    for every colour-vision deficiency, and apart from every route group's and OD colour (ΔE ≥ 20)."""
    from geo.styles import CHANGE_COLOURS, OD_COLOURS, ROUTE_GROUP_COLOURS

    up, down = CHANGE_COLOURS["up"], CHANGE_COLOURS["down"]
    for kind in ("protanopia", "deuteranopia", "tritanopia"):
        assert delta_e(simulate_cvd(up, kind), simulate_cvd(down, kind)) > 20, kind
    for change in (up, down):
        for route in (*ROUTE_GROUP_COLOURS.values(), *OD_COLOURS):
            assert delta_e(change, route) >= 20, (change, route)
