"""Every tuned number of the checks in one object, recorded in the report signature.

Each check declares its own frozen parameters dataclass where it registers
(``register_check(name, params=Cls)``); ``CheckParams`` holds the ones a caller changed, so a
sweep is a loop over ``CheckParams().with_(Cls(field=value))``, never a monkeypatch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class CheckParams:
    """The parameters of every check: a check's defaults unless ``given`` holds its class."""

    given: Mapping[type, Any] = field(default_factory=dict)

    def get(self, cls: type[T]) -> T:
        """This check's parameters (its class's defaults when none were given)."""
        value = self.given.get(cls)
        return value if value is not None else cls()

    def with_(self, *values: Any) -> CheckParams:
        """A copy with ``values`` (parameter objects of one or more checks) in force."""
        given = dict(self.given)
        for value in values:
            if not dataclasses.is_dataclass(value) or isinstance(value, type):
                raise TypeError(f"not a check's parameters object: {value!r}")
            given[type(value)] = value
        return CheckParams(given)

    def to_json(self) -> dict[str, Any]:
        """``{"check.field": value}`` for every registered check with parameters."""
        from aligner.checks.base import param_classes

        out: dict[str, Any] = {}
        for name, cls in sorted(param_classes().items()):
            for key, value in dataclasses.asdict(self.get(cls)).items():
                out[f"{name}.{key}"] = list(value) if isinstance(value, tuple) else value
        return out
