"""Observability: Prometheus metrics of our own registry, and the /metrics, /healthz, /readyz server."""
