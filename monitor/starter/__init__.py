"""The files ``monitor init`` writes: monitor.yaml, feeds.yaml and a rules folder to start from."""
