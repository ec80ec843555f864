"""`python -m bench` (the Makefile's `make bench`): run the benchmarks."""

from bench import generator

generator.main()
