"""State kept in Redis: seen items, records, first sightings, dedup claims, the outbox."""
