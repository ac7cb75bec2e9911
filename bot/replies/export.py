"""A user's whole history as files: CSV (one row per analysis, for spreadsheets) and JSON (everything, with
each rep and each condition verdict). Pure. Field names are English and stable (data, not prose);
``reps`` is the count in effect (the user's correction when there is one), ``reps_measured`` what the
analysis counted. Times are UTC (ISO 8601) with the local time in the user's time zone beside them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.store.db import ExportRecord

CSV_NAME, JSON_NAME = "formcoach_history.csv", "formcoach_history.json"
CSV_FIELDS = (
    "analysis_id", "time_utc", "time_local", "exercise", "reps", "reps_measured", "reps_corrected", "hold_s",
    "grade", "confidence", "view", "duration_s", "conditions_failed",
)  # fmt: skip


def history_json(records: Sequence[ExportRecord], timezone: str, exported_at: datetime) -> bytes:
    document = {
        "format": "formcoach-history/1",
        "exported_at": exported_at.isoformat(),
        "timezone": timezone,
        "analyses": [_analysis(r, ZoneInfo(timezone)) for r in records],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def history_csv(records: Sequence[ExportRecord], timezone: str) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Korean right."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    zone = ZoneInfo(timezone)
    for r in records:
        row = _analysis(r, zone)
        failed = sorted({c["condition"] for c in row["conditions"] if c["status"] == "fail"})
        writer.writerow({k: row[k] for k in CSV_FIELDS[:-1]} | {"conditions_failed": ";".join(failed)})
    return out.getvalue().encode("utf-8-sig")


def _analysis(r: ExportRecord, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "analysis_id": r.analysis_id,
        "time_utc": r.created_at.isoformat(),
        "time_local": r.created_at.astimezone(zone).isoformat(),
        "exercise": r.exercise,
        "reps": r.rep_count if r.corrected_count is None else r.corrected_count,
        "reps_measured": r.rep_count,
        "reps_corrected": r.corrected_count,
        "hold_s": r.hold_s,
        "grade": r.grade,
        "confidence": round(r.confidence, 4),
        "view": r.view,
        "duration_s": r.duration_s,
        "rep_grades": [
            {"index": i, "grade": grade, "start_s": start, "end_s": end} for i, grade, start, end in r.reps
        ],
        "conditions": [
            {"rep": rep, "condition": condition, "status": status, "value": value, "threshold": threshold}
            for rep, condition, status, value, threshold in r.conditions
        ],
    }
