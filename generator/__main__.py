"""`python -m generator` is the `briefings` command."""
from generator.cli import run

run()
