"""Dependencies point one way (docs/ARCHITECTURE.md, "Layers"): the core imports no Qt, no HTTP,
no ``ui`` and no ``sync`` — at module level or inside a function — and ``sync`` never the GUI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Top-level packages each layer must never import.
FORBIDDEN = {
    "jipp_desktop": {"PySide6", "shiboken6", "requests", "urllib3", "httpx", "ui", "sync"},
    "sync": {"PySide6", "shiboken6", "ui"},
}


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an ``import``/``from … import`` anywhere in the tree names (functions,
    methods and ``if TYPE_CHECKING`` blocks included), and every string passed to
    ``importlib.import_module`` or ``__import__``, with its line."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                names += [
                    (node.lineno, arg.value)
                    for arg in node.args[:1]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
        elif isinstance(node, ast.Tuple | ast.List):
            # Dotted module names listed for a later import_module (e.g. COMMAND_MODULES).
            names += [
                (item.lineno, item.value)
                for item in node.elts
                if isinstance(item, ast.Constant)
                and isinstance(item.value, str)
                and is_project_module(item.value)
            ]
    return names


def is_project_module(text: str) -> bool:
    """Whether a text is the dotted name of a module of ``ui`` or ``sync`` ("sync.command";
    not "sync.device_id")."""
    parts = text.split(".")
    if len(parts) < 2 or parts[0] not in ("ui", "sync") or not all(p.isidentifier() for p in parts):
        return False
    base = ROOT.joinpath(*parts)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def violations(package: str) -> list[str]:
    """``file:line imports name`` for each forbidden import in the package's sources."""
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_names(tree):
            if name.split(".")[0] in FORBIDDEN[package]:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return found


def test_core_never_imports_qt_http_ui_or_sync_anywhere_in_its_source() -> None:
    assert violations("jipp_desktop") == []


def test_sync_never_imports_the_gui_anywhere_in_its_source() -> None:
    assert violations("sync") == []


def test_the_scan_sees_imports_inside_functions_and_by_name() -> None:
    source = (
        "def start():\n"
        "    from ui.app import run_gui\n"
        "    import requests\n"
        "    importlib.import_module('sync.command')\n"
        "MODULES = ('jipp_desktop.cli.store_commands', 'sync.command', 'sync.device_id')\n"
        "REGISTRY = 'sync.registry'\n"
    )
    assert sorted(imported_names(ast.parse(source))) == [
        (2, "ui.app"),
        (3, "requests"),
        (4, "sync.command"),
        (5, "sync.command"),
    ]


def test_core_imports_no_qt_no_http_no_ui_when_loaded_and_run() -> None:
    """Every core module imported and the core's command line parsed: nothing of another
    layer is loaded."""
    code = (
        "import sys, pkgutil, importlib, jipp_desktop\n"
        "for m in pkgutil.walk_packages(jipp_desktop.__path__, 'jipp_desktop.'):\n"
        "    importlib.import_module(m.name)\n"
        "from jipp_desktop.cli.main import build_parser\n"
        "build_parser().parse_args(['stats', '--json'])\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'requests', 'urllib3', 'httpx', 'ui', 'sync'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_data_command_of_the_launcher_loads_no_qt() -> None:
    """`jipp-desktop stats` goes through ui.launcher but never loads PySide6 (start-up time)."""
    code = (
        "import sys\n"
        "from ui import launcher\n"
        "from jipp_desktop.cli.main import build_parser\n"
        "build_parser(launcher.COMMAND_MODULES).parse_args(['sync', '--status'])\n"
        "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] == 'PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
