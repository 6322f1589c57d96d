"""The transitiemodel: axes, regievormen, conditions, problems and parties, as typed data.

Texts live in `transitiemodel.toml` so they can be reworded without a code change; this
package hands them out as immutable objects every other part of the core shares.
"""

from regiekompas.core.model.load import load_model, parse_model
from regiekompas.core.model.types import (
    GROUP_KINDS,
    Axis,
    Condition,
    Group,
    Model,
    Problem,
    Quadrant,
    Rationaliteit,
    RegieNemen,
    Step,
    Titles,
    Transitie,
)
from regiekompas.core.text import DataFileError as ModelError

__all__ = [
    "GROUP_KINDS",
    "Axis",
    "Condition",
    "Group",
    "Model",
    "ModelError",
    "Problem",
    "Quadrant",
    "Rationaliteit",
    "RegieNemen",
    "Step",
    "Titles",
    "Transitie",
    "load_model",
    "parse_model",
]
