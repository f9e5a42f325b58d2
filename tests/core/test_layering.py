"""The core imports no Qt and no HTTP library (DESIGN.md: dependencies point one way)."""

import subprocess
import sys


def test_core_imports_no_qt_no_http_no_ui() -> None:
    code = (
        "import sys, pkgutil, importlib, jipp_desktop\n"
        "for m in pkgutil.walk_packages(jipp_desktop.__path__, 'jipp_desktop.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'requests', 'urllib3', 'httpx', 'ui', 'sync'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
