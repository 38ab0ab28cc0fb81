"""Latin letter names as Arabic writes an acronym letter by letter (سي إن إن for CNN, بي إم
دبليو for BMW): each spelling with the letters it may name (not أم: it is also "or")."""

from __future__ import annotations

LATIN_LETTER_NAMES = {
    "إيه": "A", "أيه": "A", "ايه": "A", "بي": "B", "سي": "C", "دي": "D", "إي": "E",
    "اي": "EI", "إف": "F", "اف": "F", "جي": "G", "إتش": "H", "اتش": "H", "آي": "I",
    "جيه": "J", "كيه": "K", "كي": "K", "إل": "L", "ال": "L", "إم": "M", "ام": "M", "إن": "N",
    "ان": "N", "أو": "O", "او": "O", "كيو": "Q", "آر": "R", "ار": "R", "إس": "S", "أس": "S",
    "اس": "S", "تي": "T", "يو": "U", "في": "V", "دبليو": "W", "إكس": "X", "اكس": "X",
    "واي": "Y", "زد": "Z", "زي": "Z"}
LETTER_NAMES = frozenset(LATIN_LETTER_NAMES)
