"""Word lists the sentence rules consult: abbreviations, era markers, sentence starters.

Kept as data apart from the rules so a language can be added without touching the logic.
Entries are matched case-sensitively, without their final period (see ``rules._period_ends``).
"""

from __future__ import annotations

# A period after these never ends a sentence: they always precede a name or a word.
STRICT_EN = frozenset({
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm",
    "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Mt", "Ft", "vs", "cf", "approx", "ca",
    "e.g", "i.e", "viz", "esp", "incl", "dept", "est",
})
STRICT_DE = frozenset({
    "Hr", "Hrn", "Fr", "Dr", "Prof", "z.B", "u.a", "d.h", "bzw", "vgl", "ca", "ggf", "evtl",
    "sog", "inkl", "zzgl", "Abs", "Nr",
})
STRICT_FR = frozenset({
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "Mgr", "cf", "env", "av", "bd",
    "p.ex", "c.-à-d",
})

# A period after these ends a sentence only when a typical sentence starter follows.
SOFT = frozenset({"St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "al", "Str"})

# A period after these does not end a sentence when a number follows ("No. 5", "p. 12").
BEFORE_NUMBER = frozenset({
    "No", "Nos", "no", "Nr", "nr", "Fig", "fig", "Figs", "Vol", "vol", "p", "pp", "Art", "art",
    "Sec", "sec", "Ch", "ch", "Op", "op", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
})

# German ordinals ("am 3. Oktober") are a number and a period before a month name.
MONTHS_AFTER_ORDINAL = frozenset({
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Jahrhundert", "Jahrhunderts",
})

# Era markers after a year ("1950 م.", "632 هـ.", "500 ق.م.", "44 B.C."): the period can end a
# sentence even though the marker is otherwise an initial or dotted abbreviation.
ERA = frozenset({"م", "هـ", "ه", "ق.م", "ب.م", "B.C", "A.D", "BC", "AD", "v.Chr", "n.Chr"})

# Capitalised words that usually open a sentence: after a soft abbreviation ("U.S.", "Inc.",
# "B.") they signal that its period also ended the sentence.
STARTERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "In", "On", "At", "But", "And", "Or", "However", "Meanwhile", "His", "Her",
    "Its", "Their", "Our", "My", "As", "If", "When", "While", "After", "Before", "According",
    "Also", "Some", "Many", "Most", "For", "Since", "So", "Yet", "What", "Why", "How", "Who",
    "Where", "Then", "Now", "Both", "Such", "Last", "Earlier", "Later", "Officials",
    "Der", "Die", "Das", "Er", "Sie", "Es", "Wir", "Ich", "Im", "Am", "Aber", "Dies", "Diese",
    "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Je", "Nous", "Un", "Une", "Dans", "Mais",
    "Ce", "Cette",
})
