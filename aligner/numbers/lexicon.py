"""The number words of ``aligner.lang.{en,ar}.numbers`` as the parser looks them up: Arabic
words folded as tokens are (``tokens.fold``), English and Arabic tables merged where the
parser reads either."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from aligner.lang.ar import numbers as ar
from aligner.lang.en import numbers as en
from aligner.numbers.tokens import fold

V = TypeVar("V")


def _fold_all(words: Mapping[str, V]) -> dict[str, V]:
    return {fold(w): v for w, v in words.items()}


def _fold_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


EN_SMALL = en.SMALL
EN_TENS = en.TENS
EN_SCALES = en.SCALES
EN_ORD = en.ORDINALS
EN_DENOMINATORS = en.DENOMINATORS
EN_DECADES = en.DECADES
EN_DIMENSIONS = frozenset(en.DIMENSIONS)
EN_COMPOUND_HEADS = frozenset(en.COMPOUND_HEADS)
EN_DECADE_DETERMINERS = frozenset(en.DECADE_DETERMINERS)
EN_DECADE_PARTS = frozenset(en.DECADE_PARTS)
EN_DIGIT_SCALES = en.DIGIT_SCALES
EN_MULTIPLIERS = {"hundred": 100.0, **EN_SCALES}
CURRENCY_ONLY_SCALES = en.CURRENCY_ONLY_SCALES
EN_VAGUE = en.VAGUE
EN_IMPLICIT_COUNTS = en.IMPLICIT_COUNTS
MONTHS_EN = en.MONTHS
EN_PERCENT = en.PERCENT
EN_AM_PM = en.AM_PM

AR_UNITS = _fold_all(ar.UNITS)
AR_TEN = _fold_all(ar.TEN)
AR_TEEN_HEADS = _fold_all(ar.TEEN_HEADS)
AR_TWO = fold(ar.TWO)
AR_TENS = _fold_all(ar.TENS)
AR_HUNDRED = _fold_all(ar.HUNDRED)
AR_HUNDREDS = _fold_all(ar.HUNDREDS)
AR_SCALES = _fold_all(ar.SCALES)
AR_ALPHA = fold(ar.ALPHA)
AR_PLURAL_SCALES = _fold_all(ar.PLURAL_SCALES)
AR_DUAL_SCALES = _fold_all(ar.DUAL_SCALES)
AR_ORD = _fold_all(ar.ORDINALS)
AR_DECADES = _fold_all(ar.DECADES)
AR_CENTURY = fold(ar.CENTURY)
AR_LAST = fold(ar.LAST)
AR_DUAL_NOUNS = _fold_all(ar.DUAL_NOUNS)
DUAL_UNIT = _fold_all(ar.DUAL_UNIT)
AR_HALF = _fold_all(ar.HALF)
AR_COMPOUNDS = _fold_all(ar.COMPOUNDS)
AR_AND_HALF = _fold_set(ar.AND_HALF)
AR_FRACTIONS = _fold_all(ar.FRACTIONS)
AR_PLURAL_FRACTIONS = _fold_all(ar.PLURAL_FRACTIONS)
AR_PRONOUN_SUFFIXES = tuple(fold(w) for w in ar.PRONOUN_SUFFIXES)
AR_VAGUE = _fold_all(ar.VAGUE)
MONTHS_AR = _fold_all(ar.MONTHS)
MONTHS_AR2 = {(fold(a), fold(b)): v for (a, b), v in ar.TWO_WORD_MONTHS.items()}
AR_OF = fold(ar.OF)
AR_PERCENT = _fold_set(ar.PERCENT)
AR_PER = fold(ar.PER)
AR_HUNDRED_DEF = _fold_set(ar.HUNDRED_DEF)
AR_AM_PM = _fold_all(ar.AM_PM)
AR_HOUR = fold(ar.HOUR)
AR_ORD_ARTICLE = frozenset(ar.ORDINAL_ARTICLE)
AR_YEAR_MARK = _fold_set(ar.YEAR_MARKS)
AR_AGE = _fold_set(ar.AGE)
AR_AGE_HEDGE = fold(ar.AGE_HEDGE)
AR_BOUNDS = _fold_all(ar.BOUNDS)
AR_UP_TO = (fold(ar.UP_TO[1]), fold(ar.UP_TO[0]))  # as the parser looks back: last word first
AR_BETWEEN = fold(ar.BETWEEN)
AR_RANGE_TO = tuple(fold(w) for w in ar.RANGE_TO)

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
MONEY = frozenset(("USD", "EUR", "GBP", "JPY", "INR", "SYP", "EGP", "LBP", "SDG", "IQD", "SAR",
                   "AED"))
UNITS = {**en.UNITS, **_fold_all(ar.UNITS_OF_MEASURE)}
DEGREES = frozenset(en.DEGREES) | _fold_set(ar.DEGREES)
EN_SQUARE = frozenset(en.SQUARE)
AR_SQUARE = _fold_set(ar.SQUARE)
DEGREE_SCALES = {**en.DEGREE_SCALES, **_fold_all(ar.DEGREE_SCALES)}
POUND_COUNTRIES = en.POUND_COUNTRIES
HEDGES = frozenset(en.HEDGES) | _fold_set(ar.HEDGES)
ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
