"""Print one pip requirement per line: each runtime dependency of pyproject.toml at its declared floor.

torch is printed as 2.13.0 (see .ci/floors); a dependency with an environment marker keeps it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # pragma: no cover  (Python 3.10)
    import tomli as tomllib


def pins(pyproject: Path) -> list[str]:
    out = []
    for dep in tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]:
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)\s*(;.*)?", dep.strip())
        if not m:
            raise SystemExit(f"dependency without a plain floor: {dep!r}")
        name, extra, floor, marker = m.group(1), m.group(2) or "", m.group(3), m.group(4) or ""
        if name.lower() == "torch":
            floor = "2.13.0"
        out.append(f"{name}{extra}=={floor}{marker}")
    return out


if __name__ == "__main__":
    print("\n".join(pins(Path(sys.argv[1]))))
