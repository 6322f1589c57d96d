"""The results document as a typed contract (docs/method.md, "Results").

`rows` holds one TypedDict per table; `tables` the registry every export reads its fields
from (key fields, field order, labels and descriptions in Dutch and English, the band).
"""
