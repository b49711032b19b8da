"""monitor: a streaming news alert monitor for analysts following the Russia-Ukraine war."""

__version__ = "0.1.0"
