"""Framework-free core: model, instrument, io, measures, advice and simulation.

Nothing in here imports Django, so a notebook, the CLI, the web app and the reports all call
the same functions and get the same figures.
"""
