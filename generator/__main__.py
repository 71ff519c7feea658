"""`python -m generator` is the `briefings` command."""
import sys

from generator.cli import main

sys.exit(main())
