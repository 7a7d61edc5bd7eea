"""The registry: social economy actors, their managed vocabularies, who
represents them, and checks against Tillväxtverket's ASF definition.
Choices and fixed figures live in ``enterprises.constants``."""

from .checks import CriterionAssessment, DefinitionCheck, Evidence
from .enterprise import Enterprise, meets_reserved_share_expression
from .figures import EnterpriseFigures
from .imports import EnterpriseImport, EnterpriseImportRow
from .representation import Representation
from .vocabularies import ServiceCategory, TargetGroup

__all__ = [
    "CriterionAssessment",
    "DefinitionCheck",
    "Enterprise",
    "EnterpriseFigures",
    "EnterpriseImport",
    "EnterpriseImportRow",
    "Evidence",
    "Representation",
    "ServiceCategory",
    "TargetGroup",
    "meets_reserved_share_expression",
]
