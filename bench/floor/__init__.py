"""The floor of `bench/web_load.py`: a bare Django view that inserts one row per POST.

It runs in the product's own settings (same middleware, same database, same gunicorn
workers), so the difference between it and the answer-saving view is what the product adds
on top of Django itself: token lookup, validation against the instrument, the upsert.
Used only by the benchmark; never installed with the application.
"""
