"""aligner: pair, segment, align and check Arabic–English article pairs."""

__version__ = "0.1.0"
