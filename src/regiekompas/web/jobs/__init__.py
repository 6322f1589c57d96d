"""Background work: a job per heavy task (results of a large scan, PDF reports, document
batches), run in-process in the embedded default and on Celery in production
(docs/deployment.md).
"""
