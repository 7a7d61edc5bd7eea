"""Support requests, their conversation and history, and the register of
agreements between departments and enterprises."""

from .agreement import Agreement, AgreementAttachment
from .request import (
    Message,
    ReferenceCounter,
    RequestAttachment,
    RequestEvent,
    SupportKind,
    SupportRequest,
)

__all__ = [
    "Agreement",
    "AgreementAttachment",
    "Message",
    "ReferenceCounter",
    "RequestAttachment",
    "RequestEvent",
    "SupportKind",
    "SupportRequest",
]
