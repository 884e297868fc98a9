"""The one base every model shares, so that a misspelt key is an error and never a silent default."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
]
"""An identifier an instructor types: lower case letters, digits, `_` and `-`."""

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
Percent = Annotated[float, Field(ge=0.0, le=100.0)]
NonNegative = Annotated[float, Field(ge=0.0)]
CapacityLevel = Annotated[float, Field(ge=0.0, le=10.0)]


class StrictModel(BaseModel):
    """`ser_json_inf_nan="constants"`: pydantic would write an infinity as `null`, a figure silently
    lost; as a constant, the writer's check (`game.jsontext.checked`) finds and refuses it."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_default=False, ser_json_inf_nan="constants")
