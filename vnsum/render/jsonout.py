"""JSON: exactly ``Brief.to_dict()``; one object for one brief, a list for several."""

from __future__ import annotations

import json
from typing import IO

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, register
from vnsum.render.sanitize import sanitize_brief


def to_json(briefs: list[Brief]) -> str:
    data = [sanitize_brief(b).to_dict() for b in briefs]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


@register("json", "JSON, for scripts (Brief.to_dict())")
def write_json(briefs: list[Brief], file: IO[str], options: RenderOptions) -> None:
    file.write(to_json(briefs))
