"""inconsistent_entity: one English name written in different Arabic forms in one document.

A reader (and a search index) should see a name spelled one way: ألبوكمال in one paragraph and
ألبو كمال in the next is a consistency slip. Forms are compared after normalisation, clitics and
the article are set aside (بألبوكمال, ألبوكمال and البوكمال are one form). Names from the exonym
table are skipped: their accepted renderings legitimately vary (الحرس, الحرس الثوري). So are
the inflections of a people-name or adjective (البريطاني, البريطانيين, البريطانية for Britons,
which spaCy may tag as a person): Arabic inflects a nisba for number and gender, which is
grammar, not a spelling slip. Nor are a country and its nisba (منغوليا, المنغولية), a
proclitic the matcher left on (ببولونيا, للوثر), or the name left in Latin letters in the
Arabic (a quoted title, not a second spelling).
"""

from __future__ import annotations

import re

from aligner.arabic.names import exonym_forms
from aligner.arabic.normalize import match_key
from aligner.checks.base import CheckContext, register_check
from aligner.checks.entity.locate import english_arabic_sides, locate_all
from aligner.records import Finding, Span
from aligner.registry import Style

#: Plural and feminine endings of a nisba (بريطانيين, بريطانيون, بريطانية → بريطاني), in
#: ``match_key`` form, where ة is already ه.
_NISBA_INFLECTION = re.compile("ي(?:ين|ون|ه)$")
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_ARABIC_LETTER = re.compile("[\u0621-\u064A]")
# prepositions a matched span may have taken in from the text beside the name ('أرسطو على')
# and negation particles ('نيوكاسل لا')
_FUNCTION_WORDS = frozenset(("على", "علي", "في", "من", "الى", "إلى", "عن", "مع", "لا", "لم",
                             "لن"))


def _core(key: str) -> str:
    """A form key without function words at its edges (the name itself, if any is left)."""
    words = key.split()
    while len(words) > 1 and words[-1] in _FUNCTION_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _same_form(a: str, b: str) -> bool:
    """Whether two form keys are one spelling: the same, one with a proclitic the other lacks
    (ببولونيا, بولونيا), or a country or people and its nisba (منغوليا, منغولي; نورمان,
    نورماني)."""
    a, b = _core(a), _core(b)
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if any(x == c + y for c in _PROCLITICS) and len(y) >= 3:
            return True
        # a people and its nisba (النورمان, النورمانيين: نورماني once the plural is folded)
        if (x == y + "ا" and y.endswith("ي")) or (x == y + "ي" and len(y) >= 4) or (
                x[:-1] == y[:-1] and len(x) > 3 and (x[-1], y[-1]) == ("ا", "ي")):
            return True
    return False


def _spellings(keys: list[str]) -> list[list[str]]:
    """The form keys grouped into distinct spellings (``_same_form`` joins, transitively)."""
    groups: list[list[str]] = []
    for key in keys:
        joined = [g for g in groups if any(_same_form(key, k) for k in g)]
        merged = [key] + [k for g in joined for k in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _form_key(arabic: str) -> str:
    return _NISBA_INFLECTION.sub("ي", match_key(arabic))


def _name_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"^(?:al|el)[- ]", "", text.lower())))


class InconsistentEntityCheck:
    name = "inconsistent_entity"

    def run(self, ctx: CheckContext) -> list[Finding]:
        sides = english_arabic_sides(ctx)
        if not sides:
            return []
        ar_name = sides[1]
        ar_segs = ctx.side(ar_name)
        groups: dict[str, list[tuple[str, str, Span, tuple[int, ...], tuple[int, ...]]]] = {}
        for link, locs in locate_all(ctx):
            for loc in locs:
                m, j = loc.match, loc.ar_seg
                if m is None or j is None or loc.partial or exonym_forms(loc.entity.text):
                    continue
                if not _ARABIC_LETTER.search(m.text):
                    continue  # left in Latin letters: a quoted title, not a spelling
                seg = ar_segs[j]
                span = Span(ar_name, j, seg.start + m.start, seg.start + m.end, m.text)
                groups.setdefault(_name_key(loc.entity.text), []).append(
                    (loc.entity.text, _form_key(m.text), span, link.src, link.tgt))
        findings = []
        for places in groups.values():
            forms: dict[str, str] = {}
            for _, key, span, _, _ in places:
                forms.setdefault(key, span.text)
            spellings = _spellings(list(forms))
            if len(spellings) < 2:
                continue
            spans = list({(p[2].segment, p[2].start): p[2] for p in places}.values())
            counts = {forms[group[-1]]: sum(1 for p in places if p[1] in group)
                      for group in spellings}
            forms = {group[-1]: forms[group[-1]] for group in spellings}
            listed = ", ".join(f"'{t}' ×{n}" for t, n in counts.items())
            findings.append(Finding(
                kind=self.name, severity="minor", confidence=0.8,
                src=tuple(sorted({i for p in places for i in p[3]})),
                tgt=tuple(sorted({i for p in places for i in p[4]})),
                missing_in=None,
                message=f"'{places[0][0]}' is written in {len(forms)} forms: {listed}",
                evidence={"entity": places[0][0], "forms": list(forms.values()),
                          "places": spans}))
        return findings


@register_check("inconsistent_entity", order=5,
                style=Style("black on medium_purple1", "#6f5cff", "rgba(111, 92, 255, 0.22)"))
def _make() -> InconsistentEntityCheck:
    return InconsistentEntityCheck()
