"""Forms check the shape of input; the rules live in services and the workflow."""

from .agreements import AgreementForm
from .fields import AttachmentsField, DateInput
from .filters import AgreementFilterForm, WorklistFilterForm
from .requests import (
    DecisionDueForm,
    MessageForm,
    SupportRequestForm,
    TransitionForm,
    form_class_for,
    represented_enterprises,
)

__all__ = [
    "AgreementFilterForm",
    "AgreementForm",
    "AttachmentsField",
    "DateInput",
    "DecisionDueForm",
    "MessageForm",
    "SupportRequestForm",
    "TransitionForm",
    "WorklistFilterForm",
    "form_class_for",
    "represented_enterprises",
]
