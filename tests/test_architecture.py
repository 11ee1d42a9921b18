"""Imports point one way: ui → sync → core. The core never needs a socket or a screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "meetingroom"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _imports(path: Path) -> set[str]:
    """Absolute names of every module a file imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


#: The composition root: the command line wires server, client and windows together.
ENTRY_POINTS = {"cli.py", "__main__.py"}


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) == 1 and parts[0] in ENTRY_POINTS:
        return "entry"
    return parts[0] if parts[0] in ("sync", "ui") and len(parts) > 1 else "core"


SOURCES = sorted(PACKAGE.rglob("*.py"))


def _hits(imports: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(n for n in imports if any(n == p or n.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers(path: Path) -> None:
    layer = _layer(path)
    imports = _imports(path)
    if layer != "ui":
        assert not _hits(imports, QT_MODULES), f"{path}: only meetingroom/ui may import Qt"
    if layer not in ("ui", "entry"):
        # The command line may start the windows; nothing else below the UI may reach up.
        assert not _hits(imports, ("meetingroom.ui",)), f"{path}: imports the UI layer"
    if layer == "sync":
        assert not _hits(imports, ("meetingroom.ui",)), f"{path}: sync imports the UI"
    if layer == "core":
        assert not _hits(imports, ("meetingroom.sync",)), f"{path}: core imports sync/"
        assert not _hits(imports, ("websockets",)), f"{path}: core imports networking"


def test_the_check_sees_violations(tmp_path: Path) -> None:
    """Guard against a check that cannot fail: a planted violation must be found."""
    bad = PACKAGE / "_planted_violation_for_test.py"
    bad.write_text("from .sync import server\nimport PySide6.QtCore\n", encoding="utf-8")
    try:
        assert _layer(bad) == "core"
        imports = _imports(bad)
        assert _hits(imports, ("meetingroom.sync",))
        assert _hits(imports, QT_MODULES)
    finally:
        bad.unlink()


#: "One place wires Qt imports": the only module that may import the binding itself.
QT_GATEWAY = PACKAGE / "ui" / "qt.py"


def _qt_rule_breaks(path: Path) -> list[str]:
    """Direct binding imports outside ``meetingroom/ui/qt.py``."""
    if path == QT_GATEWAY:
        return []
    return _hits(_imports(path), QT_MODULES)


@pytest.mark.parametrize(
    "path",
    [p for p in SOURCES if _layer(p) == "ui"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_ui_imports_qt_only_through_the_gateway(path: Path) -> None:
    assert not _qt_rule_breaks(path), f"{path}: import Qt names from meetingroom.ui.qt"


def test_the_gateway_exports_what_it_imports() -> None:
    """qt.py stays a plain list of re-exports: every imported name is in __all__."""
    tree = ast.parse(QT_GATEWAY.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    exported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            exported = set(ast.literal_eval(node.value))
    assert imported == exported
    assert _hits(_imports(QT_GATEWAY), ("meetingroom",)) == []


def test_the_qt_gateway_check_sees_violations() -> None:
    """A ui module importing PySide6 directly must be caught; one using the gateway not."""
    bad = PACKAGE / "ui" / "_planted_qt_violation_for_test.py"
    good = PACKAGE / "ui" / "_planted_qt_gateway_user_for_test.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    good.write_text("from meetingroom.ui.qt import QWidget\nfrom .qt import Signal\n",
                    encoding="utf-8")
    try:
        assert _layer(bad) == "ui"
        assert _qt_rule_breaks(bad) == ["PySide6.QtWidgets", "PySide6.QtWidgets.QWidget"]
        assert _qt_rule_breaks(good) == []
        assert _qt_rule_breaks(QT_GATEWAY) == []
    finally:
        bad.unlink()
        good.unlink()
