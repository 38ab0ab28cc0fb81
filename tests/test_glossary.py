"""The glossary (CSV, TSV, TBX) and the term_mismatch check it turns on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_side
from typer.testing import CliRunner

from aligner.checks.run import run_checks
from aligner.cli import app
from aligner.corpus.tasks import WorkConfig
from aligner.glossary import Glossary, Term, read_glossary
from aligner.pipeline import check_report
from aligner.records import AlignerError, Link, Report

GLOSSARY = ("en,ar,severity\n"
            "Foreign Ministry|Ministry of Foreign Affairs,وزارة الخارجية,\n"
            "militia,ميليشيا|مليشيا,minor\n"
            "refugee,لاجئ,critical\n")


def _glossary(tmp_path: Path, text: str = GLOSSARY, name: str = "terms.csv") -> Glossary:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_glossary(path)


def _report(en: list[str], ar: list[str]) -> Report:
    links = [Link((i,), (i,), 0.9) for i in range(len(en))]
    return Report({"tool": "aligner", "version": "test", "embedder": "fake", "params": {}},
                  make_side("en.txt", "en", en), make_side("ar.txt", "ar", ar), links)


def test_csv_tsv_and_tbx_glossaries_read_the_same_terms(tmp_path: Path) -> None:
    csv_terms = _glossary(tmp_path)
    assert csv_terms.terms[0] == Term(("Foreign Ministry", "Ministry of Foreign Affairs"),
                                      ("وزارة الخارجية",), "major")
    assert [t.severity for t in csv_terms.terms] == ["major", "minor", "critical"]
    tsv = _glossary(tmp_path, GLOSSARY.replace(",", "\t"), "terms.tsv")
    assert tsv.terms == csv_terms.terms and tsv.digest == csv_terms.digest
    tbx = _glossary(tmp_path, _tbx([(["Foreign Ministry", "Ministry of Foreign Affairs"],
                                     ["وزارة الخارجية"]), (["militia"], ["ميليشيا", "مليشيا"]),
                                    (["refugee"], ["لاجئ"])]), "terms.tbx")
    assert [(t.en, t.ar) for t in tbx.terms] == [(t.en, t.ar) for t in csv_terms.terms]
    changed = _glossary(tmp_path, GLOSSARY.replace("لاجئ", "نازح"), "other.csv")
    assert changed.digest != csv_terms.digest


def _tbx(entries: list[tuple[list[str], list[str]]], langs: tuple[str, str] = ("en", "ar-SY"),
         ) -> str:
    body = "".join(
        f'<termEntry id="t{n}">'
        + "".join(f'<langSet xml:lang="{lang}">'
                  + "".join(f"<tig><term>{t}</term></tig>" for t in terms) + "</langSet>"
                  for lang, terms in zip(langs, (en, ar), strict=True))
        + "</termEntry>" for n, (en, ar) in enumerate(entries))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">'
            "<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc>"
            f"</martifHeader><text><body>{body}</body></text></martif>\n")


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("g.csv", "english,arabic\nFood,غذاء\n", "needs columns 'en' and 'ar'"),
    ("g.csv", "", "needs columns 'en' and 'ar'"),
    ("g.csv", "en,ar\n", "holds no terms"),
    ("g.csv", "en,ar\nFood,\n", "line 2: a term needs both"),
    ("g.csv", "en,ar,severity\nFood,غذاء,fatal\n", "line 2: severity 'fatal'"),
    ("g.tbx", _tbx([(["food"], ["nourriture"])], ("en", "fr")), "no Arabic at all"),
    ("g.tbx", _tbx([(["غذاء"], ["nourriture"])], ("ar", "fr")), "no English at all"),
    ("g.tbx", "<martif><text><body><termEntry>", "not a TBX glossary"),
])
def test_bad_glossary_is_one_error_naming_the_file(tmp_path: Path, name: str, text: str,
                                                   problem: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AlignerError) as info:
        read_glossary(path)
    assert info.value.path == str(path) and problem in info.value.problem
    assert "\n" not in str(info.value)


def test_a_replaced_term_is_caught_in_both_directions(tmp_path: Path) -> None:
    report = _report(
        ["The Foreign Ministry condemned the attack.",
         "The Interior Ministry said the refugees were safe."],
        ["وأدانت وزارة الداخلية الهجوم.",
         "وقالت وزارة الخارجية إن النازحين بأمان."])
    found = run_checks(report, only=["term_mismatch"], glossary=_glossary(tmp_path))
    got = sorted((f.src, f.missing_in, f.severity, f.evidence["span"].text) for f in found)
    assert got == [((0,), "tgt", "major", "Foreign Ministry"),  # English term, not in Arabic
                   ((1,), "src", "major", "وزارة الخارجية"),  # Arabic term, not in English
                   ((1,), "tgt", "critical", "refugees")]  # the severity column says critical
    for f in found:
        span = f.evidence["span"]
        text = (report.src if span.side == "src" else report.tgt).document.text
        assert text[span.start:span.end] == span.text
    assert "وزارة الخارجية" in next(f.message for f in found if f.src == (0,))


def test_inflected_correct_renderings_stay_quiet(tmp_path: Path) -> None:
    report = _report(
        ["The Foreign Ministry's spokesman spoke.",
         "Militias stormed the houses of refugees.",
         "He met the Ministry of Foreign Affairs and the militia.",
         "Two refugees arrived; no militia fired."],
        ["وتحدث المتحدث باسم وزارة الخارجيّة.",
         "واقتحمت الميليشيات منازل اللاجئين.",
         "والتقى بوزارة الخارجية وبالمليشيا.",
         "ووصل لاجئان ولم تطلق أي ميليشيا النار."])
    assert run_checks(report, only=["term_mismatch"], glossary=_glossary(tmp_path)) == []
    assert run_checks(report, only=["term_mismatch"]) == []  # no glossary, no check


HEADS = ("en,ar\n"
         "health ministry|ministry of health,وزارة الصحة\n"
         "foreign minister,وزير الخارجية\n")


@pytest.mark.parametrize(("en", "ar"), [
    # the head noun inflected: the first word of the Arabic term, of "ministry of health"
    ("The health ministries of both countries met.", "واجتمعت وزارتا الصحة في البلدين."),
    ("He thanked the ministry of health.", "وقدم الشكر لوزارة الصحة."),
    ("Ministries of health in the region agreed.", "واتفقت وزارات الصحة في المنطقة."),
    ("The ministry of health and the army agreed.", "واتفق الجيش ووزارة الصحة."),
    ("The foreign ministers' meeting ended.", "وانتهى اجتماع وزيري الخارجية."),
    ("The two foreign ministers met.", "واجتمع وزيرا الخارجية."),
    ("The Foreign Minister spoke.", "وتحدثت وزيرة الخارجية."),
])
def test_a_term_inflected_on_its_first_word_matches_both_ways(tmp_path: Path, en: str,
                                                              ar: str) -> None:
    terms = _glossary(tmp_path, HEADS)
    assert run_checks(_report([en], [ar]), only=["term_mismatch"], glossary=terms) == []


@pytest.mark.parametrize(("en", "ar", "missing_in", "span"), [
    ("The health ministries of both countries met.", "واجتمعت وزارتا الداخلية في البلدين.",
     "tgt", "health ministries"),
    ("Ministries of health in the region agreed.", "واتفقت وزارات الداخلية في المنطقة.",
     "tgt", "Ministries of health"),
    ("The foreign ministers' meeting ended.", "وانتهى اجتماع وزيري الداخلية.",
     "tgt", "foreign ministers"),
    ("The interior ministries met.", "واجتمعت وزارتا الصحة.", "src", "وزارتا الصحة"),
    ("The interior ministers met.", "واجتمع وزيرا الخارجية.", "src", "وزيرا الخارجية"),
    ("He thanked the interior ministry.", "وقدم الشكر لوزارة الصحة.", "src", "لوزارة الصحة"),
])
def test_a_replaced_term_inflected_on_its_first_word_is_caught(
        tmp_path: Path, en: str, ar: str, missing_in: str, span: str) -> None:
    terms = _glossary(tmp_path, HEADS)
    [found] = run_checks(_report([en], [ar]), only=["term_mismatch"], glossary=terms)
    assert (found.missing_in, found.evidence["span"].text) == (missing_in, span)


def test_glossary_hash_is_in_the_signature_and_the_run_key(tmp_path: Path) -> None:
    terms = _glossary(tmp_path)
    report = check_report(_report(["A militia."], ["ميليشيا."]), None, glossary=terms)
    assert report.signature["glossary"] == terms.digest
    assert f"glossary:{terms.digest}" in report.signature["string"]
    other = _glossary(tmp_path, GLOSSARY.replace("minor", "major"), "other.csv")
    keys = {WorkConfig().key(), WorkConfig(glossary=terms).key(),
            WorkConfig(glossary=other).key()}
    assert len(keys) == 3
    assert WorkConfig(check=False, glossary=terms).key() == WorkConfig(check=False).key()


def test_check_cli_with_glossary_and_bad_glossary(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("The Foreign Ministry condemned the attack on the city.\n"
                  "Militias stormed the houses and turned them into military posts.\n",
                  encoding="utf-8")
    ar.write_text("وأدانت وزارة الداخلية الهجوم على المدينة.\n"
                  "واقتحمت الميليشيات المنازل وحولتها إلى مراكز عسكرية.\n", encoding="utf-8")
    terms = tmp_path / "terms.csv"
    terms.write_text(GLOSSARY, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(en), str(ar), "--presegmented",
                                      "--glossary", str(terms), "--json", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [term] = [f for f in data["findings"] if f["kind"] == "term_mismatch"]
    assert (term["src"], term["missing_in"], term["evidence"]["span"]["text"]) == (
        [0], "tgt", "Foreign Ministry")
    assert data["signature"]["glossary"] == read_glossary(terms).digest
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\ttranslation\nFood\tغذاء\n", encoding="utf-8")
    refused = CliRunner().invoke(app, ["check", str(en), str(ar), "--glossary", str(bad)])
    assert refused.exit_code == 2
    assert str(bad) in refused.output and "'en' and 'ar'" in refused.output
    assert len(refused.output.strip().splitlines()) == 1


def test_a_rendering_in_another_script_is_looked_for_as_written(tmp_path: Path) -> None:
    terms = _glossary(tmp_path, "en,ar\nIRGC,الحرس الثوري|IRGC\n5G,الجيل الخامس|5G\n")
    report = _report(["IRGC militias moved in.", "The IRGC left.", "A 5G network."],
                     ["تحركت ميليشيات IRGC.", "وغادر الحرس.", "شبكة 5G."])
    found = run_checks(report, only=["term_mismatch"], glossary=terms)
    assert [(f.src, f.missing_in) for f in found] == [((1,), "tgt")]


def test_a_term_mismatch_does_not_hide_a_length_outlier(tmp_path: Path) -> None:
    terms = _glossary(tmp_path)
    en = [f"The city council met on day {n} and approved the new budget for the schools."
          for n in range(8)]
    ar = [f"اجتمع مجلس المدينة في اليوم {n} ووافق على الميزانية الجديدة للمدارس." for n in range(8)]
    en[3] = ("The Foreign Ministry said the city council met again on that day and approved "
             "the new budget for the schools, the hospitals, the roads and the water network.")
    ar[3] = "وقالت وزارة الداخلية."
    report = _report(en, ar)
    report.links[3] = Link((3,), (3,), 0.5)  # the outlier resembles its counterpart less
    found = run_checks(report, only=["term_mismatch", "length_ratio"], glossary=terms)
    assert sorted((f.kind, f.src) for f in found) == [("length_ratio", (3,)),
                                                      ("term_mismatch", (3,))]


def test_run_with_a_glossary_redoes_the_pairs_when_it_changes(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              ) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("The Foreign Ministry condemned the attack on the city.\n"
                  "Militias stormed the houses and turned them into military posts.\n",
                  encoding="utf-8")
    ar.write_text("وأدانت وزارة الداخلية الهجوم على المدينة.\n"
                  "واقتحمت الميليشيات المنازل وحولتها إلى مراكز عسكرية.\n", encoding="utf-8")
    manifest, terms, out = tmp_path / "list.csv", tmp_path / "terms.csv", tmp_path / "out"
    manifest.write_text(f"ar,en\n{ar},{en}\n", encoding="utf-8")
    terms.write_text(GLOSSARY, encoding="utf-8")
    args = ["run", str(manifest), "--out", str(out), "-j", "1", "--no-html", "--format", "jsonl",
            "--glossary", str(terms)]

    def kinds() -> list[str]:
        [report] = (out / "reports").glob("*.json")
        return [f["kind"] for f in json.loads(report.read_text(encoding="utf-8"))["findings"]]

    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "term_mismatch" in kinds()
    again = CliRunner().invoke(app, args)
    assert "reused 1" in again.output
    terms.write_text(GLOSSARY.replace("وزارة الخارجية", "وزارة الخارجية|وزارة الداخلية"),
                     encoding="utf-8")
    changed = CliRunner().invoke(app, args)
    assert changed.exit_code == 0, changed.output
    assert "aligned 1 pair(s)" in changed.output and "term_mismatch" not in kinds()
