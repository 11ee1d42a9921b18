"""The two halves, seen in the imports.

``meetingroom/core`` (vocabulary, protocol, rules, pdf) is shared and imports neither half.
The server's brain (``meetingroom/server``) and its side of the wire (``sync/serving``)
never import the laptop's state (``meetingroom/laptop``), the client side of the wire
(``sync/client``) or the windows. The windows, the laptop's state and the client side
never import the server's brain or storage. Only the relay (``sync/relay``), a server to
its laptops and a client upstream, and the command line may use both.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
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

#: Layer of each folder, most specific first.
LAYERS = (
    (("sync", "serving"), "server"),
    (("sync", "client"), "client"),
    (("sync", "relay"), "relay"),
    (("server",), "server"),
    (("laptop",), "client"),
    (("ui",), "ui"),
    (("sync",), "wire"),
    (("core",), "core"),
)

SERVER_SIDE = ("meetingroom.server", "meetingroom.sync.serving")
CLIENT_SIDE = ("meetingroom.laptop", "meetingroom.sync.client", "meetingroom.ui")
NETWORK = ("meetingroom.sync", "websockets")


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) == 1:
        return "entry" if parts[0] in ENTRY_POINTS else "flat"
    for prefix, layer in LAYERS:
        if parts[: len(prefix)] == prefix and len(parts) > len(prefix):
            return layer
    return "other"


SOURCES = sorted(PACKAGE.rglob("*.py"))


def _hits(imports: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(n for n in imports if any(n == p or n.startswith(p + ".") for p in prefixes))


def _breaks(path: Path) -> list[str]:
    """Why ``path``'s imports cross a boundary, or nothing."""
    layer, imports, found = _layer(path), _imports(path), []
    if layer != "ui" and _hits(imports, QT_MODULES):
        found.append("only meetingroom/ui may import Qt")
    if layer in ("core", "wire", "flat") and _hits(imports, (*SERVER_SIDE, *CLIENT_SIDE)):
        found.append("the shared core imports one of the halves")
    if layer == "core" and _hits(imports, NETWORK):
        found.append("the shared core imports networking")
    if layer == "server" and _hits(imports, (*CLIENT_SIDE, "meetingroom.sync.relay")):
        found.append("the server imports the client side")
    if layer in ("client", "ui") and _hits(imports, (*SERVER_SIDE, "meetingroom.sync.relay")):
        found.append("the client side imports the server's brain or storage")
    if layer in ("client", "server", "relay") and _hits(imports, ("meetingroom.ui",)):
        found.append("below the windows, a module imports them")
    return found


def test_every_module_has_a_layer() -> None:
    """A new folder must be placed on one side: nothing falls through the table."""
    assert [p for p in SOURCES if _layer(p) == "other"] == []
    flat = sorted(p.name for p in SOURCES if _layer(p) == "flat")
    assert len([n for n in flat if n != "__init__.py"]) <= 4, flat


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers(path: Path) -> None:
    assert not _breaks(path), f"{path}: {_breaks(path)}"


PLANTED = {
    ("core", "from ..sync.client import connection\n"): "the shared core imports one of the halves",
    ("core", "import PySide6.QtCore\n"): "only meetingroom/ui may import Qt",
    ("core", "import websockets\n"): "the shared core imports networking",
    ("server", "from meetingroom.laptop import notes\n"): "the server imports the client side",
    ("sync/serving", "from ..client import connection\n"): "the server imports the client side",
    ("ui", "from meetingroom.server.storage import models\n"):
        "the client side imports the server's brain or storage",
    ("sync/client", "from meetingroom.sync.serving import rooms\n"):
        "the client side imports the server's brain or storage",
    ("laptop", "from meetingroom.ui import qt\n"): "below the windows, a module imports them",
}


@pytest.mark.parametrize(("folder", "source"), list(PLANTED), ids=lambda v: str(v)[:30])
def test_the_check_sees_violations(folder: str, source: str) -> None:
    """Guard against a check that cannot fail: each planted violation must be found."""
    bad = PACKAGE.joinpath(*folder.split("/")) / "_planted_violation_for_test.py"
    bad.write_text(source, encoding="utf-8")
    try:
        assert PLANTED[(folder, source)] in _breaks(bad)
    finally:
        bad.unlink()


def test_the_relay_may_use_both_halves() -> None:
    relay = PACKAGE / "sync" / "relay" / "_planted_relay_for_test.py"
    relay.write_text("from meetingroom.server import service\n"
                     "from meetingroom.sync.client import connection\n", encoding="utf-8")
    try:
        assert _breaks(relay) == []
    finally:
        relay.unlink()


def test_the_windows_load_no_server_libraries() -> None:
    """Importing every module of meetingroom.ui, and the command line the desktop bundle
    starts from, loads no SQLAlchemy, Alembic or Argon2: the desktop bundle carries neither
    the server's database nor its password hashing (installers/meetingroom.spec)."""
    modules = ["meetingroom.cli", *sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in SOURCES if _layer(p) == "ui")]
    code = ("import sys\n"
            f"for name in {modules!r}:\n    __import__(name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} "
            "& {'sqlalchemy', 'alembic', 'argon2'}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=PACKAGE.parent, check=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stdout


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


def test_subprocess_tests_read_the_ready_line_in_one_place() -> None:
    """Every test that starts ``serve`` or ``relay`` reads its address through
    tests/helpers/processes.py, so a change to the ready line is one edit, not seven."""
    tests = Path(__file__).resolve().parent
    helper = tests / "helpers" / "processes.py"
    readers = [path.relative_to(tests).as_posix() for path in sorted(tests.rglob("*.py"))
               if path != helper and path != Path(__file__).resolve()
               and r"\(health" in path.read_text(encoding="utf-8")]
    assert readers == []


#: Longest a module of the wire (``meetingroom/sync``) may grow: one reader holds it in mind.
MAX_SYNC_MODULE_LINES = 600


def test_no_module_in_sync_is_over_600_lines() -> None:
    """Past this a module grows copies (issue 18: the relay had re-implemented the
    laptop's reconnect, gap check and outbox in 1 051 lines); split it by what it does."""
    long = {str(path.relative_to(PACKAGE)): n for path in sorted((PACKAGE / "sync").rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_SYNC_MODULE_LINES}
    assert long == {}
