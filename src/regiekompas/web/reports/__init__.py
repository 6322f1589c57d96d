"""PDF reports, results workbooks and chart downloads, built from the same results document and
sections as the pages.
"""
