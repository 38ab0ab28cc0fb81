"""Arabic words that ran together are split again for the models, and nothing else is."""

from __future__ import annotations

import pytest

from aligner.arabic.spacing import split_run_together, split_token


@pytest.mark.parametrize(("joined", "spaced"), [
    ("قالوزيرالدفاعإنالقواتانسحبتمنالمدينةصباحاليوم",
     "قال وزير الدفاع إن القوات انسحبت من المدينة صباح اليوم"),
    ("أعلنتالحكومةعنخطةجديدة", "أعلنت الحكومة عن خطة جديدة"),
    ("وأضافأنالمفاوضاتستستأنففيالقاهرة", "وأضاف أن المفاوضات ستستأنف في القاهرة"),
])
def test_a_clause_without_spaces_gets_its_words_back(joined: str, spaced: str) -> None:
    assert split_run_together(joined) == spaced


def test_run_together_forms_the_word_list_knows_are_split() -> None:
    """The list counts the web's run-together forms as words, far rarer than their parts."""
    assert split_token("إلىأن") == ("إلى", "أن")
    assert split_token("فيالبيت") == ("في", "البيت")


@pytest.mark.parametrize("word", [
    "ستيفانوبولوس",  # a transliterated name the list lacks: only rare fragments inside
    "هولي",  # a name that reads as هو + لي, no likelier than the name itself
    "وسيكتبونها",  # a verb with all its clitics
    "الاستراتيجيات", "عبدالله", "أبوظبي", "بيونغيانغ", "واشنطن",
])
def test_names_and_words_stay_whole(word: str) -> None:
    assert split_token(word) == (word,)


def test_only_run_together_arabic_changes() -> None:
    """Punctuation, digits, Latin text and spaced words stay as they were; a word stretched
    with a tatweel is left alone."""
    text = "قال: إنالوضع «صعب» في 2019، وبلغـــت الخسائر ٣٠٠ مليون (Reuters)."
    assert split_run_together(text) == \
        "قال: إن الوضع «صعب» في 2019، وبلغـــت الخسائر ٣٠٠ مليون (Reuters)."
    assert split_run_together("وبلغـــتالخسائر") == "وبلغـــتالخسائر"
    spaced = "قال وزير الدفاع إن القوات انسحبت من المدينة صباح اليوم"
    assert split_run_together(spaced) == spaced
