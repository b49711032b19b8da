"""The morning digest: the night's strikes, records, troop and weapon reports, silences, stale feeds."""
