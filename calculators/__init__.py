"""Quality calculators (standard library only; runs in CPython and Pyodide)."""
