"""Rows for one table, sent to PostgreSQL with COPY in batches and digested
in the order they were added."""

import hashlib
import io
import json
from datetime import date, datetime

COPY_BATCH_ROWS = 50_000


def encode(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


class Copier:
    """Rows for one table, sent with COPY in batches; the digest covers
    every row in the order it was added."""

    def __init__(self, cursor, model, fields: list[str], *, key: str = ""):
        self.cursor, self.model, self.key = cursor, model, key
        self.columns = [model._meta.get_field(name).column for name in fields]
        self.buffer = io.StringIO()
        self.pending = 0
        self.count = 0
        self.digest = hashlib.sha256()

    def add(self, *values) -> None:
        line = "\t".join(encode(v) for v in values) + "\n"
        self.buffer.write(line)
        self.digest.update(line.encode())
        self.pending += 1
        self.count += 1
        if self.pending >= COPY_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        self.buffer.seek(0)
        columns = ", ".join(f'"{c}"' for c in self.columns)
        self.cursor.copy_expert(f'COPY "{self.model._meta.db_table}" ({columns}) FROM STDIN', self.buffer)
        self.buffer = io.StringIO()
        self.pending = 0

    def close(self) -> str:
        self.flush()
        return self.digest.hexdigest()
