"""Numbers as a translation QA check sees them: values, not spellings.

A translator may write 1,500 as ١٥٠٠ or ألف وخمسمائة, "$390" as "390 دولارًا", "1.5 million" as
"مليون ونصف", and "two days" as the dual يومين; none of that changes a fact. ``extract_numbers``
turns each mention into a normalised value with a kind, an optional unit and the character span
in the input, so that ``checks.number_mismatch`` can compare the facts and point at the text.

Digits are folded one character for one (Arabic-Indic, Persian, ٫ and ٬), so every span is an
offset into the caller's text. Vague quantities ("dozens", "عشرات", "بضعة") are returned with
kind ``vague`` and a plausible (low, high) range instead of a value: they never contradict a
number, they only excuse one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

KINDS = ("cardinal", "ordinal", "percent", "year", "decade", "date", "time", "currency",
         "fraction", "vague")


@dataclass(frozen=True)
class NumberMention:
    """One number in a text.

    ``values`` holds one value, or (low, high) for a range ("3 to 6 inches"); for ``vague`` it is
    the (low, high) bounds of what the phrase may stand for. ``unit`` is a currency code (USD),
    a unit (km, lb, day) or, for dates, ``month=N``. ``spelled`` marks mentions written with
    words, ``approx`` hedged ones ("about", "حوالي") whose rounding is tolerated, and ``weak``
    the implicit ones (one/first/a dual noun) that are too often rephrased to report when absent.
    ``bound`` is "min" after "more than"/"over"/"above"/"at least"/"أكثر من" and "max" after
    "less than"/"fewer than"/"under"/"below"/"أقل من": the figure is a bound, so it may only
    round in that direction.
    """

    values: tuple[float, ...]
    kind: str
    start: int
    end: int
    text: str
    unit: str | None = None
    spelled: bool = False
    approx: bool = False
    weak: bool = False
    bound: str | None = None

    @property
    def value(self) -> float:
        return self.values[0]


# ---------------------------------------------------------------- characters and tokens

_DIGITS = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)},
                         **{chr(0x6F0 + i): str(i) for i in range(10)},
                         "٫": ".", "٬": ",", "٪": "%"})
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_HARAKAT = re.compile(r"[\u064B-\u065F\u0670]")
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)"
                    r"|(?P<word>[A-Za-z]+|[\u0621-\u063A\u0641-\u065F\u0670-\u06D3\u06FA-\u06FF"
                    r"\u0640]+)"
                    r"|(?P<sym>\S)")


# a no-break, thin or narrow no-break space between digit groups (1 200, as French-style
# and SI typesetting write thousands) is a group separator, read as a comma (one for one: the
# offsets stay); a plain space is not, as "May 5 200 people" shows
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")


@dataclass(frozen=True)
class _Tok:
    kind: str  # num | word | sym
    text: str
    start: int
    end: int
    key: str  # lower-case (Latin) or folded, diacritic-free (Arabic) form

    def attached(self, prev: _Tok) -> bool:
        return self.start == prev.end


def _fold(word: str) -> str:
    return _HARAKAT.sub("", word).translate(_FOLD).lower()


def _tokens(text: str) -> list[_Tok]:
    folded = _GROUP_SPACE.sub(",", text.translate(_DIGITS))
    return [_Tok(m.lastgroup or "sym", m.group(), m.start(), m.end(), _fold(m.group()))
            for m in _TOKEN.finditer(folded)]


def _ar_readings(key: str) -> list[tuple[str, bool, bool]]:
    """Clitic-free readings of a folded Arabic word as (stem, had و/ف, had ال), the word itself
    first. A two-letter stem is only read after و/ف/ال (لست is "I am not", not ل + ست); a
    final accusative alif is also dropped (ثلاثًا = ثلاث)."""
    out = [(key, False, False)]
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك"):
            for art in ("", "ال"):
                prefix = conj + prep + art
                rest = len(key) - len(prefix)
                if prefix and key.startswith(prefix) and (rest >= 3 or (rest == 2 and not prep)):
                    out.append((key[len(prefix):], bool(conj), bool(art)))
    if key.startswith(("لل", "ولل", "فلل")) and len(key) > 4:
        out.append((key[key.index("لل") + 2:], key[0] in "وف", True))
    return out + [(stem[:-1], conj, art) for stem, conj, art in out
                  if stem.endswith("ا") and len(stem) > 3]


# ---------------------------------------------------------------- lexicons

def _fold_all(words: dict[str, float]) -> dict[str, float]:
    return {_fold(w): v for w, v in words.items()}


_EN_SMALL = {w: float(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
_EN_TENS = {w: float(10 * (i + 2)) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ORD = {w: float(i + 1) for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth"])}
_EN_ORD.update({w: float(10 * (i + 2)) for i, w in enumerate(
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
     "ninetieth"])})
_EN_ORD.update({"hundredth": 100.0, "thousandth": 1e3, "millionth": 1e6})
_EN_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_EN_DECADES = {w + "ies": v for w, v in (("twent", 20), ("thirt", 30), ("fort", 40),
                                          ("fift", 50), ("sixt", 60), ("sevent", 70),
                                          ("eight", 80), ("ninet", 90))}
# Multiplier words that may follow digits ("2.8bn", "£125m", "1.5 million").
_EN_DIGIT_SCALES = {**_EN_SCALES, "hundred": 1e2, "bn": 1e9, "tn": 1e12, "mn": 1e6, "k": 1e3,
                    "millions": 1e6, "billions": 1e9}
_CURRENCY_ONLY_SCALES = {"m": 1e6, "b": 1e9}

_AR_UNITS = _fold_all({
    "صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4,
    "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8,
    "ثمان": 8, "تسعة": 9, "تسع": 9})
_AR_TEN = _fold_all({"عشرة": 10, "عشر": 10})
# أحد عشر = 11, اثنا عشر = 12; alone these are other words (أحد = someone, أثنى = praised).
_AR_TEEN_HEADS = _fold_all({"أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2})
_AR_TENS = _fold_all({f"{stem}{end}": 10 * (i + 2)
                      for i, stem in enumerate(("عشر", "ثلاث", "أربع", "خمس", "ست", "سبع",
                                                "ثمان", "تسع"))
                      for end in ("ون", "ين")})
_AR_HUNDRED = _fold_all({"مئة": 100, "مائة": 100, "مئه": 100, "مائه": 100})
_AR_HUNDREDS = _fold_all({
    **{f"{u}{h}": 100 * v for u, v in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6),
                                        ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9))
       for h in ("مئة", "مائة")},
    **{f"{h}{e}": 200 for h in ("مئت", "مائت") for e in ("ان", "ين", "ا", "ي")}})
_AR_SCALES = _fold_all({"ألف": 1e3, "ألفا": 1e3, "مليون": 1e6, "مليونا": 1e6, "مليار": 1e9,
                        "مليارا": 1e9, "بليون": 1e9, "تريليون": 1e12})
_AR_PLURAL_SCALES = _fold_all({"آلاف": 1e3, "ألوف": 1e3, "ملايين": 1e6, "مليارات": 1e9})
_AR_DUAL_SCALES = _fold_all({f"{s}{e}": 2 * v for s, v in (("ألف", 1e3), ("مليون", 1e6),
                                                           ("مليار", 1e9))
                             for e in ("ان", "ين", "ا", "ي")})
_AR_ORD = _fold_all({
    "أول": 1, "أولى": 1, "حادي": 1, "حادية": 1, "ثاني": 2, "ثان": 2, "ثانية": 2, "ثالث": 3,
    "ثالثة": 3,
    "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7,
    "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10})
_AR_DECADES = _fold_all({f"{stem}ينيات": 10 * (i + 2)
                         for i, stem in enumerate(("عشر", "ثلاث", "أربع", "خمس", "ست", "سبع",
                                                   "ثمان", "تسع"))})
# Dual nouns carry an implicit "two": يومين = two days, مرتين = twice.
_AR_DUAL_NOUNS = _fold_all({f"{stem}{e}": 0 for stem in (
    "يوم", "شهر", "عام", "سنت", "أسبوع", "ساعت", "دقيقت", "مرت", "ضعف", "قرن", "عقد", "ليلت",
    "قدم", "متر", "ميل")
    for e in ("ين", "ان")})
_AR_HALF = _fold_all({"نصف": 0.5})
_AR_FRACTIONS = _fold_all({"نصف": 1 / 2, "ثلث": 1 / 3, "ربع": 1 / 4, "ثلثا": 2 / 3,
                           "ثلثي": 2 / 3})

# Vague quantities: (low, high) bounds of what they can stand for.
_EN_VAGUE = {"dozens": (10, 200), "hundreds": (100, 2000), "thousands": (1e3, 1e6),
             "millions": (1e6, 1e9), "billions": (1e9, 1e12), "several": (2, 20),
             "dozen": (10, 15), "scores": (20, 200), "few": (2, 10), "handful": (2, 10),
             "couple": (2, 3), "tens": (10, 100)}
_AR_VAGUE = {_fold(w): v for w, v in {
    "عشرات": (10, 200), "مئات": (100, 2000), "آلاف": (1e3, 1e6), "ألوف": (1e3, 1e6),
    "ملايين": (1e6, 1e9), "مليارات": (1e9, 1e12), "بضعة": (2, 10), "بضع": (2, 10),
    "عدة": (2, 20), "دزينة": (10, 15)}.items()}

_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS_EN.update({m[:3]: i for m, i in list(_MONTHS_EN.items()) if m != "may"})
_MONTHS_EN["sept"] = 9
_MONTHS_AR = _fold_all({
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4,
    "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9})
_MONTHS_AR2 = {(_fold("كانون"), _fold("الثاني")): 1, (_fold("كانون"), _fold("الأول")): 12,
               (_fold("تشرين"), _fold("الأول")): 10, (_fold("تشرين"), _fold("الثاني")): 11}

_CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_UNITS = {
    **dict.fromkeys(("dollar", "dollars", "usd"), "USD"),
    **dict.fromkeys(("euro", "euros", "eur"), "EUR"),
    **dict.fromkeys(("sterling", "gbp"), "GBP"),
    **dict.fromkeys(("pound", "pounds", "lb", "lbs"), "lb"),
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "kph"),
                    "km"),
    **dict.fromkeys(("mile", "miles", "mph"), "mi"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("foot", "feet", "ft"), "ft"),
    **dict.fromkeys(("inch", "inches"), "in"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("yard", "yards"), "yd"),
    **dict.fromkeys(("day", "days"), "day"), **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"), **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("hour", "hours"), "hour"), **dict.fromkeys(("minute", "minutes"), "min"),
    **{_fold(w): u for ws, u in (
        (("دولار", "دولارا", "دولارات"), "USD"), (("يورو",), "EUR"),
        (("جنيه", "جنيها", "جنيهات"), "GBP"), (("ليرة", "ليرات"), "SYP"),
        (("دينار", "دينارا", "دنانير"), "IQD"), (("ريال", "ريالا", "ريالات"), "SAR"),
        (("درهم", "درهما", "دراهم"), "AED"),
        (("كم", "كيلومتر", "كيلومترا", "كيلومترات"), "km"),
        (("ميل", "ميلا", "أميال"), "mi"), (("متر", "مترا", "أمتار", "م"), "m"),
        (("قدم", "قدما", "أقدام"), "ft"), (("بوصة", "بوصات", "إنش", "إنشات"), "in"),
        (("سم", "سنتيمتر", "سنتيمترا", "سنتيمترات"), "cm"),
        (("كغ", "كجم", "كيلوغرام", "كيلوغراما", "كيلوجرام", "كيلوجراما", "كيلو"), "kg"),
        (("رطل", "رطلا", "أرطال"), "lb"), (("ياردة", "ياردات", "يارده"), "yd"),
        (("يوم", "يوما", "أيام"), "day"), (("أسبوع", "أسبوعا", "أسابيع"), "week"),
        (("شهر", "شهرا", "أشهر", "شهور"), "month"),
        (("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين"), "year"),
        (("ساعة", "ساعات"), "hour"), (("دقيقة", "دقائق"), "min"))
       for w in ws}}
_DUAL_UNIT = {_fold(stem): u for stem, u in (
    ("يوم", "day"), ("شهر", "month"), ("عام", "year"), ("سنت", "year"), ("أسبوع", "week"),
    ("ساعت", "hour"), ("دقيقت", "min"))}
_DEGREES = frozenset(("degree", "degrees", _fold("درجة"), _fold("درجات")))
_DEGREE_SCALES = {"celsius": "degC", "centigrade": "degC", "fahrenheit": "degF",
                  _fold("مئوية"): "degC", _fold("فهرنهايت"): "degF", _fold("فهرنهايتية"): "degF"}
_POUND_COUNTRIES = {"syrian": "SYP", "egyptian": "EGP", "lebanese": "LBP", "sudanese": "SDG",
                    "british": "GBP"}
_MONEY = frozenset(("USD", "EUR", "GBP", "JPY", "INR", "SYP", "EGP", "LBP", "SDG", "IQD", "SAR",
                    "AED"))

_EN_PERCENT = ("percent", "pct")
_AR_PERCENT = frozenset(_fold(w) for w in ("بالمئة", "بالمائة", "بالمئه", "بالمائه"))
_AR_PER = _fold("في")
_AR_HUNDRED_DEF = frozenset(_fold(w) for w in ("المئة", "المائة"))
_EN_AM_PM = {"am": 0, "pm": 12, "a": 0, "p": 12}
_AR_AM_PM = {_fold(w): h for w, h in (("صباحا", 0), ("صباحًا", 0), ("فجرا", 0), ("ظهرا", 12),
                                       ("مساء", 12), ("مساءً", 12), ("ليلا", 12))}
_AR_HOUR = _fold("الساعة")
# الـ47 = the 47th: the article (tatweel folded away) glued to digits, maybe after a clitic.
_AR_ORD_ARTICLE = frozenset(("ال", "وال", "بال", "فال", "كال", "لل"))
_AR_YEAR_MARK = frozenset((_fold("م"), _fold("هـ")))
_AR_CENTURY = _fold("القرن")
_ROMAN = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_AR_AGE = frozenset(_fold(w) for w in ("عمر", "العمر"))
_AR_AGE_HEDGE = _fold("يناهز")
_AR_BOUNDS = {_fold("أكثر"): "min", _fold("أقل"): "max"}
_HEDGES = frozenset(("about", "around", "approximately", "nearly", "almost", "roughly",
                     "some", "over", "above", "under", "below", "than", "least",
                     "estimated")) | frozenset(
    _fold(w) for w in ("حوالي", "حوالى", "نحو", "قرابة", "زهاء", "يقارب", "تقريبا", "أكثر",
                       "أقل", "يناهز", "قرابه", "لأكثر", "بحوالي", "بنحو"))


# ---------------------------------------------------------------- parsing


class _Parser:
    """A cursor over the tokens of one text; each ``_at_*`` method either consumes a mention
    starting at ``i`` and returns it with the next index, or returns None."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.toks = _tokens(text)

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def key(self, i: int) -> str:
        t = self.tok(i)
        return t.key if t else ""

    def mention(self, values: tuple[float, ...], kind: str, i: int, j: int, **kw: object
                ) -> NumberMention:
        """A mention covering tokens i..j-1."""
        start, end = self.toks[i].start, self.toks[j - 1].end
        return NumberMention(values, kind, start, end, self.text[start:end], **kw)  # type: ignore[arg-type]

    def hedged(self, i: int) -> bool:
        if self.key(i - 1) == _AR_AGE_HEDGE and self.key(i - 2) in _AR_AGE:
            return False  # عن عمر يناهز 37 عامًا is the set phrase for "aged 37", not "about"
        if (self.key(i - 2), self.key(i - 1)) in (("up", "to"), ("close", "to")):
            return True  # but "rose to 110" is exact
        return any(self.key(k) in _HEDGES for k in (i - 1, i - 2))

    def bound(self, i: int) -> str | None:
        """"min" or "max" when the mention at token i is a bound ("more than 800"), else None."""
        keys = (self.key(i - 1), self.key(i - 2))
        if keys[0] in ("over", "above", "least") or (keys[0] == "than" and keys[1] == "more"):
            return "min"
        if (keys[0] == "than" and keys[1] in ("less", "fewer")) or keys[0] in ("under", "below") \
                or keys == ("to", "up") or \
                keys == (_fold("إلى"), _fold("يصل")):
            return "max"  # "up to", "ما يصل إلى"
        for k in keys:
            for stem, _c, _a in _ar_readings(k):
                if stem in _AR_BOUNDS:
                    return _AR_BOUNDS[stem]
        return None

    def run(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        while i < len(self.toks):
            for step in (self._at_month_then_number, self._at_fraction, self._at_slash_date,
                         self._at_number, self._at_ar_decade, self._at_ar_dual,
                         self._at_ar_fraction, self._at_vague, self._at_roman,
                         self._at_en_fraction, self._at_en_words,
                         self._at_ar_words):
                found = step(i)
                if found is not None:
                    mentions, i = found
                    out.extend(mentions)
                    break
            else:
                i += 1
        return out

    # -- digits

    def _digits(self, i: int) -> float | None:
        """Value of a digit token: ',' groups of three are thousands, '.' the decimal mark."""
        t = self.tok(i)
        if t is None or t.kind != "num":
            return None
        s = t.text.translate(_DIGITS)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            return float(s.replace(",", ""))
        if self.lang == "ar" and re.fullmatch(r"\d+,\d+", s):
            return float(s.replace(",", "."))  # Arabic texts also use ',' as the decimal mark
        if self.lang != "ar":
            s = s.replace(",", "")  # a mistyped grouping (150,7000) is still one number
        lead = re.match(r"\d+(?:\.\d+)?", s)
        return float(lead.group()) if lead else None

    def _slash_pair(self, i: int) -> bool:
        """Two numbers joined by one slash, written without spaces ("2/3", "9/11"), and not part
        of a longer slash chain such as the full date 1/2/2001."""
        a, slash, b = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if a is None or slash is None or b is None or a.kind != "num" or b.kind != "num" or \
                slash.text != "/" or not (slash.attached(a) and b.attached(slash)):
            return False
        before, after = self.tok(i - 1), self.tok(i + 3)
        return not ((before and before.text == "/" and a.attached(before)) or (
            after and after.text == "/" and after.attached(b)))

    def _at_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A digit fraction "2/3", "3/4" (not 9/11, 24/7 or a date like 1/2/2001). After a whole
        number ("220 2/3 innings") it is the fractional part of a mixed number, which a
        translation may round away: weak."""
        if not self._slash_pair(i):
            return None
        before = self.tok(i - 1)
        num, den = self._digits(i), self._digits(i + 2)
        if num is None or den not in (2, 3, 4, 5, 8) or not (0 < num < den and num.is_integer()):
            return None
        mixed = before is not None and before.kind == "num"
        return [self.mention((num / den,), "fraction", i, i + 3, weak=mixed)], i + 3

    def _at_slash_date(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A day and month with a slash, month first in English ("9/11", "7/7"), day first in
        Arabic ("11/9"); "24/7" (round the clock) is weak. Full dates (1/2/2001) are left."""
        if not self._slash_pair(i):
            return None
        x, y = self._digits(i), self._digits(i + 2)
        if (x, y) == (24, 7):
            return [self.mention((24.0,), "cardinal", i, i + 3, weak=True)], i + 3
        month, day = (y, x) if self.lang == "ar" else (x, y)
        if month is None or day is None or not (month.is_integer() and day.is_integer()
                                                and 1 <= month <= 12 and 1 <= day <= 31):
            return None
        return [self.mention((day,), "date", i, i + 3, unit=f"month={int(month)}")], i + 3

    def _at_roman(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A Roman numeral after a name: "Benedict XVI" = بنديكت السادس عشر, "World War II".
        Weak: a translation may drop it, or it may be an abbreviation."""
        t, prev = self.toks[i], self.tok(i - 1)
        if t.kind != "word" or len(t.text) < 2 or not _ROMAN.fullmatch(t.text) or \
                prev is None or prev.kind != "word" or not prev.text[0].isupper():
            return None
        value = sum(_ROMAN_VALUES[c] for c in t.text)
        value -= 2 * sum(_ROMAN_VALUES[c] for c, d in itertools.pairwise(t.text)
                         if _ROMAN_VALUES[c] < _ROMAN_VALUES[d])
        return [self.mention((float(value),), "ordinal", i, i + 1, weak=True)], i + 1

    def _at_number(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A digit number with its prefix (currency, %), scale, suffix and unit; or a range
        ("3 to 6 inches", "between 2 and 3 million", "3-6"), whose ends share scale and unit."""
        first = self._number(i)
        if first is None:
            return None
        m, j = first
        join = self.tok(j)
        if m.kind == "year" and join and join.text in ("-", "–") and join.attached(
                self.toks[j - 1]):
            end = self._digits(j + 1)
            if end is not None and re.fullmatch(r"\d{2}|\d{4}", self.toks[j + 1].text):
                end = end + m.value // 100 * 100 if end < 100 else end  # 1950-53
                if end > m.value:
                    return [self.mention((m.value, end), "year", i, j + 2)], j + 2
        if m.kind not in ("cardinal", "currency", "percent") or join is None:
            return [m], j
        between = self.key(i - 1) in ("between", _fold("بين"))
        if not (join.key in ("to", "–", _fold("إلى"), _fold("الى"))
                or (join.key in ("and", "و") and between)
                or (join.text == "-" and join.attached(self.toks[j - 1]))):
            return [m], j
        second = self._number(j + 1)
        if second is None:
            return [m], j
        n, k = second
        low = m.value
        if m.kind == "cardinal" and m.unit is None:
            scale = self._scale_of(n)
            if low * scale <= n.value:
                low *= scale
        if not low < n.value or n.kind not in ("cardinal", "currency", "percent"):
            return [m], j
        kind = n.kind if m.kind == "cardinal" else m.kind
        return [NumberMention((low, n.value), kind, m.start, n.end, self.text[m.start:n.end],
                              n.unit or m.unit, approx=m.approx, bound=m.bound)], k

    def _scale_of(self, m: NumberMention) -> float:
        """The multiplier a scaled mention carries (1 when none), read from its own tokens."""
        for t in _tokens(m.text):
            scale = _EN_DIGIT_SCALES.get(t.key) or _AR_SCALES.get(t.key) or \
                _AR_PLURAL_SCALES.get(t.key)
            if scale:
                return scale
        return 1.0

    def _number(self, i: int) -> tuple[NumberMention, int] | None:
        value = self._digits(i)
        if value is None:
            return None
        t = self.toks[i]
        start_i, j = i, i + 1
        kind, unit = "cardinal", None
        prev = self.tok(i - 1)
        if prev and prev.kind == "sym" and prev.text in _CURRENCY_SYMBOLS:
            start_i, kind, unit = i - 1, "currency", _CURRENCY_SYMBOLS[prev.text]
        elif prev and prev.text in ("%", "٪") and t.attached(prev):
            start_i, kind = i - 1, "percent"  # "٪5": Arabic puts the sign first
        elif prev and prev.key in _AR_ORD_ARTICLE and t.attached(prev):
            start_i, kind = i - 1, "ordinal"  # الـ47
        scale = 1.0
        nt = self.tok(j)
        # time: 12:55, 7 a.m., 7.55am, الساعة 7 صباحًا
        if nt and nt.text == ":" and self._digits(j + 1) is not None and len(
                self.toks[j + 1].text) == 2 and nt.attached(t):
            value += self._digits(j + 1) / 100  # type: ignore[operator]
            kind, j = "time", j + 2
        ampm = self._am_pm(j)
        if ampm is not None:
            hours, j = ampm
            return self.mention((value,), "time", start_i, j, unit=f"+{hours}"), j
        if kind == "time" or self.key(i - 1) == _AR_HOUR:
            return self.mention((value,), "time", start_i, j), j
        # ordinal suffix 47th / decade 1930s
        nt = self.tok(j)
        if nt and nt.attached(t) and nt.key in ("st", "nd", "rd", "th") and value.is_integer():
            return self._maybe_date(self.mention((value,), "ordinal", start_i, j + 1), j + 1)
        if nt and nt.attached(t) and nt.key == "s" and value % 10 == 0:
            return self.mention((value,), "decade", start_i, j + 1), j + 1
        if nt and nt.text == "'" and self.key(j + 1) == "s" and value % 10 == 0:
            return self.mention((value,), "decade", start_i, j + 2), j + 2
        # scale: 1.5 million, 2.8bn, £125m, 300 ألف
        nt = self.tok(j)
        if nt and nt.kind == "word":
            scale = (_EN_DIGIT_SCALES.get(nt.key) or _AR_SCALES.get(nt.key)
                     or _AR_PLURAL_SCALES.get(nt.key)
                     or (_CURRENCY_ONLY_SCALES.get(nt.key) if unit in _MONEY else None) or 1.0)
            if scale > 1:
                value *= scale
                j += 1
                half = self._ar_half(j)
                if half:
                    value += scale / 2
                    j += 1
        # percent
        nt = self.tok(j)
        pct = self._percent_words(j)
        if pct:
            kind, j = "percent", j + pct
        year_like = kind == "cardinal" and scale == 1 and re.fullmatch(
            r"1\d{3}|20\d{2}", t.text.translate(_DIGITS))
        if year_like and self.key(j) in _AR_YEAR_MARK and self.toks[j].attached(t):
            return self.mention((value,), "year", start_i, j + 1), j + 1  # 2020م
        if year_like and self._unit(j)[0] is None:
            return self.mention((value,), "year", start_i, j), j
        # unit / currency word
        if kind != "percent":
            u, j2 = self._unit(j)
            if u:
                unit, j = u, j2
                if u in _MONEY:
                    kind = "currency"
        approx = self.hedged(start_i)
        m = self.mention((value,), kind, start_i, j, unit=unit, approx=approx,
                         bound=self.bound(start_i))
        if kind == "cardinal" and 1 <= value <= 31 and value.is_integer():
            return self._maybe_date(m, j)
        return m, j

    def _percent_words(self, j: int) -> int:
        """How many tokens at j spell "percent" (%, ٪, per cent, بالمئة, في المائة), or 0."""
        k = self.key(j)
        if k in ("%", "٪") or k in _EN_PERCENT or k in _AR_PERCENT:
            return 1
        if (k, self.key(j + 1)) == ("per", "cent") or (
                k == _AR_PER and self.key(j + 1) in _AR_HUNDRED_DEF):
            return 2
        return 0

    def _am_pm(self, j: int) -> tuple[int, int] | None:
        """Hours to add for a following a.m./p.m./صباحًا mark, and the index after it."""
        k = self.key(j)
        if k in ("am", "pm"):
            return _EN_AM_PM[k], j + 1
        if k in ("a", "p") and self.key(j + 1) == "." and self.key(j + 2) == "m":
            return _EN_AM_PM[k], j + 3 + (self.key(j + 3) == ".")
        if k in _AR_AM_PM:
            return _AR_AM_PM[k], j + 1
        return None

    def _ar_half(self, j: int) -> bool:
        t = self.tok(j)
        return bool(t and t.kind == "word" and _fold(t.text) in (_fold("ونصف"), _fold("ونص")))

    def _unit(self, j: int) -> tuple[str | None, int]:
        t = self.tok(j)
        degree = self._temperature(j) if t is not None else None
        if degree is not None:
            return degree
        if t is None or t.kind != "word":
            return None, j
        nxt = self.key(j + 1)
        if t.key in ("pound", "pounds") and nxt == "sterling":
            return "GBP", j + 2
        if t.key in _UNITS:
            return _UNITS[t.key], j + 1
        if t.key in _POUND_COUNTRIES and nxt in ("pound", "pounds"):
            return _POUND_COUNTRIES[t.key], j + 2
        if t.key == "us" and nxt in ("dollar", "dollars"):
            return "USD", j + 2
        for stem, _conj, _art in _ar_readings(t.key)[1:]:
            if stem in _UNITS:
                return _UNITS[stem], j + 1
        return None, j

    def _temperature(self, j: int) -> tuple[str, int] | None:
        """40C, 40°F, 40 degrees Celsius, 40 درجة مئوية: degrees (Celsius unless said)."""
        t, prev = self.toks[j], self.tok(j - 1)
        if t.text == "°":
            scale = self.key(j + 1)
            return ("degF", j + 2) if scale == "f" else ("degC", j + 1 + (scale == "c"))
        if t.text in ("C", "F") and prev is not None and prev.kind == "num" and t.attached(prev):
            return ("degC" if t.text == "C" else "degF"), j + 1
        if t.key in _DEGREES:
            scale = self.key(j + 1)
            if scale in _DEGREE_SCALES:
                return _DEGREE_SCALES[scale], j + 2
            return "degC", j + 1
        if t.key in _DEGREE_SCALES:
            return _DEGREE_SCALES[t.key], j + 1
        return None

    # -- dates

    def _month(self, i: int) -> tuple[int, int] | None:
        """Month number at token i and the index after its name."""
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        if (t.key, self.key(i + 1)) in _MONTHS_AR2:
            return _MONTHS_AR2[(t.key, self.key(i + 1))], i + 2
        if t.key in _MONTHS_EN and t.text[0].isupper():
            return _MONTHS_EN[t.key], i + 1 + (self.key(i + 1) == ".")
        for stem, _c, _a in _ar_readings(t.key):
            if stem in _MONTHS_AR:
                return int(_MONTHS_AR[stem]), i + 1
        return None

    def _maybe_date(self, m: NumberMention, j: int) -> tuple[NumberMention, int]:
        """A day number followed by a month name ("9 February", "30 من سبتمبر") is a date."""
        k = j + (self.key(j) in ("of", _fold("من")))
        month = self._month(k)
        if month is None or not (1 <= m.value <= 31):
            return m, j
        i = next(n for n, t in enumerate(self.toks) if t.start == m.start)
        return self.mention(m.values, "date", i, month[1], unit=f"month={month[0]}"), month[1]

    def _at_month_then_number(self, i: int) -> tuple[list[NumberMention], int] | None:
        """"February 9" and "Oct. 2"; a bare two-word month name (كانون الثاني) is consumed so
        that its الثاني is not read as an ordinal."""
        month = self._month(i)
        if month is None:
            return None
        num, j = month
        day = self._digits(j)
        if day is not None and 1 <= day <= 31 and day.is_integer() and not re.fullmatch(
                r"\d{4}", self.toks[j].text):
            end = j + 1 + (self.key(j + 1) in ("st", "nd", "rd", "th"))
            return [self.mention((day,), "date", i, end, unit=f"month={num}")], end
        if j - i == 2:
            return [], j
        return None

    # -- words

    def _at_vague(self, i: int) -> tuple[list[NumberMention], int] | None:
        t = self.toks[i]
        if t.kind != "word":
            return None
        k = t.key
        if k in _EN_VAGUE:
            if k in ("few", "couple", "dozen", "handful") and self.key(i - 1) != "a":
                return None
            lo, hi = _EN_VAGUE[k]
            j = i + 1
            if self.key(i + 1) == "of" and self.key(i + 2) in ("thousands", "millions"):
                scale = _EN_VAGUE[self.key(i + 2)][0]
                lo, hi, j = lo * scale, hi * scale, i + 3
            if k == "tens" and j == i + 1:
                return None
            start = i - 1 if self.key(i - 1) == "a" else i
            return [self.mention((lo, hi), "vague", start, j)], j
        for stem, _c, _a in _ar_readings(k):
            if stem in _AR_VAGUE:
                lo, hi = _AR_VAGUE[stem]
                j = i + 1
                nxt = self.tok(j)
                if nxt is not None:
                    for s2, _c2, _a2 in _ar_readings(nxt.key):
                        if s2 in _AR_PLURAL_SCALES:
                            scale = _AR_PLURAL_SCALES[s2]
                            lo, hi, j = lo * scale, hi * scale, j + 1
                            break
                return [self.mention((lo, hi), "vague", i, j)], j
        return None

    def _at_en_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """"a third of", "one quarter of", "two thirds", "three-quarters": fractions, not the
        ordinal of "a third term" (weak, like Arabic fractions: as often figures of speech)."""
        k, nxt = self.key(i), self.key(i + 1)
        if k in ("a", "one") and nxt in _EN_DENOMINATORS and self.key(i + 2) == "of":
            return [self.mention((1 / _EN_DENOMINATORS[nxt],), "fraction", i, i + 2,
                                 spelled=True, weak=True)], i + 2
        j = i + 1 + (nxt == "-")
        plural = self.key(j)
        if k in _EN_SMALL and 2 <= _EN_SMALL[k] < 10 and plural.endswith("s") and \
                plural[:-1] in _EN_DENOMINATORS and _EN_SMALL[k] < _EN_DENOMINATORS[plural[:-1]]:
            value = _EN_SMALL[k] / _EN_DENOMINATORS[plural[:-1]]
            return [self.mention((value,), "fraction", i, j + 1, spelled=True, weak=True)], j + 1
        return None

    def _at_en_words(self, i: int) -> tuple[list[NumberMention], int] | None:
        """English number words: "twenty-five", "three hundred and twelve", "a million",
        ordinals ("forty-seventh") and decades ("the eighties")."""
        t = self.toks[i]
        if t.kind != "word" or not t.text.isascii():
            return None
        k = t.key
        start = i
        if k == "a" and self.key(i + 1) in ("hundred", *_EN_SCALES):
            i += 1
            k = self.key(i)
        if k in _EN_DECADES and self.key(start - 1) == "the":
            return [self.mention((_EN_DECADES[k],), "decade", start, i + 1, spelled=True)], i + 1
        if k == "half" or k == "twice":
            kind, val = ("fraction", 0.5) if k == "half" else ("cardinal", 2.0)
            return [self.mention((val,), kind, start, i + 1, spelled=True, weak=True)], i + 1
        compound = re.fullmatch(r"(two|three|four|five|six|seven|eight|nine|ten)"
                                r"(fold|somes?|balls?)", k)
        if compound:  # threefold, foursomes: a number inside an English word
            v = _EN_SMALL[compound.group(1)]
            return [self.mention((v,), "cardinal", i, i + 1, spelled=True, weak=True)], i + 1
        if k in _EN_ORD:
            v = _EN_ORD[k]
            m = self.mention((v,), "ordinal", start, i + 1, spelled=True, weak=v <= 2)
            return [m], i + 1
        total, current, last, j, kind = 0.0, 0.0, None, i, "cardinal"
        while True:
            k = self.key(j)
            if k in _EN_SMALL or k in _EN_TENS or k in _EN_ORD:
                v = next(d[k] for d in (_EN_SMALL, _EN_TENS, _EN_ORD) if k in d)
                if last is not None and not (last >= 100 or (last in _EN_TENS.values()
                                                            and v < 10)):
                    break
                current += v
                last = v
                j += 1
                if k in _EN_ORD:
                    kind = "ordinal"
                    break
            elif k == "hundred" and (last is None or last < 100):
                current = max(current, 1) * 100
                last, j = 100.0, j + 1
            elif k in _EN_SCALES and (last is not None or j == i):
                total += max(current, 1) * _EN_SCALES[k]
                current, last, j = 0.0, _EN_SCALES[k], j + 1
            else:
                break
            # continue over "-" (twenty-five) and "and" (three hundred and twelve)
            sep = self.tok(j)
            after = self.key(j + 1)
            if sep and ((sep.text == "-" and (after in _EN_SMALL or after in _EN_ORD))
                        or (sep.key == "and" and last is not None and last >= 100
                            and (after in _EN_SMALL or after in _EN_TENS))):
                j += 1
        if j == i:
            return None
        value = total + current
        end = j
        unit, end2 = self._unit(end)
        if kind == "cardinal" and unit:
            end = end2
        pct = self._percent_words(end)
        if kind == "cardinal" and pct:
            kind, end = "percent", end + pct
        weak = value <= 2 and kind == "cardinal"
        m = self.mention((value,), kind, start, end, unit=unit if end == end2 else None,
                         spelled=True, approx=self.hedged(start), weak=weak,
                         bound=self.bound(start))
        if kind in ("cardinal", "ordinal") and value <= 31:
            m, end = self._maybe_date(m, end)
        return [m], end

    def _ar_word(self, key: str, next_key: str = "") -> tuple[str, float, bool, bool] | None:
        """(category, value, had و, had ال) of an Arabic number word, clitics stripped."""
        for stem, conj, art in _ar_readings(key):
            if stem == _fold("اثنين") and art:
                return None  # الاثنين is Monday
            if key in _AR_PERCENT:
                return None  # بالمئة is "percent", not ب + مئة
            if stem in _AR_TEEN_HEADS:
                return ("unit", _AR_TEEN_HEADS[stem], conj, art) if any(
                    s in _AR_TEN for s, _c, _a in _ar_readings(next_key)) else None
            for cat, lex in (("unit", _AR_UNITS), ("ten", _AR_TEN), ("tens", _AR_TENS),
                             ("hundreds", _AR_HUNDREDS), ("hundred", _AR_HUNDRED),
                             ("scale", _AR_SCALES), ("plural", _AR_PLURAL_SCALES),
                             ("dual", _AR_DUAL_SCALES), ("ord", _AR_ORD), ("half", _AR_HALF)):
                if stem in lex:
                    return cat, lex[stem], conj, art
        return None

    def _at_ar_decade(self, i: int) -> tuple[list[NumberMention], int] | None:
        """ثلاثينيات القرن العشرين = the 1930s (the century defaults to the twentieth)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in _ar_readings(t.key):
            if stem in _AR_DECADES:
                value, j = 1900 + _AR_DECADES[stem], i + 1
                if self.key(j) == _AR_CENTURY:
                    w = self._ar_word(self.key(j + 1))
                    if w and w[0] == "tens":  # العشرين
                        j += 2
                    elif w and w[0] == "ord" and self._ar_word(self.key(j + 2)):  # التاسع عشر
                        value -= 100
                        j += 3
                    elif self.key(j + 1) == _fold("الماضي"):
                        j += 2
                return [self.mention((value,), "decade", i, j, spelled=True)], j
        return None

    def _at_ar_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """النصف, ثلث, ربع: fractions (weak, they are as often figures of speech)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in _ar_readings(t.key):
            if stem in _AR_FRACTIONS:
                return [self.mention((_AR_FRACTIONS[stem],), "fraction", i, i + 1, spelled=True,
                                     weak=True)], i + 1
        return None

    def _at_ar_dual(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A dual noun: يومين = two days, مرتين = twice (weak: duals are also just plurals)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in _ar_readings(t.key):
            if stem in _AR_DUAL_NOUNS:
                return [self.mention((2.0,), "cardinal", i, i + 1, unit=_DUAL_UNIT.get(stem[:-2]),
                                     spelled=True, weak=True)], i + 1
        return None

    def _at_ar_words(self, i: int) -> tuple[list[NumberMention], int] | None:
        """Arabic number words, read right to left as written: units before tens joined by و
        (خمسة وعشرون), teens without (ثلاثة عشر), multipliers after (ثلاثة آلاف, مليون ونصف),
        duals (ألفين, مئتين), ordinals (الحادي عشر, الرابعة والثلاثين)."""
        t = self.toks[i]
        if t.kind != "word" or t.text.isascii():
            return None
        first = self._ar_word(t.key, self.key(i + 1))
        if first is None or first[0] in ("plural", "half"):
            return None
        total, current, last, kind = 0.0, 0.0, None, "cardinal"
        j = part_start = i
        scale_used = float("inf")
        while True:
            w = self._ar_word(self.key(j), self.key(j + 1))
            if w is None or (j > i and not _ar_continues(w[0], w[2], last, current)):
                break
            cat, v, _conj, _art = w
            if cat in ("scale", "plural"):
                if v >= scale_used:  # ثلاثة آلاف وخمسة آلاف: two numbers, not one
                    current, j = 0.0, part_start
                    break
                scale_used = v
            elif current == 0:
                part_start = j
            if cat in ("unit", "ord", "ten", "tens", "hundreds"):
                current += v
                kind = "ordinal" if cat == "ord" else kind
            elif cat == "hundred":
                current = current * 100 if last is not None and last < 10 else current + 100
            elif cat == "dual":
                total += v
            elif cat in ("scale", "plural"):
                total += max(current, 1) * v
                current = 0.0
            else:  # half: مليون ونصف
                total += last / 2  # type: ignore[operator]
            last = v
            j += 1
        if j == i:
            return None
        value = total + current
        unit, end = self._unit(j)
        kind_out = "currency" if unit in _MONEY else kind
        pct = self._percent_words(end)
        if pct:
            kind_out, end = "percent", end + pct
        weak = value <= 2
        m = self.mention((value,), kind_out, i, end, unit=unit, spelled=True,
                         approx=self.hedged(i), weak=weak, bound=self.bound(i))
        if kind_out in ("cardinal", "ordinal") and value <= 31:
            m, end = self._maybe_date(m, end)
        return [m], end


def _ar_continues(cat: str, conj: bool, last: float | None, current: float) -> bool:
    """Whether an Arabic number word extends the number read so far (``last`` is the value of
    the previous word): with و a smaller part follows a larger one, or tens follow units
    (خمسة وعشرون); without و come teens (ثلاثة عشر), hundreds (ثلاث مئة) and multipliers."""
    if last is None:
        return True
    if conj:
        if cat in ("unit", "ord"):
            return last >= 100
        if cat == "tens":
            return last < 10 or last >= 100
        if cat in ("hundreds", "hundred", "dual"):
            return last >= 1000
        return cat == "half" and last >= 100
    if cat == "ten":
        return last < 10
    if cat == "hundred":
        return 3 <= last <= 9
    if cat == "scale":
        return True
    return cat == "plural" and 3 <= current <= 10


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number mentioned in ``text`` (digits in any script, number words in English and
    Arabic, vague quantities), in text order, with spans into ``text``."""
    return _Parser(text, lang).run()
