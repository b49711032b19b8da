"""Sources: where items come from (live feeds, replayed files)."""
