"""The copy as a ZIP: the case as text, the attachments that may be
released, and the list of what was left out."""

import zipfile
from io import BytesIO

from .content import CopyContent
from .text import copy_text, left_out_text


def copy_zip(content: CopyContent, *, note: str = "") -> bytes:
    """The case as text, the attachments that may be released, and the list
    of what was left out."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("arende.txt", copy_text(content, note=note))
        archive.writestr("forteckning.txt", left_out_text(content))
        for _value, stored, name in content.attachments:
            if stored is None:
                continue
            try:
                with stored.file.open("rb") as source, archive.open(name, "w") as target:
                    for chunk in iter(lambda: source.read(1024 * 1024), b""):
                        target.write(chunk)
            except FileNotFoundError:
                continue  # listed in the copy; the file itself is gone from disk
    return buffer.getvalue()
