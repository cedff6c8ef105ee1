"""The package layout shows the flow: reading → analysis → report, with knowledge beside them
and training apart. Imports are read from the source (including imports inside functions)."""

import ast

from .conftest import REPO

PACKAGE = REPO / "src" / "sitrep"
RUNTIME = ("sitrep.reading", "sitrep.knowledge", "sitrep.analysis", "sitrep.report", "sitrep.build")


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def _imports() -> dict[str, set[str]]:
    """Each sitrep module → the sitrep modules it imports (``from sitrep.x import y`` counts
    ``sitrep.x``, and ``sitrep.x.y`` when that is a module)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        named: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{name}: relative import"
                base = node.module or ""
                named.add(base)
                named.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                named.update(alias.name for alias in node.names)
        graph[name] = {m for m in named if m in modules and m != name}
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for found in graph[todo.pop()] - seen:
            seen.add(found)
            todo.append(found)
    return seen


def test_the_import_graph_reads_the_package():
    graph = _imports()
    assert "sitrep.analysis.classify" in graph["sitrep.build"]
    assert "sitrep.report.render.pdf" in graph["sitrep.build"]


def test_no_import_cycle_among_sitrep_modules():
    graph = _imports()
    cycles = sorted(name for name in graph if name in _reachable(graph, name))
    assert not cycles, f"modules on an import cycle: {cycles}"


def test_the_model_imports_nothing_of_the_stages():
    imported = _imports()["sitrep.model"] - {"sitrep", "sitrep.errors"}
    assert not imported, f"sitrep.model imports {sorted(imported)}"


def test_the_runtime_never_imports_training():
    graph = _imports()
    for name in graph:
        if name.startswith(RUNTIME):
            reached = sorted(m for m in _reachable(graph, name) if m.startswith("sitrep.training"))
            assert not reached, f"{name} reaches {reached}"


def test_knowledge_imports_no_stage_after_reading():
    graph = _imports()
    later = ("sitrep.analysis", "sitrep.report", "sitrep.training", "sitrep.build", "sitrep.cli")
    for name in graph:
        if name.startswith("sitrep.knowledge"):
            assert not [m for m in _reachable(graph, name) if m.startswith(later)], name
