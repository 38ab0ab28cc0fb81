"""``python -m aligner``: the same command line as the ``aligner`` script."""

from aligner.cli import main

main()
