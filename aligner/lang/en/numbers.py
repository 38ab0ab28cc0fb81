"""English number words, scales, units and the cue words around figures (read by
``aligner.numbers``), lower-case."""

from __future__ import annotations

SMALL = {w: float(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
TENS = {w: float(10 * (i + 2)) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORDINALS = {w: float(i + 1) for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth"])}
ORDINALS.update({w: float(10 * (i + 2)) for i, w in enumerate(
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
     "ninetieth"])})
ORDINALS.update({"hundredth": 100.0, "thousandth": 1e3, "millionth": 1e6})
DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
DECADES = {w + "ies": v for w, v in (("twent", 20), ("thirt", 30), ("fort", 40),
                                      ("fift", 50), ("sixt", 60), ("sevent", 70),
                                      ("eight", 80), ("ninet", 90))}
# what may come before a decade in words: "the eighties", "in his late seventies"
DECADE_DETERMINERS = ("the", "his", "her", "their", "its", "my", "our", "your")
DECADE_PARTS = ("early", "mid", "late", "-")
# a count that is part of an adjective, not a count of anything: 3D, three-dimensional, two-way
# talks (but a six-point lead counts points)
DIMENSIONS = ("d", "dimensional")
COMPOUND_HEADS = ("dimensional", "way", "sided", "party", "pronged", "tier", "tiered", "wheel",
                  "wheeled", "headed", "lane", "ply", "stroke", "seater", "engined")
# Multiplier words that may follow digits ("2.8bn", "£125m", "1.5 million").
DIGIT_SCALES = {**SCALES, "hundred": 1e2, "bn": 1e9, "tn": 1e12, "mn": 1e6, "k": 1e3,
                "millions": 1e6, "billions": 1e9, "mln": 1e6, "bln": 1e9,
                # a metric prefix on tonnes: 36 gigatons = 36 مليار طن
                **dict.fromkeys(("gigaton", "gigatons", "gigatonne", "gigatonnes"), 1e9),
                **dict.fromkeys(("megaton", "megatons", "megatonne", "megatonnes"), 1e6)}
CURRENCY_ONLY_SCALES = {"m": 1e6, "b": 1e9}

# Vague quantities: (low, high) bounds of what they can stand for.
VAGUE = {"dozens": (10, 200), "hundreds": (100, 2000), "thousands": (1e3, 1e6),
         "millions": (1e6, 1e9), "billions": (1e9, 1e12), "several": (2, 20),
         "dozen": (10, 15), "scores": (20, 200), "few": (2, 10), "handful": (2, 10),
         "couple": (2, 3), "tens": (10, 100)}

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items()) if m != "may"})
MONTHS["sept"] = 9

UNITS = {
    **dict.fromkeys(("dollar", "dollars", "usd"), "USD"),
    **dict.fromkeys(("euro", "euros", "eur"), "EUR"),
    **dict.fromkeys(("sterling", "gbp"), "GBP"),
    **dict.fromkeys(("pound", "pounds", "lb", "lbs"), "lb"),
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "kph"),
                    "km"),
    **dict.fromkeys(("mile", "miles", "mi", "mph"), "mi"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("foot", "feet", "ft"), "ft"),
    **dict.fromkeys(("inch", "inches"), "in"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("yard", "yards"), "yd"),
    **dict.fromkeys(("day", "days"), "day"), **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"), **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("hour", "hours"), "hour"), **dict.fromkeys(("minute", "minutes"), "min")}
DEGREES = ("degree", "degrees")
# "square kilometres", "sq mi": an area in the length unit that follows
SQUARE = ("square", "sq")
# nouns that carry a count of their own ("the first trimester" = الأشهر الثلاثة الأولى, "a
# decade" = عشر سنوات): weak, matched when the other side writes the count out
IMPLICIT_COUNTS = {"trimester": 3, "trimesters": 3, "decade": 10, "fortnight": 14,
                   "century": 100}
DEGREE_SCALES = {"celsius": "degC", "centigrade": "degC", "fahrenheit": "degF"}
POUND_COUNTRIES = {"syrian": "SYP", "egyptian": "EGP", "lebanese": "LBP", "sudanese": "SDG",
                   "british": "GBP"}

PERCENT = ("percent", "pct")
AM_PM = {"am": 0, "pm": 12, "a": 0, "p": 12}
HEDGES = ("about", "around", "approximately", "nearly", "almost", "roughly", "some", "over",
          "above", "under", "below", "than", "least", "estimated")
