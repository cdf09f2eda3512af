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


STATED_AGREES = 0.01
"""A change the source states beside both figures is printed as it states it when it is within this
(one point of percent) of the change the figures give: the update's 'increased by 115%' for Algeria's
583 to 1,257 (+115.6 %, which rounds to +116%) is printed '+115%', as a reader of the update reads it.
Further off, the stated change is of other figures, or mistyped, and the figures drawn decide."""


@dataclass(frozen=True)
class Change:
    """A route's figure now and then; ``ratio`` is None when there is no earlier figure or it was 0,
    unless the source ``stated`` the change (a fraction: 0.16). A stated change is the one printed where
    the figures give none, or where it agrees with theirs (STATED_AGREES)."""

    route_id: str
    now: float
    before: float | None
    stated: float | None = None
    approximate: bool = False
    """Computed from a figure the source gives as about or rounded ('nearly 6,000' against 2,278): the
    change is as approximate, and printed so ('~+163%')."""

    @property
    def computed(self) -> float | None:
        """The change the two figures give; None without an earlier figure (or one of 0)."""
        return None if self.before is None or self.before == 0 else self.now / self.before - 1.0

    @property
    def is_stated(self) -> bool:
        """The change rests on the source's words alone: no earlier figure to check it by ('(stated)')."""
        return self.computed is None and self.stated is not None

    @property
    def ratio(self) -> float | None:
        computed = self.computed
        if computed is None:
            return self.stated
        if self.stated is not None and abs(self.stated - computed) <= STATED_AGREES:
            return self.stated  # the update's own rounding of what its figures give
        return computed

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
    source (route_id -> fraction) where it gives no earlier figure or agrees with it; ``approximate``: the routes one of
    whose two figures is about or rounded."""
    stated = stated or {}
    return {rid: Change(rid, v, before.get(rid), stated.get(rid), rid in approximate) for rid, v in now.items()}


def approximate_ids(frame) -> set[str]:
    """The route ids of ``frame``'s rows (a join's figures) the source gives as about or rounded."""
    if frame is None or not len(frame) or "qualifier" not in frame.columns:
        return set()
    return set(frame.loc[frame["qualifier"].isin((ABOUT, ROUNDED)), "route_id"].astype(str))
