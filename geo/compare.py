"""Comparing periods: which period to compare with, and the change of each route's figure."""

from __future__ import annotations

from dataclasses import dataclass

from geo.periods import Period, parse_period
from geo.qualifiers import ABOUT, ROUNDED

COMPARE_MODES = ("previous", "year_ago")


def comparison_period(period: str | Period, mode: str) -> Period | None:
    """The period to compare ``period`` with: the one before it ("previous": 2024Q4 -> 2024Q3,
    2024 -> 2023, 2024-07 -> 2024-06) or the same one a year earlier ("year_ago": 2024Q4 ->
    2023Q4). Intervals have no natural predecessor, so they give None."""
    p = parse_period(period)
    if mode not in COMPARE_MODES:
        raise ValueError(f"comparison {mode!r} is not one of {', '.join(COMPARE_MODES)}")
    year = p.start.year
    if p.kind == "year":
        return Period.year(year - 1)
    if p.kind == "quarter":
        q = (p.start.month - 1) // 3 + 1
        if mode == "year_ago":
            return Period.quarter(year - 1, q)
        return Period.quarter(year - 1, 4) if q == 1 else Period.quarter(year, q - 1)
    if p.kind == "month":
        m = p.start.month
        if mode == "year_ago":
            return Period.month(year - 1, m)
        return Period.month(year - 1, 12) if m == 1 else Period.month(year, m - 1)
    return None


@dataclass(frozen=True)
class Change:
    """A route's figure now and then; ``ratio`` is None when there is no earlier figure or it was 0,
    unless the source ``stated`` the change (a fraction: 0.16) without giving the earlier figure."""

    route_id: str
    now: float
    before: float | None
    stated: float | None = None
    approximate: bool = False
    """Computed from a figure the source gives as about or rounded ('nearly 6,000' against 2,278): the
    change is as approximate, and printed so ('~+163%')."""

    @property
    def is_stated(self) -> bool:
        """The change is the source's own words, not computed from two figures."""
        return (self.before is None or self.before == 0) and self.stated is not None

    @property
    def ratio(self) -> float | None:
        if self.before is None or self.before == 0:
            return self.stated
        return self.now / self.before - 1.0

    def label(self) -> str:
        """'+25%', '−80%' (a true minus sign), '±0%'; empty when there is nothing to compare."""
        r = self.ratio
        if r is None:
            return ""
        pct = round(r * 100)
        if pct == 0:
            return "±0%"
        return f"+{pct:,}%" if pct > 0 else f"−{-pct:,}%"

    @property
    def direction(self) -> str:
        r = self.ratio
        if r is None:
            return "new" if self.before is None else "none"
        return "up" if r > 0.005 else ("down" if r < -0.005 else "same")


def changes(now: dict[str, float], before: dict[str, float], stated: dict[str, float] | None = None,
            approximate: frozenset[str] = frozenset()) -> dict[str, Change]:
    """Per route: the change from ``before`` to ``now`` (both route_id -> value), or as ``stated`` by the
    source (route_id -> fraction) where it gives no earlier figure; ``approximate``: the routes one of
    whose two figures is about or rounded."""
    stated = stated or {}
    return {rid: Change(rid, v, before.get(rid), stated.get(rid), rid in approximate) for rid, v in now.items()}


def approximate_ids(frame) -> set[str]:
    """The route ids of ``frame``'s rows (a join's figures) the source gives as about or rounded."""
    if frame is None or not len(frame) or "qualifier" not in frame.columns:
        return set()
    return set(frame.loc[frame["qualifier"].isin((ABOUT, ROUNDED)), "route_id"].astype(str))
