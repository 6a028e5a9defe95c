"""whereas: knowledge graphs of actors and events from political and legal texts."""

__version__ = "0.1.0"
