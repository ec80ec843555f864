"""`python -m bench` (the Makefile's `make bench`): the generator benchmark, then the browser benchmark."""

from bench import browser, generator

generator.main([])
browser.main([])
