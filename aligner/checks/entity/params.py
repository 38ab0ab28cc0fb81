"""The tuned numbers of the entity check, one frozen object registered with it (see
``aligner.checks.params``): a sweep passes ``CheckParams().with_(EntityParams(...))``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityParams:
    # another name of the passage found in the Arabic in a name's place: this close, and
    # at least this many letters (short names transliterate onto common words: AI ≈ أي)
    other_name_match: float = 0.85
    other_name_min_letters: int = 5
    # a loose likeness: an Arabic span that is this close to a name of the link is no stranger
    loose_match: float = 0.6
    # strong consonants an unlisted spelling must have to count as a foreign name's
    transliteration_strong: int = 4
    # a neighbour this close to an unrendered word of the name is its other spelling
    neighbour_similarity: float = 0.45
    # a capitalised English word explains an Arabic word this close (or sharing its first
    # consonants) unless its own rendering elsewhere is better by ``explain_margin``
    explain_similarity: float = 0.6
    explain_margin: float = 0.1
    # a lower-case English word explains an Arabic word this close (a transliterated common
    # noun: podcast, بودكاست); closer for a known foreign personal name (pursue: بوريس)
    lower_match: float = 0.65
    foreign_lower_match: float = 0.85
    # how far apart (share of the sentence) a swapped name and its replacement may sit;
    # farther when the English has a single unrendered name (word order differs)
    position_slack: float = 0.15
    position_slack_one: float = 0.3
    # English segments either side of a link whose names may stand in for the link's own
    nearby_segments: int = 60
    # a multi-word name matched this closely as a whole vouches for each of its words
    whole_match: float = 0.85
    # the reverse direction reports only a document or foreign name scoring at least this
    reverse_min_score: float = 0.8
    # the critical tier's gate: a word the lexicon reads as an ordinary word and that is at
    # least this frequent (wordfreq's Arabic Zipf scale) is no name (جديد 5.6, فنون 4.2);
    # with a transliteration's shape, at least ``ordinary_zipf_shaped`` (هولت 3.5, روزا 3.9)
    ordinary_zipf: float = 3.0
    ordinary_zipf_shaped: float = 4.0
    # ... and a spelling of a foreign name of the name lists at least this (باتريك 4.3 is a
    # name; دوري 5.0, "league", is a word)
    ordinary_zipf_foreign: float = 4.5
    # the lower tier's strangers: a transliteration-shaped word rarer than this (Zipf) is a
    # name whatever the lexicon reads into it (كونيي 0; an inflected verb, يستردون, is 1.7)
    rare_zipf: float = 1.0
    # ... and a common Arab given name rarer than this (بشير 4.2; حافظ 4.5 and أسماء 5.0 are
    # mostly ordinary words)
    given_name_zipf: float = 4.3
    # a proclitic, the article and a word at least this frequent (Zipf) with the article
    # alone is an Arabic word, not a name (بالرسو: الرسو 2.7)
    article_word_zipf: float = 2.0
    # a rare token that is a preposition and a frequent word of at least this many letters is
    # two words run together (فيمركز: في مركز)
    run_together_letters: int = 3
    # longer Arabic tokens are words run together (غادربيونغيانغ), not names
    max_name_letters: int = 10
    # Arabic segments either side of a link where a name still counts as rendered (an
    # alignment slip moves a name one sentence over)
    rendered_window: int = 0
    # a stranger whose first strong consonant is this close to an unrendered name word's is
    # a rendering the matcher missed (بوف for Bough, جيوس for Gjose)
    onset_similarity: float = 0.5
    # ... and whose second strong consonant is this close to one of the English word's next
    # ``onset_reach`` strong consonants (a silent letter or a cluster shifts them)
    onset_reach: int = 2
    # parts of a long lower-case English word (this many letters) a translation may
    # transliterate alone (كورونا of coronavirus), each of at least this many strong consonants
    compound_min_letters: int = 8
    compound_part_consonants: int = 2
    # Arabic words in a row spelling out an acronym (فيروس كورونا for CoV): at least this many
    acronym_min_words: int = 2
    # an Arabic word this close to a name word the document transliterates elsewhere, and
    # this sentence's English lacks, is that name standing where the English has another
    absent_match: float = 0.65
    # the lower tier for a changed English name no list knows (``kept``): a capitalised word
    # of at least this many letters that is no dictionary word
    kept_min_letters: int = 4
    # ... and rarer than this in English (wordfreq Zipf): Celebrity (4.3) is a common word
    kept_max_en_zipf: float = 4.0
    # an Arabic word is a short form of a capitalised English word (Naples: نابولي) only when
    # it keeps this many of its strong consonants or more than this share of them (no s-n
    # word for Singapore; كورونا for Coronavirinae)
    explain_short_consonants: int = 3
    explain_short_share: float = 0.5
