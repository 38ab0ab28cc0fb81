"""Apache Parquet (needs ``pyarrow``: ``pip install aligner[parquet]``), for data pipelines."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, register_exporter
from aligner.records import AlignerError


@register_exporter("parquet")
class ParquetExporter:
    name = "parquet"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise AlignerError(None, "parquet export needs pyarrow: "
                                     "pip install 'aligner[parquet]'") from exc
        table = pa.Table.from_pylist([row.to_json() for row in rows], schema=pa.schema([
            ("pair", pa.string()), ("src_lang", pa.string()), ("tgt_lang", pa.string()),
            ("src_ids", pa.list_(pa.int32())), ("tgt_ids", pa.list_(pa.int32())),
            ("src", pa.string()), ("tgt", pa.string()), ("score", pa.float32())]))
        table = table.replace_schema_metadata(
            {"aligner.signature": json.dumps(signature, ensure_ascii=False)})
        path = out_dir / f"{stem}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=out_dir)
        os.close(fd)
        try:
            pq.write_table(table, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return [path]
