"""The number parser under the name the checks have imported it by (it lives in
``aligner.numbers``; its word lists in ``aligner.lang.{en,ar}.numbers``)."""

from aligner.numbers import KINDS, NumberMention, extract_numbers

__all__ = ["KINDS", "NumberMention", "extract_numbers"]
