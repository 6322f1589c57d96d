"""The web application: facilitators set up scans, respondents answer, everyone sees results.

Every figure on a page is computed by `regiekompas.core`; this package only stores answers,
checks who may see what and renders HTML.
"""
