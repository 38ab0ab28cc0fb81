"""Latin letter names as Arabic writes an acronym letter by letter (سي إن إن for CNN, أم بي إي
جي for MPEG), with the spellings in use for each letter (not أم: it is also "or")."""

from __future__ import annotations

LETTER_NAMES = frozenset((
    "إيه", "أيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "إتش", "اتش", "آي",
    "جيه", "كيه", "كي", "إل", "ال", "إم", "ام", "إن", "ان", "أو", "او", "كيو", "آر", "ار",
    "إس", "أس", "اس", "تي", "يو", "في", "دبليو", "إكس", "اكس", "واي", "زد", "زي"))
