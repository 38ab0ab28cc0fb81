"""untranslated: source text left in the target, but not names, URLs or numbers."""

from __future__ import annotations

from conftest import make_side

from aligner.checks.base import CheckContext
from aligner.checks.untranslated import UntranslatedCheck
from aligner.records import Finding, Link, Report

EN = ["Civilian buses also crossed over from Iraq, he added.",
      "The IRGC has used civilian trucks to smuggle weapons into Albu Kamal.",
      "Photo courtesy of Eye of the Euphrates Facebook page.",
      "Read more at https://diyaruna.com/en_GB/articles/cnmi_di/features/2020/06/01/feature-01"]
AR = ["واستدرك أن حافلات مدنية عبرت أيضًا من العراق.",
      "الحرس الثوري الإيراني استخدم شاحنات مدنية لتهريب الأسلحة إلى مدينة ألبوكمال.",
      "حقوق الصورة لصفحة Eye of the Euphrates على فيسبوك.",
      "اقرأ المزيد على https://diyaruna.com/ar/articles/cnmi_di/features/2020/06/01/feature-01"]


def _run(src: list[str], tgt: list[str], src_lang: str,
         tgt_lang: str) -> tuple[Report, list[Finding]]:
    report = Report({}, make_side("s.txt", src_lang, src), make_side("t.txt", tgt_lang, tgt),
                    [Link((i,), (i,), 0.9) for i in range(len(src))])
    return report, UntranslatedCheck().run(CheckContext(report))


def test_quiet_on_names_urls_and_numbers_in_both_orders() -> None:
    assert _run(EN, AR, "en", "ar")[1] == []
    assert _run(AR, EN, "ar", "en")[1] == []
    assert _run(["In 2020, 1500 people left."], ["١٥٠٠ / 1500 - 2020 NATO IRGC"], "en",
                "ar")[1] == []


def test_english_sentence_left_in_arabic_target() -> None:
    report, findings = _run(EN, [AR[0], EN[1], AR[2], AR[3]], "en", "ar")
    (f,) = findings
    assert (f.kind, f.severity, f.src, f.tgt, f.missing_in) == ("untranslated", "major", (1,),
                                                                (1,), "tgt")
    assert f.evidence["whole_segment"] is True
    span = f.evidence["span"]
    assert report.tgt.document.text[span.start:span.end] == EN[1]
    assert 0 <= f.confidence <= 1


def test_arabic_passage_left_inside_english_target() -> None:
    mixed = "Civilian buses also crossed over, " + AR[1]
    report, findings = _run(AR, [EN[0], mixed, EN[2], EN[3]], "ar", "en")
    (f,) = findings
    assert f.tgt == (1,)
    span = f.evidence["span"]
    assert report.tgt.document.text[span.start:span.end] in mixed
    assert "الحرس الثوري" in span.text


def test_long_english_run_inside_arabic_sentence() -> None:
    mixed = AR[0] + " The IRGC has used civilian trucks to smuggle weapons into Albu Kamal."
    _, findings = _run(EN[:1], [mixed], "en", "ar")
    (f,) = findings
    assert f.evidence["whole_segment"] is False
    assert f.evidence["span"].text.startswith("The IRGC has used")


def test_a_quotation_in_a_third_language_is_not_left_untranslated() -> None:
    """A Latin motto, or a Persian verse, quoted as the source quotes it with its rendering
    beside it, is no source text left in the target, whichever side is the source; an English
    run of the same place still is."""
    latin = "dum spiro spero atque in tenebris lux lucet semper"
    en = f'The family motto, "{latin}" ("while I breathe, I hope"), was carved above the gate.'
    ar = (f'نُقش شعار العائلة " {latin}" ("ما دمت أتنفس فإنني آمل") فوق البوابة.')
    assert _run([en], [ar], "en", "ar")[1] == []
    english = "while I breathe I hope and the light always shines"
    (f,) = _run([en], [ar.replace(latin, english)], "en", "ar")[1]
    assert f.evidence["span"].text.startswith("while I breathe")
    persian = "بنی آدم اعضای یکدیگرند که در آفرینش ز یک گوهرند"
    ar_src = f'وكتب سعدي: "{persian}" (بنو آدم أعضاء بعضهم لبعض).'
    en_tgt = f'Saadi wrote: "{persian}" (the children of Adam are limbs of one another).'
    assert _run([ar_src], [en_tgt], "ar", "en")[1] == []
