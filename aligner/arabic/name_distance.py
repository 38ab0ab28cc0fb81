"""How alike two name skeletons are: a weighted edit distance in which near-sounds and weak
letters (و ي ه, which are often vowels) are cheap."""

from __future__ import annotations

from functools import lru_cache

_NEAR: dict[frozenset[str], float] = {}
for _pair, _cost in (("TΘ", 0.3), ("SΘ", 0.3), ("ZÐ", 0.3), ("DÐ", 0.3), ("DZ", 0.6),
                     ("ΘÐ", 0.3), ("XH", 0.3), ("XK", 0.4), ("QK", 0.2), ("QG", 0.4), ("KG", 0.5),
                     ("JG", 0.3), ("GX", 0.5), ("GR", 0.7), ("SZ", 0.5), ("SŠ", 0.5),
                     ("FW", 0.5), ("FB", 0.6), ("ΦF", 0.0), ("ΦB", 0.6), ("VF", 0.0),
                     ("VW", 0.5), ("VB", 0.6), ("JX", 0.4), ("WY", 0.6), ("AL", 0.0), ("TD", 0.6),
                     ("ZJ", 0.5), ("ŠJ", 0.5), ("SK", 0.7), ("ŠK", 0.5), ("HY", 0.7), ("HW", 0.7),
                     ("aW", 0.2), ("aY", 0.2), ("Ha", 0.4), ("Aa", 0.3)):
    _NEAR[frozenset(_pair)] = _cost
_INDEL = {"W": 0.3, "Y": 0.3, "a": 0.3, "H": 0.5, "A": 0.3}


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

