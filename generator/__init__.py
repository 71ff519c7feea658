"""briefings: turn raw diplomatic news articles into a cross-linked static briefing archive."""

__version__ = "0.1.0"
