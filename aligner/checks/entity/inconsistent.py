"""inconsistent_entity: one English name written in different Arabic forms in one document.

A reader (and a search index) should see a name spelled one way: ألبوكمال in one paragraph and
ألبو كمال in the next is a consistency slip. Forms are compared after normalisation, clitics and
the article are set aside (بألبوكمال, ألبوكمال and البوكمال are one form). Names from the exonym
table are skipped: their accepted renderings legitimately vary (الحرس, الحرس الثوري). So are
the inflections of a people-name or adjective (البريطاني, البريطانيين, البريطانية for Britons,
which spaCy may tag as a person): Arabic inflects a nisba for number and gender, which is
grammar, not a spelling slip.
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
                seg = ar_segs[j]
                span = Span(ar_name, j, seg.start + m.start, seg.start + m.end, m.text)
                groups.setdefault(_name_key(loc.entity.text), []).append(
                    (loc.entity.text, _form_key(m.text), span, link.src, link.tgt))
        findings = []
        for places in groups.values():
            forms: dict[str, str] = {}
            for _, key, span, _, _ in places:
                forms.setdefault(key, span.text)
            if len(forms) < 2:
                continue
            spans = list({(p[2].segment, p[2].start): p[2] for p in places}.values())
            counts = {text: sum(1 for p in places if p[1] == key) for key, text in forms.items()}
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
