"""JSON output: exactly the report's ``to_dict()``."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["render_json"]


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
