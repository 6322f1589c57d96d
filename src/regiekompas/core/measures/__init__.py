"""Every measure of docs/method.md, vectorised with numpy.

Each module carries its formula and reference in its docstring; `regiekompas.core.analysis`
puts them together into the results document (docs/method.md, "Results document").
"""

from regiekompas.core.measures.agreement import krippendorff_alpha_interval, rwg_j
from regiekompas.core.measures.anonymity import check_k, shown_groups

__all__ = ["check_k", "krippendorff_alpha_interval", "rwg_j", "shown_groups"]
