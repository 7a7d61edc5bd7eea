"""The policy report views, split by topic. Each declares its permission."""

from .policy import (  # noqa: F401
    EvidenceAddView,
    PolicyHomeView,
    ReviewBasisPdfView,
    ReviewBasisView,
    VersionAdoptView,
    VersionDetailView,
    VersionDocumentView,
    VersionHistoryView,
    VersionListView,
    VersionStatusView,
)
from .reports import (  # noqa: F401
    MyReportsView,
    ReportAcceptView,
    ReportDetailView,
    ReportEditView,
    ReportReturnView,
    ReportVersionView,
)
from .rounds import (  # noqa: F401
    CompiledReportCsvView,
    CompiledReportPdfView,
    CompiledReportView,
    RoundListView,
    RoundOpenView,
    RoundOverviewView,
    RoundSyncView,
)
