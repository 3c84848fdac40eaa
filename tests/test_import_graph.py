"""No import circle in vnsum at any level: between modules, and between the parts (modules and
subpackages) of every package. Every import counts, also those inside functions (a lazy import
still ties the two modules together); only ``if TYPE_CHECKING:`` blocks are left out.

``KNOWN`` names circles still to remove (none left: the checks' ``names`` <-> ``norm`` and the
text package's ``segment`` <-> ``sentences`` are gone); a circle not listed fails, and so does a
listed one that is gone (so the list only shrinks).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import vnsum

ROOT = Path(vnsum.__file__).resolve().parent
KNOWN: set[frozenset[str]] = set()


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in modules:
                    found.add(sub)
                elif base in modules:
                    found.add(base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[frozenset[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = set()
                    while True:
                        top = stack.pop()
                        on.discard(top)
                        comp.add(top)
                        if top == node:
                            break
                    if len(comp) > 1:
                        out.append(frozenset(comp))
    return out


def _levels(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Circles between the parts of each package: every module squashed into its package's child."""
    packages = {m for m in graph if (ROOT.parent / m.replace(".", "/") / "__init__.py").exists()}
    out = []
    for package in sorted(packages):
        depth = package.count(".") + 1

        def part(module: str, package: str = package, depth: int = depth) -> str | None:
            if not module.startswith(package + "."):
                return None
            return ".".join(module.split(".")[: depth + 1])

        squashed: dict[str, set[str]] = defaultdict(set)
        for module, targets in graph.items():
            a = part(module)
            if a is None:
                continue
            squashed[a]
            for target in targets:
                b = part(target)
                if b is not None and b != a:
                    squashed[a].add(b)
        out += _cycles(squashed)
    return out


def test_the_graph_sees_lazy_imports() -> None:
    graph = _graph()
    assert "vnsum.reading.page" in graph["vnsum.reading.source"]  # imported inside a function
    assert "vnsum.pipeline" in graph["vnsum"]  # the package's lazy __getattr__


def test_the_cycle_finder_finds_a_circle_through_three() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]


def test_no_import_circle_between_modules() -> None:
    cycles = set(_cycles(_graph()))
    assert cycles - KNOWN == set(), "import circles: " + "; ".join(" <-> ".join(sorted(c)) for c in cycles - KNOWN)
    assert KNOWN - cycles == set(), "gone (remove from KNOWN): " + "; ".join(" <-> ".join(sorted(c)) for c in KNOWN - cycles)


def test_no_import_circle_between_the_parts_of_any_package() -> None:
    cycles = {c for c in _levels(_graph()) if not any(c <= k for k in KNOWN)}
    assert cycles == set(), "circles between parts of a package: " + "; ".join(" <-> ".join(sorted(c)) for c in cycles)
