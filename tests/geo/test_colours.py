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
