"""The regie cycle of product.md §13: doelpositie and verbeteragenda per gemeente, carried over
to the next round.
"""
