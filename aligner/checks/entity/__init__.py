"""The entity checks: ``entity_mismatch`` (a name rendered as another) and
``inconsistent_entity`` (one name spelled several ways). Importing the package registers both."""

from aligner.checks.entity.inconsistent import InconsistentEntityCheck
from aligner.checks.entity.mismatch import EntityMismatchCheck
from aligner.checks.entity.params import EntityParams

__all__ = ["EntityMismatchCheck", "EntityParams", "InconsistentEntityCheck"]
