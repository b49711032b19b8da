"""Tools built on the pipeline: backtests, rule examples, explain and the backtest report."""
