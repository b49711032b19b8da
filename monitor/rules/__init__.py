"""Analyst rules: strict YAML models, a positioned loader and a pure matching engine."""
