"""The reverse direction of the entity check: from an Arabic name-like span with no English
counterpart back to the English name it replaced (for names NER missed or mislabelled)."""

from __future__ import annotations

import re

from aligner.arabic.names import (
    english_skeleton,
    exonym_english,
    find_name_in_arabic,
    is_listed_name,
    is_personal_name,
    is_rare_name,
    lexicon_person_name_at,
    looks_transliterated,
    transliterates_foreign_name,
)
from aligner.arabic.normalize import arabic_tokens, normalize, strip_clitics
from aligner.checks.entity.evidence import name_like, other_name
from aligner.checks.entity.explain import explainers
from aligner.checks.entity.kept import lone_proper_org
from aligner.checks.entity.locate import GENERIC_WORDS, Located, locate
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.unrendered import same_onset
from aligner.checks.entity.words import (
    CALENDAR,
    EN_CAP_RUN,
    KIND,
    NAME_LABELS,
    OPENERS,
    PERSON_TITLES,
    SPEAKER,
    TITLES,
    distinctive,
    en_stop_words,
    is_demonym,
    is_derived,
    padded_words,
    prefix_found,
    related,
    span_of,
    strong_consonants,
)
from aligner.ner import Entity
from aligner.records import Finding, Link, Segment


def reverse(p: EntityParams, link: Link, locs: list[Located], en_name: str, ar_name: str,
             en_segs: tuple[Segment, ...], ar_segs: tuple[Segment, ...],
             doc_names: set[str], doc_tagged: set[str],
             doc_rendered: dict[str, frozenset[str]], doc_surnames: set[str]
             ) -> list[Finding]:
    """An Arabic name-like span with no English counterpart, while the English has a
    personal name (a known given or family name, or a word of a PERSON entity) that the
    Arabic does not render: a swapped name the forward direction did not see (missed or
    mislabelled by NER)."""
    en_ids = link.src if en_name == "src" else link.tgt
    ar_ids = link.tgt if ar_name == "tgt" else link.src
    ar_text = " ".join(ar_segs[j].text for j in ar_ids)
    persons = {w for loc in locs if loc.entity.label == "PERSON"
               for w in re.findall(r"[\w'’-]+", loc.entity.text)}
    en_text = " ".join(en_segs[i].text for i in en_ids)
    people = {n for n in doc_names if len(n.split()) >= 2}
    for i in en_ids:
        text = en_segs[i].text
        for run in EN_CAP_RUN.finditer(text):
            before = text[:run.start()].rstrip()
            if not before or before[-1] in OPENERS or len(run.group().split()) > 3:
                continue
            for wm in re.finditer(r"[\w'’-]+", run.group()):
                word = wm.group()
                if (CALENDAR.match(word) or is_demonym(word)
                        or not distinctive(Entity(word, "", 0, 0))
                        or not (word in persons or is_personal_name(word))):
                    continue
                if (any(locate(Entity(word, "PERSON", 0, 0), ar_segs, (j,)) for j in ar_ids)
                        or prefix_found(word, ar_text)):
                    continue
                link_names = {loc.entity.text for loc in locs} | {word}
                for j in ar_ids:
                    m = other_name(p, ar_segs[j].text, link_names, people, en_text, False)
                    if m is None or m.score < p.reverse_min_score:  # a document or foreign name
                        continue
                    start = run.start() + wm.start()
                    return [Finding(
                        kind=KIND, severity="critical", confidence=0.75,
                        src=link.src, tgt=link.tgt, missing_in=None,
                        message=f"the Arabic names '{m.text}' where the English has "
                                f"'{word}'",
                        evidence={"entity": span_of(en_name, en_segs, i, start,
                                                  start + len(word)),
                                  "arabic": span_of(ar_name, ar_segs, j, m.start, m.end),
                                      "tier": "replaced"})]
    return positional(p, link, locs, en_name, ar_name, en_segs, ar_segs, doc_tagged,
                            doc_rendered, doc_surnames)

def positional(p: EntityParams, link: Link, locs: list[Located], en_name: str, ar_name: str,
                en_segs: tuple[Segment, ...], ar_segs: tuple[Segment, ...],
                doc_tagged: set[str], doc_rendered: dict[str, frozenset[str]],
                doc_surnames: set[str]) -> list[Finding]:
    """A capitalised English word inside a sentence of a 1-1 link (a name, whatever NER
    made of it) that the Arabic does not render, while the Arabic has, at about the same
    place in the sentence, a name-like word that renders no English word of the link: the
    name was swapped for another (Heinrich: اليونان; Walker: ترامب). The English word
    must be a name to NER (here or anywhere in the document: a later bare "Waters") or
    to the name lists, or follow a known given name (Maxine Waters); the Arabic word
    must not resemble an English word of the link that is not clearly rendered
    elsewhere (``explainers``). Any capitalised word not opening a sentence or heading
    (Walker, Price: on no list) counts when the Arabic word transliterates a name the
    document has elsewhere (ترامب) and this English lacks: a name changed in the English;
    when it is the sentence's only unrendered word and a known name, anywhere in the
    sentence (the Arabic moves an attribution to the front: حملة ترامب for a Jean
    campaign spokesman).
    An Arabic word that is no known name but has a transliteration's shape and is borne,
    rarely, as a name in the gazetteer (سفين, فرنسوا), or a name dictionary's spelling
    without a long vowel (أندرس), stands in only for a name NER tagged, or a word
    transliterated elsewhere in the document (Ryder of Ryder Cup), close by, and without a
    proclitic (جود of وجود is no name). An Arabic word beside a rendering of the English
    word's neighbour in its capitalised run is in its place whatever the word order
    (مورنينج غوردون for Morning Post). A word after a personal title is a name even when
    it is a month (Dr August Vann), and a one-word name, or the surname of a person of
    the document (Kanye West), stays one even when it is a title word (West); titles
    before a name do not make its run a heading (Lt Col The Reverend Bernard Vann)."""
    en_ids = link.src if en_name == "src" else link.tgt
    ar_ids = link.tgt if ar_name == "tgt" else link.src
    if len(en_ids) != 1 or len(ar_ids) != 1:
        return []
    i, j = en_ids[0], ar_ids[0]
    text, ar_text = en_segs[i].text, ar_segs[j].text
    words, beside = unrendered_capitals(p, text, ar_text, locs, ar_segs, j, doc_tagged,
                                         doc_surnames)
    if not any(known for *_, known in words) and not (words and doc_rendered):
        return []
    # a single unrendered name and a single stranger: word order matters less
    wide = p.position_slack_one if len(words) == 1 else p.position_slack
    en_words = padded_words(text)
    explains = explainers(text, ar_text, p)
    strangers = {ar for ar, names in doc_rendered.items()
                 if not any(f" {w.lower()} " in en_words for w in names)}
    # the document's transliterated name words this English lacks: another spelling of one
    # (ووترز where the document wrote واترز) is a stranger too
    absent = sorted({w for ar, names in doc_rendered.items() if ar in strangers for w in names})

    def renders_absent(stem: str) -> bool:
        """Whether ``stem`` itself (no proclitic taken off: that is another reading) renders
        a name word of the document this English lacks."""
        return normalize(stem) in strangers or any(
            (m := find_name_in_arabic(w, stem, p.absent_match)) is not None and m.start == 0
            for w in absent)
    transliterated = {w for names in doc_rendered.values() for w in names}
    people = _mislabelled_people(locs, p)
    toks = list(arabic_tokens(ar_text))
    # (weak evidence, distance, English word's offset and word, Arabic span): a known
    # name anywhere in the window beats a word that is merely rare as a name
    candidates: list[tuple[bool, float, int, str, int, int]] = []
    for t, (start, end, tok) in enumerate(toks):
        pos = (start + end) / 2 / max(len(ar_text), 1)
        dist = {(k, w): abs((k + len(w) / 2) / len(text) - pos) for k, w, *_ in words}
        around = " ".join(x[2] for x in toks[max(t - 1, 0):t] + toks[t + 1:t + 2])
        for k, w, *_ in words:  # beside a rendering of its neighbour: in its place
            if any(find_name_in_arabic(x, around) for x in beside[w]):
                dist[k, w] = 0.0
        for off, stem in strip_clitics(tok):
            weak = False
            # the shape test first: it is cheap, and most words fail it
            if looks_transliterated(stem) and renders_absent(stem) and not any(
                    related(e, en_words) for e in exonym_english(normalize(stem))):
                near = [(k, w) for k, w, _, known in words if dist[k, w] <= wide
                        or (len(words) == 1 and known)]
            elif name_like(p, stem, en_words) or lexicon_person_name_at(tok) == off:
                near = [(k, w) for k, w, _, known in words if known and dist[k, w] <= wide]
            elif off == 0 and ((looks_transliterated(stem) and is_rare_name(stem))
                               or is_listed_name(stem) or transliterates_foreign_name(stem)):
                weak = True
                near = [(k, w) for k, w, ner, known in words if known and (
                    ner or w in transliterated) and dist[k, w] <= p.position_slack]
            else:
                continue
            if explains(stem, start + off, end) or any(
                    explains(s, start + o, end, lower=False)
                    for o, s in strip_clitics(tok) if o != off):
                break  # it, or another reading of it (ليوتا: ل + يوتا), renders a word
            # a word beginning like a mislabelled organisation's is its rendering the matcher
            # missed (the lower tier's rule); one strong consonant shared is chance
            near = [(k, w) for k, w in near if not (
                w in people and len(strong_consonants(english_skeleton(w))) >= 2
                and same_onset(stem, [w], p))]
            if not near:
                continue  # another reading may be a stronger name (و + توماس)
            k, word = min(near, key=lambda kw: dist[kw])
            candidates.append((weak, dist[k, word], k, word, start + off, end))
            break
    if not candidates:
        return []
    _, _, k, word, start, end = min(candidates)
    # a word NER called an organisation is a name on weaker evidence: the lower tier
    lower = word in people
    return [Finding(
        kind=KIND, severity="major" if lower else "critical", confidence=0.6 if lower else 0.7,
        src=link.src, tgt=link.tgt, missing_in=None,
        message=f"the Arabic names '{ar_text[start:end]}' where the English has '{word}'",
        evidence={"entity": span_of(en_name, en_segs, i, k, k + len(word)),
                  "arabic": span_of(ar_name, ar_segs, j, start, end),
                  "tier": "unrendered" if lower else "replaced"})]


def _mislabelled_people(locs: list[Located], p: EntityParams) -> set[str]:
    """The one-word organisations of a sentence that are no dictionary word: names NER
    mislabelled (``lone_proper_org``)."""
    return {loc.entity.text for loc in locs if lone_proper_org(loc.entity, p)}


def unrendered_capitals(p: EntityParams, text: str, ar_text: str, locs: list[Located],
                         ar_segs: tuple[Segment, ...], j: int, doc_tagged: set[str],
                         doc_surnames: set[str]
                         ) -> tuple[list[tuple[int, str, bool, bool]], dict[str, list[str]]]:
    """The capitalised words of an English sentence that may be names and that Arabic
    sentence ``j`` does not render, as (offset, word, NER-tagged, a known name), and each
    one's distinctive neighbours in its capitalised run (see ``_positional``)."""
    people = _mislabelled_people(locs, p)
    tagged = {w for loc in locs if loc.entity.label in NAME_LABELS
              for w in re.findall(r"[\w'’-]+", loc.entity.text)} | people
    named = {w for loc in locs if loc.entity.label in ("PERSON", "GPE", "LOC")
             for w in re.findall(r"[\w'’-]+", loc.entity.text)} | people
    alone = {loc.entity.text for loc in locs  # a whole name, though a title word (West)
             if loc.entity.label in ("PERSON", "GPE", "LOC") and " " not in loc.entity.text}
    found = {w for loc in locs if loc.match and not loc.partial
             for w in re.findall(r"[\w'’-]+", loc.entity.text)}  # Kamal of ألبوكمال
    words: list[tuple[int, str, bool, bool]] = []  # (offset, word, NER-tagged, a name)
    beside: dict[str, list[str]] = {}  # its neighbours in its capitalised run
    for run in EN_CAP_RUN.finditer(text):
        before = text[:run.start()].rstrip()
        initial = not before or before[-1] in OPENERS
        speaker = initial and SPEAKER.match(text, run.end()) is not None
        run_words = [re.sub(r"['’]s?$", "", w.group())
                     for w in re.finditer(r"[\w'’-]+", run.group())]
        titles = next((n for n, x in enumerate(run_words)
                       if x.lower() not in TITLES | en_stop_words()), len(run_words))
        if len(run_words) - titles > 4 or (initial and len(run_words) == 1):
            continue  # a heading, not a name (titles aside: Lt Col The Reverend X Y)
        for n, wm in enumerate(re.finditer(r"[\w'’-]+", run.group())):
            word = run_words[n]
            titled = n > 0 and run_words[n - 1].lower().rstrip(".") in PERSON_TITLES
            if ((n == 0 and initial) or (CALENDAR.match(word) and not titled)
                    or is_demonym(word) or is_derived(word) or word.lower() in en_stop_words()):
                continue  # but a month after a title is a name (Dr August Vann)
            if not distinctive(Entity(word, "", 0, 0)) and not (
                    word in named and len(word) >= 4 and word.istitle()
                    and (word.lower() not in TITLES | GENERIC_WORDS or word in alone)
            ) and not (word in doc_surnames and word.istitle()):
                continue  # a tagged name with one strong consonant (Yuan) still counts
            known = (word in tagged or word in doc_tagged or is_personal_name(word)
                     or titled or (n > 0 and is_personal_name(run_words[n - 1]))
                     or (n > 0 and speaker))
            if not known and initial and any(
                    x.lower() not in en_stop_words() | TITLES for x in run_words[:n]):
                continue  # a heading's capitals (Comment Policy) say nothing of a name
            if word in found or any(locate(Entity(x, "PERSON", 0, 0), ar_segs, (j,))
                   or prefix_found(x, ar_text) for x in word.split("-") if x):
                continue
            words.append((run.start() + wm.start(), word, word in named, known))
            beside[word] = [x for x in run_words[max(n - 1, 0):n] + run_words[n + 1:n + 2]
                            if distinctive(Entity(x, "", 0, 0))]
    return words, beside
