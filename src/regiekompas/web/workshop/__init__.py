"""The live workshop of product.md §12: sessions with a join code, anonymous dots placed on
phones, a projector view.
"""
