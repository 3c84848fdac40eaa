"""The package as it is installed: every subpackage listed, recipes shipped, no heavy import for --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "vnsum").rglob("__init__.py")}
    assert found <= listed, found - listed
    assert "vnsum.prompts" in listed


def test_python_m_vnsum_from_another_directory(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "vnsum", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("vnsum "), r.stderr


def test_choices_come_from_the_registries() -> None:
    from vnsum.cli.choices import Format
    from vnsum.engines import ENGINES
    from vnsum.options import flat_fields
    from vnsum.recipes import LENGTHS
    from vnsum.render import FORMATS

    choices = {name: spec.choices for name, _, spec in flat_fields()}
    assert {f.value for f in Format} == {"auto", *FORMATS}
    assert set(choices["engine.name"]) == {"auto", *ENGINES}
    assert set(choices["length"]) == set(LENGTHS)
