"""Which period a map compares with, and how the change reads."""

import pytest

from geo.compare import Change, changes, comparison_period


@pytest.mark.parametrize("period, mode, expected", [
    ("2024Q4", "previous", "2024Q3"), ("2024Q1", "previous", "2023Q4"), ("2024Q4", "year_ago", "2023Q4"),
    ("2024", "previous", "2023"), ("2024", "year_ago", "2023"),
    ("2024-01", "previous", "2023-12"), ("2024-07", "year_ago", "2023-07"),
])
def test_comparison_periods(period, mode, expected):
    assert str(comparison_period(period, mode)) == expected


def test_intervals_have_no_natural_predecessor():
    assert comparison_period("2024-08-14/2024-12-31", "previous") is None


def test_change_labels_use_a_true_minus_and_say_nothing_without_a_base():
    c = changes({"CMR-TN": 19238, "CMR-DZ": 1257, "ATL": 46524, "X": 5}, {"CMR-TN": 97306, "CMR-DZ": 583, "X": 5})
    assert c["CMR-TN"].label() == "−80%" and c["CMR-TN"].direction == "down"
    assert c["CMR-DZ"].label() == "+116%" and c["CMR-DZ"].direction == "up"
    assert c["ATL"].label() == "" and c["ATL"].direction == "new"
    assert c["X"].label() == "±0%"
    assert Change("Z", 3, 0).ratio is None
