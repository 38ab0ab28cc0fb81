"""Consonant skeletons of names in either script: both mapped to the same phoneme classes
(ق q/k/g, ث th/t/s, و w/v/ou, ...), the article (al-, el-, ad-, ال) one symbol, "A"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from aligner.arabic.normalize import dediacritize

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
_EN_DIGRAPHS = (("sch", "Š"), ("tch", "Š"), ("ght", "T"), ("sh", "Š"), ("ch", "Š"), ("kh", "X"),
                ("gh", "G"), ("th", "Θ"), ("dh", "Ð"), ("ph", "Φ"), ("ck", "K"), ("zh", "J"),
                ("dj", "J"), ("ou", "W"), ("oo", "W"), ("ee", "Y"), ("qu", "Q"))
_EN_SINGLE = {"b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "z": "Z", "h": "H", "g": "G",
              "j": "J", "q": "Q", "k": "K", "c": "K", "f": "Φ", "v": "V", "w": "W", "y": "Y",
              "l": "L", "m": "M", "n": "N", "r": "R", "x": "KS",
              "a": "a", "e": "Y", "i": "Y", "o": "W", "u": "W"}


def ascii_fold(text: str) -> str:
    """Lower-case Latin letters without their accents (Müller → muller)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


_EN_ARTICLE = re.compile(r"\b(?:al|el|ul|il)[-'’\s]+|\b[aeu](t|d|r|z|s|n|sh|th|dh)-(?=\1)")
_EN_SUN = re.compile(r"\b[ae](t|d|r|z|s|n)\1(?=[aeiouy])")


@lru_cache(maxsize=65536)
def english_skeleton(name: str, sun: bool = True) -> str:
    """The consonant skeleton of a romanised name ("Deir Ezzor" → "DYRAZR"). With ``sun``, a
    doubled sun letter after an initial vowel is read as the assimilated article (Assafir:
    as-Safir, السفير)."""
    s = _EN_ARTICLE.sub(" @", ascii_fold(name))
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



#: Word-initial letters English does not sound (Knight: نايت, Wright: رايت); Arabic
#: sometimes writes them all the same (Knesset: الكنيست), so both readings are kept.
_SILENT_START = re.compile(r"\b(?:k(?=n)|w(?=r)|g(?=n))", re.IGNORECASE)


#: Pinyin's x and q before i or u (Xu, Xiaoping, Qing, Guangqi): sh and ch, as Arabic writes
#: them (شو, تشينغ); English x and q (Alexis, Quinn) keep their own reading too; so does zh.
_PINYIN = re.compile(r"([xq])(?=[iu])", re.IGNORECASE)


#: au sounds o (Paul: بول); gh after a vowel is silent (Vaughan: فون) or h (Irish names),
#: ght keeping its own reading; long u after a first consonant is yu (Hugh: هيو).
_AU = re.compile("au", re.IGNORECASE)
_VOWEL_GH = re.compile(r"(?<=[aeiou])gh(?!t)", re.IGNORECASE)
_LONG_U = re.compile(r"\b([bcfhkmpv])u(?=[bdfgklmnprstvz]?[aeiouy]|\b)", re.IGNORECASE)


def _sound_readings(name: str) -> list[str]:
    """``name`` respelled as it sounds where English spelling hides it (``_AU``,
    ``_VOWEL_GH``, ``_LONG_U``): every combination, the name itself left out."""
    spellings = {name, _AU.sub("o", name)}
    spellings |= {sub for w in spellings for sub in (_VOWEL_GH.sub("", w), _VOWEL_GH.sub("h", w))}
    spellings |= {_LONG_U.sub(r"\1yu", w) for w in spellings}
    return sorted(spellings - {name})


def english_readings(name: str) -> tuple[str, ...]:
    """The skeletons an English name may stand for: a doubled sun letter after an initial
    vowel is the assimilated article (Assafir: السفير) or just a doubled letter (Assad: أسد);
    a silent initial letter sounded or not; pinyin's x and q read as sh and ch; German sch
    as s; French final aux as o; a silent or sounded gh and a long u (``_sound_readings``)."""
    out = [english_skeleton(name), english_skeleton(name, sun=False)]
    silent = _SILENT_START.sub("", name)
    if silent != name:
        out.append(english_skeleton(silent))
    pinyin = _PINYIN.sub(lambda m: "sh" if m.group(1) in "xX" else "ch", name)
    if pinyin != name:
        out.append(english_skeleton(pinyin))
    if re.search("sch", name, re.IGNORECASE):  # German sch: ش, or س (Esch: إيس)
        out.append(english_skeleton(re.sub("sch", "s", name, flags=re.IGNORECASE)))
    if re.search("aux$", name, re.IGNORECASE):  # French final aux: o (Caux: كو)
        out.append(english_skeleton(re.sub("aux$", "o", name, flags=re.IGNORECASE)))
    if re.search("zh", name, re.IGNORECASE):  # pinyin zh: تش (Zhang: تشانغ) or زه (زهاو)
        out += [english_skeleton(re.sub("zh", sub, name, flags=re.IGNORECASE))
                for sub in ("ch", "z h")]
    out += [english_skeleton(w) for w in _sound_readings(name)]
    return tuple(dict.fromkeys(out))

