"""Benchmarks (not timed tests): run with `uv run python -m bench`."""
