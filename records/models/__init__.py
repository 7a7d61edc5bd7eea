from .delivery import Delivery, DeliveryPackage
from .disposal import DisposalLogEntry, DisposalRun
from .plan import RetentionRule
from .registration import CaseDocument, Registration, RegistrationCounter, Series, SeriesUse
from .secrecy import CaseCopy, SecrecyMark

__all__ = [
    "CaseCopy", "CaseDocument", "Delivery", "DeliveryPackage", "DisposalLogEntry", "DisposalRun",
    "Registration", "RegistrationCounter", "RetentionRule", "SecrecyMark", "Series", "SeriesUse",
]
