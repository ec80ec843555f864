"""The browser layer: calculator forms, the self-hosted Pyodide runtime, the wheel, the snapshot and assets."""
