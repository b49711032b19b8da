"""Command-line interface: one module per command group, assembled in ``main``."""
