"""The browser layer: calculator forms, the self-hosted Pyodide runtime (trimmed standard library,
precompressed copies), the wheel, the snapshot and assets."""
