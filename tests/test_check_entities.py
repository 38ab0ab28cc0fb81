"""entity_mismatch and inconsistent_entity on hand-made pairs and on the seed article pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.checks.base import CheckContext, get_check
from aligner.checks.entity import EntityParams
from aligner.ner import english_entities
from aligner.records import Document, Finding, Link, Report, Segment, Side

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"

EN = [
    "Iran-aligned militias dominate in Albu Kamal",
    "By Waleed Abu al-Khair in Cairo",
    "Iran-aligned militias have achieved dominance in the eastern province of Deir Ezzor, "
    "Albu Kamal media activist Ayham al-Ali told Diyaruna.",
    "The Syrian regime's influence has declined in this area, he said.",
    "The remaining regime forces occupy residences in Albu Kamal's al-Katf district, he said.",
    "The militias expelled Liwa al-Quds militiamen, who had switched allegiance to Russia, "
    "al-Ali said.",
]
AR = [
    "الميليشيات المتحالفة مع إيران تهيمن على ألبوكمال",
    "وليد أبو الخير من القاهرة",
    "حيث ذكر الناشط الإعلامي أيهم العلي، وهو من ألبوكمال، في حديث لديارنا أن الميليشيات "
    "المتحالفة مع إيران حققت الهيمنة على محافظة دير الزور الشرقية.",
    "وأوضح أن نفوذ النظام السوري قد تراجع في هذه المنطقة.",
    "وأشار إلى أن ما تبقى من قوات النظام تستخدم بعض المساكن في حي كتف بألبو كمال.",
    "وتابع أن الميليشيات طردت عناصر لواء القدس الذي نقل ولائه إلى الروس.",
]


def _side(lang: str, lines: list[str]) -> Side:
    text = "\n\n".join(lines)
    segs: list[Segment] = []
    pos = 0
    for line in lines:
        segs.append(Segment(line, pos, pos + len(line), paragraph=len(segs)))
        pos += len(line) + 2
    return Side(Document(f"doc.{lang}", lang, text), tuple(segs))


def _report(src_lang: str, en: list[str], ar: list[str]) -> Report:
    """A 1-1 report; Arabic is the source when ``src_lang`` is "ar"."""
    s, t = (ar, en) if src_lang == "ar" else (en, ar)
    src = _side(src_lang, s)
    tgt = _side("en" if src_lang == "ar" else "ar", t)
    return Report({}, src, tgt, [Link((i,), (i,), 0.9) for i in range(len(en))])


def _run(name: str, report: Report) -> list[Finding]:
    return get_check(name).run(CheckContext(report))


def _assert_spans_match_document(report: Report, finding: Finding) -> None:
    for value in finding.evidence.values():
        for span in value if isinstance(value, list) else [value]:
            if hasattr(span, "side"):
                side = report.src if span.side == "src" else report.tgt
                assert side.document.text[span.start:span.end] == span.text
                seg = side.segments[span.segment]
                assert seg.start <= span.start <= span.end <= seg.end


def test_ner_keeps_names_and_skips_adjectives() -> None:
    ents = english_entities("The Syrian regime lost ground to Ayham al-Ali's men in Albu Kamal.")
    texts = {e.text for e in ents}
    assert "Syrian" not in texts
    assert {"Ayham al-Ali", "Albu Kamal"} <= texts
    for e in ents:
        assert "The Syrian regime lost ground to Ayham al-Ali's men in Albu Kamal."[
            e.start:e.end] == e.text


@pytest.mark.parametrize("src_lang", ["ar", "en"])
def test_correct_translation_is_quiet(src_lang: str) -> None:
    assert _run("entity_mismatch", _report(src_lang, EN, AR)) == []


@pytest.mark.parametrize("src_lang", ["ar", "en"])
def test_swapped_person_name_is_critical(src_lang: str) -> None:
    ar = [line.replace("أيهم العلي", "محمد الحسن") for line in AR]
    report = _report(src_lang, EN, ar)
    # the later "al-Ali said" (a pronoun in the Arabic) is also unrendered now: the surname
    # appears nowhere in the Arabic any more
    found = [f for f in _run("entity_mismatch", report) if f.src == (2,)]
    assert len(found) == 1
    f = found[0]
    assert f.kind == "entity_mismatch" and f.severity == "critical"
    assert f.src == (2,) and f.tgt == (2,)
    assert "Ayham al-Ali" in f.message
    assert f.evidence["arabic"].text == "محمد الحسن"
    _assert_spans_match_document(report, f)


def test_swapped_place_in_english_is_reported() -> None:
    en = [line.replace("Cairo", "Baghdad") for line in EN]
    report = _report("ar", en, AR)
    found = _run("entity_mismatch", report)
    assert [(f.src, f.evidence["entity"].text) for f in found] == [((1,), "Baghdad")]
    assert found[0].severity in ("major", "critical")
    _assert_spans_match_document(report, found[0])


def test_swapped_place_in_arabic_is_reported() -> None:
    ar = [line.replace("دير الزور", "حمص") for line in AR]
    found = _run("entity_mismatch", _report("ar", EN, ar))
    assert [f.src for f in found] == [(2,)]
    assert "Deir Ezzor" in found[0].message


def test_inconsistent_forms_reported_once_with_all_places() -> None:
    report = _report("ar", EN, AR)
    found = _run("inconsistent_entity", report)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "minor" and "Albu Kamal" in f.message
    assert sorted(f.evidence["forms"]) == sorted(["ألبوكمال", "ألبو كمال"])
    assert [s.segment for s in f.evidence["places"]] == [0, 2, 4]
    _assert_spans_match_document(report, f)


def test_clitic_variants_are_consistent() -> None:
    ar = [line.replace("بألبو كمال", "بألبوكمال") for line in AR]
    assert _run("inconsistent_entity", _report("ar", EN, ar)) == []


def test_inflected_people_names_are_not_inconsistent() -> None:
    en = ["Labour denies a plan for Britons to work a four day week",
          "The party's plan would see Britons working a four day week."]
    ar = ["حزب العمال ينفي وضع خطة للشعب البريطاني للعمل أربعة أيام أسبوعيًا",
          "خطة الحزب ستجعل البريطانيين يعملون أربعة أيام أسبوعيًا."]
    assert _run("inconsistent_entity", _report("en", en, ar)) == []


def _seed_report(ar_text: str | None = None) -> Report:
    """The seed pair, one segment per non-empty line, linked line by line (they correspond)."""
    def side(path: Path, lang: str, text: str | None) -> Side:
        text = text if text is not None else path.read_text(encoding="utf-8")
        segs, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                segs.append(Segment(line, pos, pos + len(line)))
            pos += len(line) + 1
        return Side(Document(path.name, lang, text), tuple(segs))

    ar = side(next(SEEDS.glob("004_*.txt")), "ar", ar_text)
    en = side(next(SEEDS.glob("000_*.txt")), "en", None)
    assert len(ar.segments) == len(en.segments)
    return Report({}, ar, en, [Link((i,), (i,), 0.9) for i in range(len(ar.segments))])


def test_seed_pair_has_no_entity_mismatch_and_one_inconsistency() -> None:
    report = _seed_report()
    assert _run("entity_mismatch", report) == []
    incons = _run("inconsistent_entity", report)
    assert len(incons) == 1 and "Albu Kamal" in incons[0].message


def test_seed_pair_with_swapped_name() -> None:
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    report = _seed_report(text.replace("أيهم العلي", "محمد الحسن"))
    found = _run("entity_mismatch", report)
    assert len(found) == 1 and "Ayham al-Ali" in found[0].message
    _assert_spans_match_document(report, found[0])


def test_foreign_name_in_place_of_a_surname_is_critical() -> None:
    en = ["The match was won by Kevin Anderson in London."]
    ar = ["فاز باتريك ميلر بالمباراة في لندن."]
    found = _run("entity_mismatch", _report("en", en, ar))
    assert [f.severity for f in found] == ["critical"]
    assert "Kevin Anderson" in found[0].message


def _pair(en: str, ar: str, src_lang: str = "en") -> list[Finding]:
    return _run("entity_mismatch", _report(src_lang, [en], [ar]))


@pytest.mark.parametrize("src_lang", ["ar", "en"])
def test_changed_first_name_beside_the_kept_surname(src_lang: str) -> None:
    en = ("But Melrose began the second half well and Kevin Anderson's try, converted by "
          "Baggot, reduced the leeway to five points.")
    ar = ("لكن بدأ ميلروز الشوط الثاني بشكل جيد، وقلّلت محاولة {} أندرسون، التي حولها "
          "باجوت، الفارق إلى خمس نقاط.")
    assert _pair(en, ar.format("كيفن"), src_lang) == []
    found = _pair(en, ar.format("باتريك"), src_lang)
    assert len(found) == 1 and found[0].severity == "critical"
    assert found[0].evidence["arabic"].text == "باتريك"


def test_changed_middle_name_not_in_any_list() -> None:
    en = 'Paul Mills-Hicks, Sainsbury\'s commercial director, said: "We have changed."'
    ar = 'وقال بول {} هيكس، المدير التجاري لسينسبري: "لقد تغيرنا".'
    assert _pair(en, ar.format("ميلز")) == []
    found = _pair(en, ar.format("ستيفنز"))
    assert [f.evidence["arabic"].text for f in found] == ["ستيفنز"]


def test_swap_missed_by_ner_found_through_a_known_personal_name() -> None:
    en = "Other car makers have raised fears, including Honda, BMW and Jaguar Land Rover."
    ar = "وأثارت شركات السيارات الأخرى مخاوف، بما في ذلك هوندا وبي إم دبليو وجاغوار لاند روفر."
    assert _pair(en, ar) == []
    assert len(_pair(en.replace("Honda", "Alfredo"), ar)) == 1


def test_short_and_long_forms_and_translated_words_are_quiet() -> None:
    # a nickname (Livi for Livingston), a stop word that looks like a name (and ≈ هوندا),
    # capitalised ordinary words beside words that name lists also hold (كرات, ميلاً)
    assert _pair("While Livi's opener was against the run of play, they deserved it.",
                 "على الرغم من أن هدف ليفينغستون الافتتاحي جاء عكس مجرى اللعب، فقد استحقوه.") == []
    assert _pair("Rosa had winds of 85 mph, a Category 1 Hurricane, as of Sunday.",
                 "ويصاحب إعصار روزا رياح بسرعة 85 ميلاً في الساعة، وهو إعصار من الفئة 1.") == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_name_swapped_where_the_english_name_was(src_lang: str) -> None:
    # a personal name in place of a country: NER calls it a person, the Arabic has a place
    en = ["The vote was set up to resolve a decades-long dispute with neighboring Heinrich, "
          "which has its own province called Macedonia."]
    ar = ["وقد تم إعداد هذا التصويت في محاولة لحل نزاع دام لعقود مع دولة اليونان المجاورة "
          "والتي تمتلك مقاطعة خاصة بها تسمى مقدونيا."]
    findings = _run("entity_mismatch", _report(src_lang, en, ar))
    assert [f.evidence["arabic"].text for f in findings] == ["اليونان"]
    correct = ["وقد تم إعداد هذا التصويت في محاولة لحل نزاع دام لعقود مع دولة اليونان المجاورة "
               "والتي تمتلك مقاطعة خاصة بها تسمى مقدونيا."]
    assert not _run("entity_mismatch", _report(src_lang, [en[0].replace("Heinrich", "Greece")],
                                               correct))


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "kept", "swapped"), [
    # Ford is rendered فورد: it does not also explain فرديناند
    ("The committee heard Christine Ford and her lawyer Michael Bromwich on Thursday.",
     "استمعت اللجنة إلى {} فورد ومحاميها مايكل بروميتش يوم الخميس.", "كريستين", "فرديناند"),
    # a tagged name with a single strong consonant
    ("Security footage showed Yuan entering the market at dawn to feed his pigs.",
     "وأظهرت لقطات الأمن أن {} دخل السوق فجرا لإطعام خنازيره.", "يوان", "لورين"),
    # وصولاً shares its first consonants with Sultan but is no short form of it
    ("The goalkeeper Sultan Kelly was largely untroubled until the break.",
     "وصولاً إلى الاستراحة لم يتعرض حارس المرمى {} كيلي لأي تهديد يذكر.", "سلطان", "ليام"),
])
def test_swapped_name_beside_competing_renderings(src_lang: str, en: str, ar: str, kept: str,
                                                  swapped: str) -> None:
    assert _pair(en, ar.format(kept), src_lang) == []
    found = _pair(en, ar.format(swapped), src_lang)
    assert [f.evidence["arabic"].text for f in found] == [swapped]
    assert found[0].severity == "critical"


def test_lower_case_words_explain_only_close_renderings() -> None:
    # "comedian" is rendered (run into the word before it); "back" is no rendering of باكر
    en = "He passed the ball back to Mathew Ryan, the comedian said."
    assert _pair(en, "مرر الكرة إلى ماثيو رايان، كما قال أنالكوميديان.") == []
    found = _pair(en, "مرر الكرة إلى ماثيو باكر، كما قال أنالكوميديان.")
    assert [f.evidence["arabic"].text for f in found] == ["باكر"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_rare_name_in_place_of_a_tagged_name(src_lang: str) -> None:
    en = "The referendum was deemed illegal by Madrid but celebrated by separatists."
    ar = "الاستفتاء الذي اعتبرته {} غير قانوني احتفل به الانفصاليون."
    assert _pair(en, ar.format("مدريد"), src_lang) == []
    found = _pair(en, ar.format("فرنسوا"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["فرنسوا"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_later_mention_of_a_name_tagged_earlier(src_lang: str) -> None:
    # NER tags Maxine Waters but not the later bare "Waters"; it is still a name
    en = ["On Friday, Senator Maxine Waters denied that a staffer leaked the data.",
          "In her statement, Waters said her office had alerted the appropriate authorities."]
    ar = ["نفت السيناتور ماكسين ووترز يوم الجمعة أن يكون أحد موظفيها قد سرب البيانات.",
          "في بيانها، قالت {} إن مكتبها قد أبلغ السلطات المختصة."]
    assert _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("ووترز")])) == []
    found = _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("كارتر")]))
    assert [f.evidence["arabic"].text for f in found] == ["كارتر"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_name_of_the_document_in_place_of_an_unknown_english_word(src_lang: str) -> None:
    # Walker is on no name list and NER does not tag it; the Arabic names Trump, a name the
    # document has elsewhere and this English sentence lacks
    en = ["Donald Trump will hold a rally in Wheeling on Saturday.",
          "It will be the second time that {} has visited the state this month."]
    ar = ["سيعقد دونالد ترامب تجمعا في ويلينغ يوم السبت.",
          "ستكون هذه المرة الثانية التي يزور فيها ترامب الولاية هذا الشهر."]
    assert _run("entity_mismatch", _report(src_lang, [en[0], en[1].format("Trump")], ar)) == []
    found = _run("entity_mismatch", _report(src_lang, [en[0], en[1].format("Walker")], ar))
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Walker", "ترامب")]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_rare_name_in_place_of_a_word_transliterated_elsewhere(src_lang: str) -> None:
    # Ryder (of Ryder Cup, an NER entity there) is transliterated in the first sentence, so a
    # rare name in its place in the second is a swap though NER tags nothing there
    en = ["Mickelson will pass Nick Faldo's record for the most Ryder Cup matches played.",
          "Out-of-form Mickelson benched on Ryder Cup Saturday"]
    ar = ["سيتخطى ميكلسون رقم نيك فالدو القياسي لأكثر عدد من مباريات كأس رايدر.",
          "لم يؤدِ جيدًا، ميكلسون على دكة البدلاء في كأس {} يوم السبت"]
    assert _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("رايدر")])) == []
    found = _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("ألفونسو")]))
    assert [f.evidence["arabic"].text for f in found] == ["ألفونسو"]


def test_kept_surname_is_no_short_form_of_the_changed_first_name() -> None:
    # كوسوما less its ك ("like") begins like Samuel: the kept surname is not Samuel's rendering
    en = ('"It feels very tense," said 35-year-old mother Samuel Kusuma, comforting her '
          'feverish baby boy.')
    ar = '"إن الوضع متأزم" هذا ما قالته والدة {} كوسوما البالغة من العمر 35 عامًا.'
    assert _pair(en, ar.format("صموئيل")) == []
    found = _pair(en, ar.format("ريسا"))
    assert [f.evidence["arabic"].text for f in found] == ["ريسا"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_swap_anchored_by_a_rendered_neighbour_despite_word_order(src_lang: str) -> None:
    # the Arabic moves the source to the front; غوردون sits where Post would, right after
    # مورنينج (Morning), far from Post's relative place in the English
    en = ("Officials said the fire started in a warehouse near the port late on Friday, "
          "according to the South China Morning Post.")
    ar = ("وفقا لصحيفة ساوث تشاينا مورنينج {}، قال المسؤولون إن الحريق اندلع في مستودع قرب "
          "الميناء في وقت متأخر من يوم الجمعة.")
    assert _pair(en, ar.format("بوست"), src_lang) == []
    found = _pair(en, ar.format("غوردون"), src_lang)
    # reported on the paper's whole name: غوردون transliterates Gordon, a foreign name
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("South China Morning Post", "غوردون")]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_translated_and_lower_case_words_do_not_hide_a_foreign_name(src_lang: str) -> None:
    # Prime (a title, translated رئيس) and pursue only loosely resemble بوريس
    en = ("Supporters, including Prime Minister Zoran Zaev, say the change is worth it to "
          "pursue membership.")
    ar = "يقول المؤيدون ومنهم رئيس الوزراء {} زاييف إن التغيير يستحق العناء للسعي إلى العضوية."
    assert _pair(en, ar.format("زوران"), src_lang) == []
    found = _pair(en, ar.format("بوريس"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["بوريس"]


def test_clitic_reading_that_renders_a_name_is_quiet() -> None:
    # ليوتا is a name on the lists, but ل + يوتا renders Utah
    assert _pair("The storm will bring heavy rain to Utah on Monday.",
                 "ستجلب العاصفة أمطارا غزيرة ليوتا يوم الاثنين.") == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_listed_name_without_a_long_vowel_in_place_of_a_tagged_name(src_lang: str) -> None:
    en = ("Following practice earlier this week, James was asked about his plans for the "
          "Lakers' preseason schedule.")
    ar = "بعد التمرين في وقت سابق من هذا الأسبوع، سُئل {} عن خططه لجدول المباريات التحضيرية لليكرز."
    assert _pair(en, ar.format("جيمس"), src_lang) == []
    found = _pair(en, ar.format("أندرس"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["أندرس"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_common_arab_given_name_beside_the_kept_surname(src_lang: str) -> None:
    en = "The keeper was barely troubled by Lassana Coulibaly's header."
    ar = "لم يواجه الحارس صعوبة تذكر مع رأسية {} كوليبالي."
    assert _pair(en, ar.format("لاسانا"), src_lang) == []
    found = _pair(en, ar.format("صلاح"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["صلاح"]


@pytest.mark.parametrize(("correct", "swapped"), [
    # titles before the name do not make the run a heading
    ("Lt Col The Reverend Bernard Vann won the award in 1918.",
     "Lt Col The Reverend Makoto Vann won the award in 1918."),
    # a month after a title is a name
    ("He and his brother Dr James Vann laid a wreath after the parade.",
     "He and his brother Dr August Vann laid a wreath after the parade."),
])
def test_changed_english_name_after_titles(correct: str, swapped: str) -> None:
    ar = {"Lt": "فاز الملازم العقيد القس برنارد فان بالجائزة عام 1918.",
          "He": "وضع هو وشقيقه الدكتور جيمس فان إكليلا من الزهور بعد العرض."}[correct[:2]]
    assert _pair(correct, ar) == []
    found = _pair(swapped, ar)
    assert len(found) == 1 and found[0].severity == "critical"


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_one_word_name_that_is_a_title_word(src_lang: str) -> None:
    # NER tags West alone: a name, though West is usually a translated word of a place name
    en = "It is unclear if Rock was trying to mock West with the post."
    ar = "ليس من الواضح ما إذا كان روك يحاول السخرية من {} بهذا المنشور."
    assert _pair(en, ar.format("ويست"), src_lang) == []
    found = _pair(en, ar.format("ميغيل"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["ميغيل"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_accented_english_name_in_place_of_a_known_one(src_lang: str) -> None:
    # Étienne begins with a capital outside A-Z; the Arabic keeps London
    en = "The first store opened in Croydon, south {}, last week."
    ar = "افتتح المتجر الأول الأسبوع الماضي في كرويدون بجنوب لندن."
    assert _pair(en.format("London"), ar, src_lang) == []
    found = _pair(en.format("Étienne"), ar, src_lang)
    assert [f.evidence["entity"].text for f in found] == ["Étienne"]


def test_names_looked_for_as_replacements_come_from_the_surrounding_passage() -> None:
    from aligner.checks.entity.mismatch import nearby

    window = EntityParams().nearby_segments
    names_at = {0: {"Ayham al-Ali"}, 3: {"Deir ez-Zor"}, 10 + window + 1: {"Homs"}}
    assert nearby(names_at, (10,), window) == {"Ayham al-Ali", "Deir ez-Zor"}
    assert nearby(names_at, (10, 11), window) == {"Ayham al-Ali", "Deir ez-Zor", "Homs"}
    assert nearby(names_at, (), window) == set()


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_first_name_that_begins_like_a_country_is_no_demonym(src_lang: str) -> None:
    # Francesco is no adjective of France: its change beside the kept surname is seen
    en = "The best players are Francesco Molinari and Tommy Fleetwood."
    ar = "أفضل اللاعبين هما {} موليناري وتومي فليتوود."
    assert _pair(en, ar.format("فرانشيسكو"), src_lang) == []
    found = _pair(en, ar.format("ماتيو"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["ماتيو"]


def test_demonyms_need_an_adjective_ending() -> None:
    from aligner.checks.entity.words import is_demonym

    assert is_demonym("Syrian") and is_demonym("Iraqi") and is_demonym("Chinese")
    assert not is_demonym("Francesco")


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_changed_first_name_with_a_conjunction_beside_the_kept_surname(src_lang: str) -> None:
    # وفراي: the conjunction و on the swapped first name
    en = "He praised Spieth and Francesco Molinari yesterday."
    ar = "أشاد بسبيث {}موليناري أمس."
    assert _pair(en, ar.format("وفرانشيسكو "), src_lang) == []
    found = _pair(en, ar.format("وماتيو "), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["ماتيو"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_changed_first_name_inside_a_loose_match_of_the_full_name(src_lang: str) -> None:
    # دانييل ستوريدج matches Tony Sturridge loosely as a whole; Tony itself is not there
    en = "Watch: Liverpool's {} Sturridge dips deep equalizer vs. Chelsea"
    ar = "شاهد: دانييل ستوريدج لاعب ليفربول يحرز هدف التعادل ضد تشيلسي"
    assert _pair(en.format("Daniel"), ar, src_lang) == []
    found = _pair(en.format("Tony"), ar, src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["دانييل"]


def test_unlisted_transliteration_in_place_of_a_name() -> None:
    en = "The senator flew to Ohio on Monday to meet the governor."
    ar = "سافر السيناتور إلى {} يوم الاثنين للقاء الحاكم."
    assert _pair(en, ar.format("أوهايو")) == []
    found = _pair(en, ar.format("فيرجينيا"))
    assert [f.evidence["arabic"].text for f in found] == ["فيرجينيا"]
    # an ordinary word (سفير: Sevier) where the English name is translated otherwise
    assert _pair("Iowa's envoy met the governor on Monday.",
                 "التقى سفير الولاية بالحاكم يوم الاثنين.") == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_foreign_name_many_arabs_bear_in_place_of_a_name(src_lang: str) -> None:
    # جورج is on no foreign-name list (many Arabs bear it), but the lexicon knows it only
    # as a name
    en = "Forecasters said Rosa would weaken before reaching the coast on Tuesday."
    ar = "قال خبراء الأرصاد إن {} ستضعف قبل وصولها إلى الساحل يوم الثلاثاء."
    assert _pair(en, ar.format("روزا"), src_lang) == []
    found = _pair(en, ar.format("جورج"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["جورج"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_capitalised_word_and_the_next_lower_case_one_are_no_name(src_lang: str) -> None:
    # "Climo converted" shares its first consonants with كايل: no two-word name to explain it
    en = "Climo converted again after {} Rowe gathered the kick."
    ar = "حوّل كليمو مرة أخرى بعد أن التقط كايل رو الركلة."
    assert _pair(en.format("Kyle"), ar, src_lang) == []
    found = _pair(en.format("Ashley"), ar, src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["كايل"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_changed_surname_the_sentence_repeats(src_lang: str) -> None:
    # Johnson is rendered (for Father Johnson), so David Johnson seems found; but beside
    # دافيد stands another known name
    en = "The Rev. David Johnson, Father Johnson's son, rang the bells on Sunday."
    ar = "قرع القس دافيد {}، ابن الأب جونسون، الأجراس يوم الأحد."
    assert _pair(en, ar.format("جونسون"), src_lang) == []
    found = _pair(en, ar.format("أدولف"), src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["أدولف"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_name_of_the_document_moved_by_word_order_in_place_of_a_known_name(src_lang: str) -> None:
    # the Arabic puts the attribution first: ترامب is far from where the English has Jean
    en = ["On Friday, President Donald Trump will hold a rally in Ohio.",
          '"The president will travel to as many states as possible before the vote in '
          'November," a {} campaign spokesman said.']
    ar = ["يوم الجمعة، سيعقد الرئيس دونالد ترامب تجمعًا انتخابيًا في أوهايو.",
          'وقال المتحدث باسم حملة ترامب: "سيسافر الرئيس إلى أكبر عدد ممكن من الولايات قبل '
          'التصويت في نوفمبر".']
    assert _run("entity_mismatch", _report(src_lang, [en[0], en[1].format("Trump")], ar)) == []
    found = _run("entity_mismatch", _report(src_lang, [en[0], en[1].format("Jean")], ar))
    assert [f.evidence["arabic"].text for f in found] == ["ترامب"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_surname_that_is_a_title_word_stays_a_name(src_lang: str) -> None:
    # West is a title word (West Virginia), but the surname of Kanye West in this document
    en = ["Kanye West has a new name.",
          "A former West collaborator, JAY-Z, has also made do without a hyphen."]
    ar = ["كانييه ويست لديه اسم جديد.",
          "كما قام زميل {} السابق جي زد بنفس الأمر دون علامة وصل."]
    assert _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("ويست")])) == []
    found = _run("entity_mismatch", _report(src_lang, en, [ar[0], ar[1].format("كارل")]))
    assert [f.evidence["arabic"].text for f in found] == ["كارل"]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_name_after_a_conjunction_in_place_of_a_name_changed_in_the_english(src_lang: str) -> None:
    # وتوماس read whole is a weak name with nothing near; و + توماس is the document's Thomas
    first, second = ("Justin Thomas won the first match.",
                     "The crowd got louder when he and {} had been two down after two.")
    ar = ["فاز جاستن توماس بالمباراة الأولى.",
          "تعالت هتافات الجمهور عندما كان هو وتوماس متأخرين بفارق نقطتين."]
    assert _run("entity_mismatch", _report(src_lang, [first, second.format("Thomas")], ar)) == []
    found = _run("entity_mismatch", _report(src_lang, [first, second.format("Price")], ar))
    assert [f.evidence["arabic"].text for f in found] == ["توماس"]


def test_place_the_lexicon_glosses_is_found_and_a_swap_still_reported() -> None:
    # ويوتا is Utah to the lexicon (no exonym-table entry, no close transliteration match)
    en = "Flash flood watches were issued for Monday and Tuesday for Nevada, California and Utah."
    ar = "صدرت تحذيرات من السيول يومي الاثنين والثلاثاء لنيفادا وكاليفورنيا {}."
    assert _pair(en, ar.format("ويوتا")) == []
    found = _pair(en, ar.format("وجورجيا"))
    assert [f.evidence["arabic"].text for f in found] == ["جورجيا"]


def test_surname_the_lexicon_knows_in_place_of_a_place() -> None:
    # باركر is Parker (or Barker) to the lexicon: a name, though on no list of given names
    en = "Trump rallies in West Virginia on Saturday."
    ar = "تجمعات لترامب في {} الغربية يوم السبت."
    assert _pair(en, ar.format("فيرجينيا")) == []
    found = _pair(en, ar.format("باركر"))
    assert [f.evidence["arabic"].text for f in found] == ["باركر"]


def test_the_lexicons_english_for_a_word_explains_it() -> None:
    # هيو matches Hugh poorly letter by letter; the lexicon glosses it Hugh
    en = "The show will be hosted by Deborra-Lee Furness and Hugh Jackman."
    ar = "وسيقدم العرض ديبورا لي فيرنيس وهيو جاكمان."
    assert _pair(en, ar) == []


def test_a_place_found_by_its_gloss_is_one_form_whatever_its_proclitics() -> None:
    en = ["Flash flood watches were issued for Nevada, California and Utah.",
          "The storm will bring heavy rain to Utah on Tuesday."]
    ar = ["صدرت تحذيرات من السيول لنيفادا وكاليفورنيا ويوتا.",
          "ستجلب العاصفة أمطارًا غزيرة ليوتا يوم الثلاثاء."]
    report = _report("en", en, ar)
    assert _run("entity_mismatch", report) == []
    assert _run("inconsistent_entity", report) == []


def test_a_given_name_after_a_title_is_a_name_even_when_it_is_a_word_too() -> None:
    # سعيد is also "happy"; after الرئيس it is the president's name, and not Trump's
    en = "President Trump has opened an FBI investigation into the allegations against Kavanaugh."
    ar = "فتح الرئيس {} تحقيقًا في مكتب التحقيقات الفيدرالي بشأن الادعاءات ضد كافانو."
    assert _pair(en, ar.format("ترامب")) == []
    found = _pair(en, ar.format("سعيد"))
    assert [f.evidence["arabic"].text for f in found] == ["سعيد"]


def test_a_surname_spelled_with_the_plain_twin_of_an_emphatic_letter_is_a_name() -> None:
    # the name dictionary spells Thompson طومسون; translators also write تومسون
    en = "Emma {} does her very best with this quasi-Teresa-May character."
    ar = "تبذل إيما تومسون قصارى جهدها لتمثل هذه الشخصية الشبيهة بتيريزا ماي."
    assert _pair(en.format("Thompson"), ar) == []
    found = _pair(en.format("Kenneth"), ar)
    assert [f.evidence["arabic"].text for f in found] == ["تومسون"]


def test_an_arab_given_name_after_and_in_place_of_a_first_name() -> None:
    # وناصر: "and" + Nasser, where the English has Emmanuel; "and" after a whole name starts
    # the next person (ميركل وماكرون), and لصالح ("in favour of") is no name
    en = "The agreement was signed by Angela Merkel and {} in Berlin on Friday."
    ar = "وقّعت أنجيلا ميركل {} على الاتفاق في برلين يوم الجمعة."
    assert _pair(en.format("Emmanuel Macron"), ar.format("وإيمانويل ماكرون")) == []
    assert _pair(en.format("Macron"), ar.format("وماكرون")) == []
    found = _pair(en.format("Emmanuel Macron"), ar.format("وناصر ماكرون"))
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Emmanuel Macron", "ناصر")]
    assert _pair("Alan Walker scored twice for the home side.",
                 "سجل ألان ووكر هدفين لصالح الفريق المضيف.") == []


def test_a_changed_first_name_that_resembles_a_word_rendered_elsewhere() -> None:
    # مورنير looks like Moore, but Moore is rendered (مور, twice): it is no spelling of the
    # missing Helen
    en = ("\"Dr. Moore, I do not know what happened,\" the senator added, referring to "
          "Helen Casey Moore.")
    ar = "\"دكتورة مور، لا أعرف ما حدث\"، كما أضاف السيناتور، مشيرًا إلى {} كيسي مور."
    assert _pair(en, ar.format("هيلين")) == []
    found = _pair(en, ar.format("مورنير"))
    assert [f.evidence["arabic"].text for f in found] == ["مورنير"]


def test_said_does_not_explain_a_given_name_that_replaced_another() -> None:
    # "said" written in Arabic letters would be سعيد; it is translated (قال), so سعيد beside
    # the kept surname is a changed first name. Capitalised, Said is a name and explains it.
    en = "\"Talks will go on,\" said {} Haddad, a spokesman for the ministry."
    ar = "قال {} حداد، المتحدث باسم الوزارة، \"ستستمر المحادثات\"."
    assert _pair(en.format("Karim"), ar.format("كريم")) == []
    found = _pair(en.format("Karim"), ar.format("سعيد"))
    assert [f.evidence["arabic"].text for f in found] == ["سعيد"]
    assert _pair(en.format("Said"), ar.format("سعيد")) == []


@pytest.mark.parametrize(("en", "ar", "kept"), [
    ("Volunteers handed out water in South Carolina after the storm.",
     "وزع متطوعون المياه في {} الجنوبية بعد العاصفة.", "كارولينا"),
    ("Aid convoys finally reached North Darfur on Friday.",
     "وصلت قوافل المساعدات أخيرًا إلى شمال {} يوم الجمعة.", "دارفور"),
    ("Fighting flared again in South Lebanon overnight.",  # بجنوب: the direction with a clitic
     "تجددت الاشتباكات ليلًا بجنوب {}.", "لبنان"),
])
@pytest.mark.parametrize("stand_in", ["خليل", "فالكنهايم"])
def test_a_name_beside_the_translated_direction_word_of_a_place(
        en: str, ar: str, kept: str, stand_in: str) -> None:
    # the direction word kept (الجنوبية, شمال) and the place's own name replaced: by an Arab
    # given name or by a transliterated word on no list
    assert _pair(en, ar.format(kept)) == []
    found = _pair(en, ar.format(stand_in))
    assert [f.evidence["arabic"].text for f in found] == [stand_in]


def test_a_personal_name_in_place_of_the_generic_word_of_a_place() -> None:
    en = "The fans waited outside Stamford Bridge for hours."
    assert _pair(en, "انتظر المشجعون خارج ستامفورد بريدج لساعات.") == []
    assert _pair(en, "انتظر المشجعون خارج ملعب ستامفورد لساعات.") == []
    found = _pair(en, "انتظر المشجعون خارج ستامفورد فيليب لساعات.")
    assert [f.evidence["arabic"].text for f in found] == ["فيليب"]


def test_a_name_written_twice_where_the_english_has_another_name_once() -> None:
    # the Arabic writes the goalkeeper twice: once in the striker's place
    en = "The referee booked Okafor in the first half, and Brandt saved the penalty."
    ar = "أنذر الحكم {} في الشوط الأول، وتصدى برانت لركلة الجزاء."
    assert _pair(en, ar.format("أوكافور")) == []
    found = _pair(en, ar.format("برانت"))
    assert [f.evidence["arabic"].text for f in found] == ["برانت"]
    assert found[0].evidence["arabic"].start == ar.index("{}")  # the one in Okafor's place


def test_another_names_rendering_is_no_short_form_of_a_missing_name() -> None:
    # كيلي renders Kelly; that Coulibaly begins with the same consonants does not make it
    # Coulibaly's short form
    en = "In the second half the coach replaced Coulibaly with Kelly, who scored twice."
    ar = "في الشوط الثاني استبدل المدرب {} بكيلي الذي سجل هدفين."
    assert _pair(en, ar.format("كوليبالي")) == []
    found = _pair(en, ar.format("فيليبس"))
    assert [f.evidence["arabic"].text for f in found] == ["فيليبس"]


def test_a_listed_name_after_the_rendered_first_name_in_place_of_the_surname() -> None:
    # إرنست is on the name lists but lacks a transliteration's long vowel; right after the
    # rendered first name, where the surname should be, it is the surname changed
    en = ("The former Celtic goalkeeper Liam Kelly was barely troubled by Lassana "
          "Coulibaly's header.")
    ar = "لم يجد حارس سلتيك السابق ليام {} صعوبة في التصدي لرأسية لاسانا كوليبالي."
    assert _pair(en, ar.format("كيلي")) == []
    found = _pair(en, ar.format("إرنست"))
    assert [f.evidence["arabic"].text for f in found] == ["إرنست"]


@pytest.mark.parametrize("style", ["sentence", "capitals"])
def test_names_in_a_headline_in_capitals(style: str) -> None:
    # spaCy finds no person in "ACTIVIST AYHAM AL-ALI SAYS ...": the headline is read
    # recased as the article writes its words
    head = "Activist Ayham al-Ali says militias dominate Albu Kamal"
    en = [head.upper() if style == "capitals" else head, *EN[1:]]
    ar = "الناشط أيهم العلي: الميليشيات تهيمن على ألبوكمال"
    report = _report("ar", en, [ar.replace("أيهم العلي", "محمد الحسن"), *AR[1:]])
    found = _run("entity_mismatch", report)
    assert [(f.src, f.evidence["entity"].text) for f in found] == [
        ((0,), en[0][9:21])]
    _assert_spans_match_document(report, found[0])
    consistent = _run("inconsistent_entity", _report("ar", en, [ar, *AR[1:]]))
    assert [f.src for f in consistent] == [(0, 2, 4)]  # the headline's Albu Kamal counts


def test_a_name_rendered_whole_is_not_blamed_for_a_swap_beside_it() -> None:
    # ألبوكمال renders Albu Kamal (NER tags it ORG here), though neither word is found
    # alone: روسيا stands for Iran, not for a changed part of Albu Kamal
    ar = [AR[0].replace("إيران", "روسيا"), *AR[1:]]
    found = _run("entity_mismatch", _report("ar", EN, ar))
    assert [(f.src, f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ((0,), "Iran", "روسيا")]


def test_a_loosely_matched_whole_name_still_shows_its_changed_surname() -> None:
    # spaCy tags "Maxine Reed" ORG; ماكسين ووترز matches it loosely on the first name alone
    en = ["Maxine Reed denies staffer leaked GOP senators' data, blasts 'dangerous lies'"]
    ar = ["ماكسين ووترز تنفي تسريب موظف لبيانات أعضاء مجلس الشيوخ الجمهوريين وتندد "
          "بـ\"أكاذيب خطيرة\""]
    found = _run("entity_mismatch", _report("ar", en, ar))
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Maxine Reed", "ووترز")]


def test_a_changed_first_name_beginning_like_the_article() -> None:
    # أليس starts as an article would: the whole name must not pass for Eduardo Rodríguez
    # Veltzé by reading أل as an article the English leaves out
    en = ["Former president Eduardo Rodríguez Veltzé rejected the idea."]
    ar = ["رفض الرئيس السابق أليس رودريغيز فيلتزي الفكرة."]
    found = _run("entity_mismatch", _report("en", en, ar))
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Eduardo Rodríguez Veltzé", "أليس")]


@pytest.mark.parametrize("head", ["Syria's Assad meets Putin in Moscow for talks on Idlib",
                                  "Syria's Assad Meets Putin in Moscow for Talks on Idlib"])
def test_names_in_a_headline_in_headline_style(head: str) -> None:
    # in headline style spaCy reads "Assad Meets Putin" as one person, which the Arabic
    # does not render whole: the headline is read recased too
    en = [head, *EN[1:]]
    ar = "الأسد يلتقي أردوغان في موسكو لبحث ملف إدلب"
    found = [f for f in _run("entity_mismatch", _report("ar", en, [ar, *AR[1:]]))
             if f.src == (0,)]
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Putin", "أردوغان")]


def test_one_arabic_name_stands_for_one_english_name() -> None:
    # the Arabic headline leaves "Syria's" out and names Erdogan for Putin: only Putin is
    # reported, and Assad (الأسد, the article unwritten in English) is found
    en = ["Syria's Assad meets Putin in Moscow for talks on Idlib", *EN[1:]]
    ar = "الأسد يلتقي بوتين في موسكو لبحث ملف إدلب"
    assert [f for f in _run("entity_mismatch", _report("ar", en, [ar, *AR[1:]]))
            if f.src == (0,)] == []
    report = _report("ar", en, [ar.replace("بوتين", "أردوغان"), *AR[1:]])
    found = [f for f in _run("entity_mismatch", report) if f.src == (0,)]
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Putin", "أردوغان")]
