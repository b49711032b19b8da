"""Live RSS/Atom feeds: configuration, fetching, per-feed state, polling and scheduling."""
