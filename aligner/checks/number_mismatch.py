"""number_mismatch: an aligned pair whose two sides do not state the same numbers.

Both sides are read with ``aligner.arabic.numbers`` so that spellings never count: ١٥٠٠, 1,500,
"ألف وخمسمائة" and "1.5 thousand" are one value. Numbers are matched as multisets, exactly first
(percent = per cent = بالمائة, a decade = its two digits, 3 p.m. = 15:00), then tolerantly (a
hedged "about 17,000" for 16,700, "20 feet" for "6 metres"). What is left is excused when it is
a parenthetical unit conversion present on one side only ("300 km (190 miles)"), a vague
quantity on the other side covers it ("dozens" for 40), or it is *weak* (one, first, a dual
noun: rephrased too often to report). A number without any counterpart that could be spelled
out is not reported against text whose words ran together, where number words cannot be read.

Severity: a number on one side facing a different unmatched number on the other changes the
facts (critical, ``missing_in`` None; major when one is spelled out and either is hedged,
or when the two are of different kinds, an ordinal against a count: a misreading is
likelier than a changed fact). A number with no counterpart at all was
dropped or added: major when written in digits, minor when spelled out (a word like "three" is
more often folded into the phrasing, e.g. "a trio", than a figure is).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass

from aligner.checks.base import CheckContext, register_check
from aligner.numbers import NumberMention, extract_numbers
from aligner.numbers.tokens import DIGITS
from aligner.records import Finding, Link, Span
from aligner.registry import Style


@dataclass(frozen=True)
class NumberParams:
    conversion_tolerance: float = 0.08  # "20 feet" for "6 metres": relative error allowed
    rounding_tolerance: float = 0.1  # most a hedged target may differ from a precise source
    spellable_max: int = 10  # whole numbers up to this may be spelled out (Arabic style: ten)
    glued_run: int = 20  # Arabic letters in a row from which words have lost their spaces
    identifier_digits: int = 5  # digit groups that join into one identifier (116 123) have
    # at least this many digits
    changed_confidence: float = 0.9  # a number changed, both written in digits
    changed_spelled_confidence: float = 0.75  # ... one of them spelled out
    hedged_penalty: float = 0.15  # taken off when either side is hedged ("about")
    dropped_confidence: float = 0.75  # a number without counterpart, in digits
    dropped_spelled_confidence: float = 0.5  # ... spelled out
    kind_penalty: float = 0.25  # taken off when the two are of different kinds (an ordinal
    # against a count, a decade against a date): a misreading more often than a change
    critical_confidence: float = 0.7  # a change less sure than this (a word and a hedge on
    # either side: more often a misreading than a changed fact) is major, not critical


# Units that translators convert, as factors to a common base.
_TO_BASE = {"km": 1000.0, "mi": 1609.34, "m": 1.0, "ft": 0.3048, "yd": 0.9144, "in": 0.0254,
            "cm": 0.01, "kg": 1.0, "lb": 0.4536,
            "km2": 1e6, "mi2": 1609.34 ** 2, "m2": 1.0, "ft2": 0.3048 ** 2}
_DIMENSION = {"km": "len", "mi": "len", "m": "len", "ft": "len", "yd": "len", "in": "len",
              "cm": "len", "kg": "mass", "lb": "mass",
              "km2": "area", "mi2": "area", "m2": "area", "ft2": "area"}
# digits that are part of a name or code: a Latin letter right before (MH17, F-16, COVID-19),
# an Arabic word and a hyphen before (كوفيد-19), or a Latin letter right after (5G)
_CODE_BEFORE = re.compile(r"(?:[A-Za-z]-?|[\u0621-\u064A]{2,}-)$")
_CODE_AFTER = re.compile(r"[A-Za-z]")
# what may stand between the digit groups of a phone number or identifier
_GROUP_GAP = re.compile(r"\)?[ \u00a0\u2009\u202f\-]")
_BARE_FIGURE = re.compile(r"\d+(?:[.,]\d+)+")
_PAREN_AFTER_NUMBER = re.compile(r"\s*[(\[]\s*(?:about|around|some|approximately|nearly|"
                                 r"حوالي|حوالى|نحو|قرابة)?\s*$")


@dataclass(frozen=True)
class _Atom:
    """One value of one mention (a range has two), located in the document."""

    side: str
    value: float
    mention: NumberMention
    segment: int
    offset: int  # document offset of the segment start
    order: int  # position among the side's atoms, for pairing leftovers in reading order
    run: int = -1  # digit groups set apart by a space (+44 20 7946): their run, else -1
    run_pos: int = 0  # position in the run
    code: bool = False  # digits of a name or code: COVID-19, MH17, G20, كوفيد-19
    conversion: bool = False  # in brackets after another measure: "300 km (190 miles)"

    def digits(self) -> str:
        """The digits as written ("0958"), for joining digit groups."""
        return self.mention.text.translate(DIGITS)

    def span(self) -> Span:
        m = self.mention
        return Span(self.side, self.segment, self.offset + m.start, self.offset + m.end, m.text)

    def forms(self) -> set[float]:
        """Values this atom may be written as on the other side."""
        m, v = self.mention, self.value
        keys = {v}
        if m.kind == "fraction":
            keys |= {v * 100, round(v * 100), round(1 / v, 6)}  # half = 50%, a third = 33%,
            # ثلث = a third
        if m.kind == "decade":
            keys.add(v % 100)  # the 1980s = الثمانينيات
            if v % 100 == 0:
                keys.add(v // 100 + 1)  # the early 2000s = بداية القرن الحادي والعشرين
        if m.kind == "year" and len(m.values) == 2 and v == m.values[1] and v >= 100:
            keys.add(v % 100)  # 1038–40 written 1038 - 40: the range's end by its last digits
        if m.alt is not None and len(m.values) == 1:
            keys.add(m.alt)  # 76.000: seventy-six thousand, or seventy-six
        if m.kind == "time" and m.unit == "+12" and v < 12:
            keys.add(v + 12)  # 3 p.m. = 15:00
        return keys


def _month(m: NumberMention) -> str | None:
    return m.unit if m.kind == "date" else None


def _exact(a: _Atom, b: _Atom) -> bool:
    months = _month(a.mention), _month(b.mention)
    if None not in months and months[0] != months[1]:
        return False
    if _same_figure(a.mention, b.mention):
        return True  # "1,1" copied as written is one figure, whichever mark each side reads
    return any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)
               for x in a.forms() for y in b.forms())


def _same_figure(a: NumberMention, b: NumberMention) -> bool:
    """Whether both sides write the same bare digit string with a separator in it ("{0,1}",
    "Fig. 1,1"): a figure copied as written, though English reads its comma as a thousands
    mark and Arabic as a decimal one."""
    x, y = a.text.translate(DIGITS), b.text.translate(DIGITS)
    return x == y and len(a.values) == len(b.values) == 1 and \
        _BARE_FIGURE.fullmatch(x) is not None


def _significant(v: float) -> int:
    """Significant digits of a round figure (17000 → 2, 16700 → 3, 2.5 → 2)."""
    digits = f"{abs(v):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return max(len(digits.rstrip("0")), 1)


@functools.lru_cache(maxsize=4)
def _glued_words(run: int) -> re.Pattern[str]:
    """Words that lost their spaces (NTREX has such lines: "زاربومبيوكورياالشماليةثلاثمرات",
    "الثانٍالذي"): a run of ``run`` Arabic letters, or a tanwin (only ever word-final, bar the
    alif after fathatan) followed by a letter. Number words inside such text cannot be read."""
    return re.compile(rf"[\u0621-\u064A\u0671-\u06D3]{{{run},}}"
                      r"|\u064B(?=[\u0621-\u0626\u0628-\u064A])|[\u064C\u064D](?=[\u0621-\u064A])")


def _tolerant(a: _Atom, b: _Atom, p: NumberParams) -> bool:
    """A figure the translation rounded and hedged (a bound, "more than 800", only rounds in its
    direction), or a unit conversion."""
    x, y = a.value, b.value
    if x <= 0 or y <= 0:
        return False
    ua, ub = a.mention.unit, b.mention.unit
    if ua in _TO_BASE and ub in _TO_BASE and ua != ub and _DIMENSION[ua] == _DIMENSION[ub]:
        return abs(x * _TO_BASE[ua] / (y * _TO_BASE[ub]) - 1) <= p.conversion_tolerance
    if not (a.mention.approx or b.mention.approx) or abs(x / y - 1) > p.rounding_tolerance:
        return False
    if a.mention.bound and a.mention.bound == b.mention.bound:
        return False  # "up to 400" on both sides: the bound itself is the figure
    for hedged, plain in ((a, b), (b, a)):  # "more than 800" does not round 797
        kind = hedged.mention.bound
        if kind and kind != plain.mention.bound and (
                (kind == "min" and plain.value < hedged.value)
                or (kind == "max" and plain.value > hedged.value)):
            return False
    src, tgt = (a, b) if a.side == "src" else (b, a)
    if _significant(tgt.value) > _significant(src.value):
        return False  # a translation may round a figure, not add digits: about 2,000 → 2,005
    rounder, precise = (x, y) if _significant(x) <= _significant(y) else (y, x)
    n = _significant(rounder)
    scale = 10 ** (math.floor(math.log10(precise)) - n + 1)
    return math.isclose(round(precise / scale) * scale, rounder, rel_tol=1e-9)


def _match(src: list[_Atom], tgt: list[_Atom], p: NumberParams
           ) -> tuple[list[_Atom], list[_Atom]]:
    """Remove matched pairs (exact before tolerant, nearest in reading order first)."""
    src, tgt = list(src), list(tgt)
    for tolerant in (False, True):
        for a in list(src):
            cands = [b for b in tgt if (_tolerant(a, b, p) if tolerant else _exact(a, b))]
            if cands:
                b = min(cands, key=lambda b: (b.mention.kind != a.mention.kind,
                                              abs(b.order / max(len(tgt), 1)
                                                  - a.order / max(len(src), 1))))
                src.remove(a)
                tgt.remove(b)
    return src, tgt


def _digit_windows(atoms: list[_Atom], least: int) -> list[tuple[str, list[_Atom]]]:
    """Consecutive digit groups of one run, joined ("116 123" → "116123", leading zeros and
    the international 00 dropped), longest first, with at least ``least`` digits."""
    by_run: dict[int, list[_Atom]] = {}
    out = []
    for a in atoms:
        if a.run >= 0:
            by_run.setdefault(a.run, []).append(a)
        elif a.mention.kind == "cardinal" and float(a.value).is_integer() and \
                len(str(int(a.value))) >= least:
            out.append((str(int(a.value)), [a]))  # 162,584 against 162 584
    for run in by_run.values():
        run.sort(key=lambda a: a.run_pos)
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 8) + 1):
                window = run[i:j]
                if window[-1].run_pos - window[0].run_pos != j - i - 1:
                    break  # a group in between was matched on its own
                digits = "".join(a.digits() for a in window)
                if len(digits) >= least:
                    out.append((digits.lstrip("0"), window))
    return sorted(out, key=lambda w: -len(w[1]))


def _match_identifiers(src: list[_Atom], tgt: list[_Atom], least: int
                       ) -> tuple[list[_Atom], list[_Atom]]:
    """A phone number or identifier grouped differently on the two sides (116123 / 116 123,
    +44 20 7946 0958 / 00442079460958) is one number, not several."""
    src, tgt = list(src), list(tgt)
    targets = _digit_windows(tgt, least)
    for digits, window in _digit_windows(src, least):
        if not all(a in src for a in window):
            continue
        other = next((w for d, w in targets if d == digits and len(w) + len(window) > 2
                      and all(b in tgt for b in w)), None)
        if other is not None:
            for a in window:
                src.remove(a)
            for b in other:
                tgt.remove(b)
    return src, tgt


def _is_conversion(atom: _Atom, side: list[NumberMention], text: str) -> bool:
    """A number in brackets right after another measured number: "300 km (190 miles)"."""
    m = atom.mention
    for prev in side:
        if prev.end <= m.start and (prev.unit or m.unit) and prev.kind != "vague" and \
                _PAREN_AFTER_NUMBER.fullmatch(text[prev.end:m.start]):
            return True
    return False


def _unpaired_vague(src: list[NumberMention], tgt: list[NumberMention]
                    ) -> tuple[list[NumberMention], list[NumberMention]]:
    """Vague quantities left after pairing overlapping ones ("several" with عدة): only those
    can stand for a number on the other side."""
    tgt = list(tgt)
    left = []
    for a in src:
        b = next((b for b in tgt if a.values[0] < b.values[1] and b.values[0] < a.values[1]),
                 None)
        if b is None:
            left.append(a)
        else:
            tgt.remove(b)
    return left, tgt


def _covered_by_vague(atom: _Atom, vague: list[NumberMention]) -> bool:
    return any(v.values[0] <= atom.value <= v.values[1] for v in vague)


def _fmt(atom: _Atom) -> str:
    v = atom.value
    text = str(int(v)) if float(v).is_integer() else f"{v:g}"
    month = _month(atom.mention)
    return f"{text} ({month.replace('=', ' ')})" if month else text


class NumberMismatchCheck:
    name = "number_mismatch"

    def run(self, ctx: CheckContext) -> list[Finding]:
        findings: list[Finding] = []
        for link in ctx.report.links:
            if not link.is_null:
                findings.extend(self._pair(ctx, link))
        return findings

    def _side(self, ctx: CheckContext, name: str, ids: tuple[int, ...]
              ) -> tuple[list[_Atom], list[_Atom], list[NumberMention]]:
        """(reportable atoms, weak or conversion atoms, vague mentions) of one side of a link."""
        lang = ctx.src_lang if name == "src" else ctx.tgt_lang
        segments = ctx.side(name)
        strong: list[_Atom] = []
        excused: list[_Atom] = []
        vague: list[NumberMention] = []
        runs, run_pos, prev = 0, 0, None
        for seg_id in ids:
            seg = segments[seg_id]
            mentions = extract_numbers(seg.text, lang)
            for m in mentions:
                if m.kind == "vague":
                    vague.append(m)
                    continue
                group = len(m.values) == 1 and m.text.translate(DIGITS).isdigit()
                if group and prev is not None and prev[0] == seg_id and \
                        _GROUP_GAP.fullmatch(seg.text[prev[1]:m.start]):
                    run_pos += 1
                elif group:
                    runs, run_pos = runs + 1, 0
                prev = (seg_id, m.end) if group else None
                code = group and bool(_CODE_BEFORE.search(seg.text[:m.start])
                                      or _CODE_AFTER.match(seg.text[m.end:]))
                for v in m.values:
                    atom = _Atom(name, v, m, seg_id, seg.start, len(strong) + len(excused),
                                 runs if group else -1, run_pos, code)
                    if _is_conversion(atom, mentions, seg.text):
                        atom = dataclasses.replace(atom, conversion=True)
                    if m.weak or atom.conversion:
                        excused.append(atom)
                    else:
                        strong.append(atom)
        return strong, excused, vague

    def _pair(self, ctx: CheckContext, link: Link) -> list[Finding]:
        s_strong, s_excused, s_vague = self._side(ctx, "src", link.src)
        t_strong, t_excused, t_vague = self._side(ctx, "tgt", link.tgt)
        if not s_strong and not t_strong:
            return []
        # Strong numbers match each other first; excused ones may still absorb a leftover.
        p = ctx.params.get(NumberParams)
        s_left, t_left = _match(s_strong, t_strong, p)
        s_left, t_left = _match_identifiers(s_left, t_left, p.identifier_digits)
        s_left, t_excused = _match(s_left, t_excused, p)
        t_left, s_excused = _match(t_left, s_excused, p)
        s_conv, t_conv = _match([a for a in s_excused if a.conversion],
                                [b for b in t_excused if b.conversion], p)
        n = min(len(s_conv), len(t_conv))  # a conversion on both sides, not the same figure
        s_left, t_left = s_left + s_conv[:n], t_left + t_conv[:n]
        s_vague, t_vague = _unpaired_vague(s_vague, t_vague)
        s_left = [a for a in s_left if not _covered_by_vague(a, t_vague)]
        t_left = [b for b in t_left if not _covered_by_vague(b, s_vague)]
        # A number without counterpart may be spelled out in text whose words ran together,
        # where it cannot be read.
        glued = {"src": self._glued(ctx, "src", link.src, p.glued_run),
                 "tgt": self._glued(ctx, "tgt", link.tgt, p.glued_run)}
        findings = []
        for a, b in _pair_leftovers(s_left, t_left):
            alone = b if a is None else a if b is None else None
            if alone is not None and glued["tgt" if alone.side == "src" else "src"] and \
                    _spellable(alone, p.spellable_max):
                continue
            if alone is not None and alone.code:
                continue  # COVID-19 rendered as فيروس كورونا: a name, not a dropped figure
            findings.append(self._finding(link, a, b, p))
        return findings

    @staticmethod
    def _glued(ctx: CheckContext, name: str, ids: tuple[int, ...], run: int) -> bool:
        segments = ctx.side(name)
        return any(_glued_words(run).search(segments[i].text) for i in ids)

    def _finding(self, link: Link, a: _Atom | None, b: _Atom | None, p: NumberParams
                 ) -> Finding:
        spelled = any(x.mention.spelled for x in (a, b) if x is not None)
        if a is not None and b is not None:
            confidence = p.changed_spelled_confidence if spelled else p.changed_confidence
            if a.mention.approx or b.mention.approx:
                confidence -= p.hedged_penalty
            if _kind_class(a) != _kind_class(b):
                confidence -= p.kind_penalty
            severity = "critical" if confidence >= p.critical_confidence else "major"
            return Finding(
                kind="number_mismatch", severity=severity, confidence=confidence,
                src=link.src, tgt=link.tgt, missing_in=None,
                message=f"number {_fmt(a)} in src, {_fmt(b)} in tgt",
                evidence={"src": [a.span()], "tgt": [b.span()], "src_value": a.value,
                          "tgt_value": b.value})
        present = a if a is not None else b
        assert present is not None
        lacking = "tgt" if a is not None else "src"
        return Finding(
            kind="number_mismatch", severity="minor" if spelled else "major",
            confidence=p.dropped_spelled_confidence if spelled else p.dropped_confidence,
            src=link.src, tgt=link.tgt, missing_in=lacking,
            message=f"number {_fmt(present)} in {present.side}, missing in {lacking}",
            evidence={present.side: [present.span()], lacking: [],
                      f"{present.side}_value": present.value})


def _kind_class(atom: _Atom) -> str:
    """The kind as far as a change goes: counts, sums of money and years are one class (four
    bare digits read as a year may be a count: 1200 سيارة)."""
    kind = atom.mention.kind
    return "count" if kind in ("cardinal", "currency", "year") else kind


def _spellable(atom: _Atom, most: int) -> bool:
    """Whether the number may be written as a word on the other side."""
    m = atom.mention
    return m.spelled or (m.kind in ("cardinal", "ordinal") and float(atom.value).is_integer()
                         and 0 <= atom.value <= most)


def _pair_leftovers(src: list[_Atom], tgt: list[_Atom]
                    ) -> list[tuple[_Atom | None, _Atom | None]]:
    """Unmatched numbers facing each other are changes (paired in reading order, a percent only
    with a percent); the rest are one-sided."""
    pairs: list[tuple[_Atom | None, _Atom | None]] = []
    tgt = list(tgt)
    for a in src:
        cands = [b for b in tgt if (b.mention.kind == "percent") == (a.mention.kind == "percent")]
        if cands:
            b = cands[0]
            tgt.remove(b)
            pairs.append((a, b))
        else:
            pairs.append((a, None))
    pairs.extend((None, b) for b in tgt)
    return pairs


@register_check("number_mismatch", params=NumberParams, order=3,
                style=Style("black on yellow", "#e0a800", "rgba(255, 200, 0, 0.40)"))
def number_mismatch() -> NumberMismatchCheck:
    return NumberMismatchCheck()
