"""What the number parser returns: one ``NumberMention`` per number in a text."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("cardinal", "ordinal", "percent", "year", "decade", "date", "time", "currency",
         "fraction", "vague")


@dataclass(frozen=True)
class NumberMention:
    """One number in a text.

    ``values`` holds one value, or (low, high) for a range ("3 to 6 inches"); for ``vague`` it is
    the (low, high) bounds of what the phrase may stand for. ``unit`` is a currency code (USD),
    a unit (km, lb, day) or, for dates, ``month=N``. ``spelled`` marks mentions written with
    words, ``approx`` hedged ones ("about", "حوالي") whose rounding is tolerated, and ``weak``
    the implicit ones (one/first/a dual noun) that are too often rephrased to report when absent.
    ``bound`` is "min" after "more than"/"over"/"above"/"at least"/"أكثر من" and "max" after
    "less than"/"fewer than"/"under"/"below"/"أقل من": the figure is a bound, so it may only
    round in that direction. ``alt`` is the other reading of digits that have two: "15.000" is
    fifteen thousand in Arabic text (and the value), but may be fifteen.
    """

    values: tuple[float, ...]
    kind: str
    start: int
    end: int
    text: str
    unit: str | None = None
    spelled: bool = False
    approx: bool = False
    weak: bool = False
    bound: str | None = None
    alt: float | None = None

    @property
    def value(self) -> float:
        return self.values[0]

