"""The fictional SWV Hofstad demo: its data, its route history, and the published demo key.

On top of every app, and imported by none: `steunwijzer demo` (the CLI) and `load_demo`
reach it, and settings install it as an app so it can register what only the demo shows.
"""
