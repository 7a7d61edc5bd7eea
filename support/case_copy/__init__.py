"""A copy of a support request for a public-records request (utlämnande av
allmän handling): the case facts, the registration number, the document
list, the history and the conversation, as a PDF or as a ZIP (the same text,
the attachments that may be released, and a list of what was left out).

Every item or field marked secret (records.secrecy) is left out, with a note
in its place citing the provision ("Uppgift sekretessbelagd enligt OSL 21
kap. 1 §"). A message marked secret takes its attachments with it. Internal
notes are included (masked where marked) unless the official leaves them
out: in a closed case they are public records; in an open one they may
still be working material, which the copy page explains.

The copy is the municipality's document and is always written in Swedish.
As a last safeguard every text written is scrubbed of the secret texts, so a
secret quoted elsewhere in the case (a document description, the case
title) is masked there too. Applicants and officials appear by role, never
by name, except the applicant on the application (a field one can mark).

content.py builds what the copy holds (scrubbing.py is the last safeguard),
text.py writes it as plain text, pdf.py as a PDF and zip.py as a ZIP.
"""

from .content import MARKABLE_FIELDS, build_copy, download_name
from .pdf import copy_pdf
from .zip import copy_zip

__all__ = ["MARKABLE_FIELDS", "build_copy", "copy_pdf", "copy_zip", "download_name"]
