"""Periods: every accepted spelling means one value, errors say why, and sorting is chronological."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.periods import Period, parse_period

Q4_2024 = Period("2024Q4", date(2024, 10, 1), date(2024, 12, 31), "quarter")


@pytest.mark.parametrize("text", [
    "2024Q4", "2024-Q4", "2024 Q4", "Q4 2024", "Q4-2024", "q4 2024", "2024q4", "Q4/2024",
    "T4 2024", "2024T4", "t4-2024", "  Q4\u00a02024 ", "Q4–2024",
])
def test_quarter_spellings_parse_to_one_period(text):
    assert parse_period(text) == Q4_2024


@pytest.mark.parametrize("text", ["2024-07", "2024-7", "2024/07", "07/2024", "7/2024", "07-2024",
                                  "July 2024", "jul 2024", "Jul. 2024", "juillet 2024"])
def test_month_spellings_parse_to_one_period(text):
    assert parse_period(text) == Period("2024-07", date(2024, 7, 1), date(2024, 7, 31), "month")


def test_year():
    assert parse_period(" 2024 ") == Period("2024", date(2024, 1, 1), date(2024, 12, 31), "year")


@pytest.mark.parametrize("text", ["2024-01-01/2024-10-16", "2024-01-01--2024-10-16",
                                  "2024-01-01 / 2024-10-16", "2024-01-01 – 2024-10-16"])
def test_date_intervals(text):
    assert parse_period(text) == Period("2024-01-01/2024-10-16", date(2024, 1, 1),
                                        date(2024, 10, 16), "interval")


def test_month_intervals_are_canonicalised_to_full_dates():
    p = parse_period("2024-08/2024-12")
    assert p.label == "2024-08-01/2024-12-31"
    assert p == parse_period("2024-08-01/2024-12-31") == parse_period(p.label)
    assert parse_period("2024-02/2024-02").end == date(2024, 2, 29)


def test_str_is_the_canonical_label():
    assert str(parse_period("T4 2024")) == "2024Q4"
    assert str(parse_period("07/2024")) == "2024-07"


@pytest.mark.parametrize(("text", "shown"), [
    ("Q4 2024", "Q4 2024"), ("2024", "2024"), ("2024-07", "July 2024"),
    ("2024-01-01/2024-10-16", "1 Jan – 16 Oct 2024"),
    ("2023-12-29/2024-01-05", "29 Dec 2023 – 5 Jan 2024"),
    ("2024-07-15/2024-07-15", "15 Jul 2024"),
])
def test_display(text, shown):
    assert parse_period(text).display() == shown


@pytest.mark.parametrize(("text", "reason"), [
    ("2024Q5", "'2024Q5' is not a period: quarters run Q1–Q4; write e.g. 2024Q4, Q4 2024 or 2024"),
    ("Q0 2024", "'Q0 2024' is not a period: quarters run Q1–Q4"),
    ("2024-13", "'2024-13' is not a period: months run 01–12"),
    ("Q4 24", "'Q4 24' is not a period: write the year with four digits"),
    ("2024-07-15", "'2024-07-15' is a date, not a period"),
    ("2024-02-30/2024-03-31", "2024-02-30 is not a calendar date"),
    ("2024-12-01/2024-01-01", "'2024-12-01/2024-01-01' is not a period: it starts after it ends"),
    ("3024", "year 3024 is outside 1900–2100"),
    ("2023/2024", "write a date range as two ISO dates or months"),
    ("last year", "'last year' is not a period; write e.g. 2024Q4"),
    ("", "an empty text is not a period"),
])
def test_errors_say_why(text, reason):
    with pytest.raises(ValueError) as info:
        parse_period(text)
    assert reason in str(info.value)


def test_error_messages_stay_on_one_short_line():
    with pytest.raises(ValueError) as info:
        parse_period("Q4\n2024 and then a very long explanation that nobody should see in full")
    assert "\n" not in str(info.value) and len(str(info.value)) < 160


def test_ordering_is_chronological_by_end_then_start():
    labels = ["2024", "2023", "2024Q4", "2024-07", "2024Q1", "2024-08-14/2024-12-31",
              "2024-01-01/2024-10-16", "2023Q4"]
    ordered = [str(p) for p in sorted(parse_period(t) for t in labels)]
    # Periods ending together: the longer one first, so a year comes just before its Q4.
    assert ordered == ["2023", "2023Q4", "2024Q1", "2024-07", "2024-01-01/2024-10-16",
                       "2024", "2024-08-14/2024-12-31", "2024Q4"]
    assert parse_period("2024Q3") < parse_period("2024Q4") <= Q4_2024
    assert max(parse_period(t) for t in ("2024Q1", "2024Q2")) == parse_period("2024Q2")


def test_periods_are_frozen_values():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Q4_2024.label = "x"
    assert len({parse_period("Q4 2024"), parse_period("2024Q4"), Q4_2024}) == 1
    with pytest.raises(ValueError):
        Period("x", date(2024, 2, 1), date(2024, 1, 1), "interval")
    with pytest.raises(ValueError):
        Period("x", date(2024, 1, 1), date(2024, 1, 1), "week")


def test_a_period_passes_through():
    assert parse_period(Q4_2024) is Q4_2024


periods = st.one_of(
    st.integers(1900, 2100).map(Period.year),
    st.builds(Period.quarter, st.integers(1900, 2100), st.integers(1, 4)),
    st.builds(Period.month, st.integers(1900, 2100), st.integers(1, 12)),
    st.tuples(st.dates(date(1900, 1, 1), date(2100, 12, 31)),
              st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    .map(sorted).map(lambda d: Period.interval(*d)),
)


@given(periods)
def test_label_round_trips(p):
    assert parse_period(p.label) == p
    assert parse_period(p.display()) == p if p.kind in ("year", "quarter", "month") else True


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_value_error(text):
    try:
        p = parse_period(text)
    except ValueError as e:
        assert "\n" not in str(e)
    else:
        assert parse_period(p.label) == p
