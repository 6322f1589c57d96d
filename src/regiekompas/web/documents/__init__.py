"""Policy documents per gemeente, placed in the transitiemodel in the background
(docs/documents.md).
"""
