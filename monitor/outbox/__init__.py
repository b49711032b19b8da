"""The durable outbox: alerts wait in a Redis Stream until every sink confirmed them."""
