"""The house rules, enforced: the layer contract in pyproject.toml, no
imports tucked inside functions to dodge it, and modules small enough to
read (README, "Architecture")."""

import ast
import statistics
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("core", "accounts", "records", "enterprises", "support", "policy_reports", "archive", "saved_views",
            "workspace", "sotenas_portal")
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def source_modules() -> list[Path]:
    """Every Python module we wrote, outside migrations and tests."""
    found = []
    for top in (*PACKAGES, "bench"):
        found += [p for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts]
    return sorted(found)


def test_the_layer_contract_lists_every_app_bottom_to_top_and_ignores_nothing():
    layers = next(c for c in CONTRACTS["contracts"] if c["type"] == "layers")
    assert layers["layers"] == [
        "sotenas_portal", "workspace", "saved_views", "archive", "policy_reports", "support", "enterprises", "records",
        "accounts", "core",
    ]
    assert sorted(CONTRACTS["root_packages"]) == sorted(PACKAGES)
    assert all("ignore_imports" not in contract for contract in CONTRACTS["contracts"])


def test_import_linter_keeps_every_contract():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS['contracts'])} kept, 0 broken" in result.stdout


def imports_inside_functions(path: Path) -> list[str]:
    """Project packages other than the module's own imported in a function body."""
    own = path.relative_to(ROOT).parts[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names
                      if name.split(".")[0] in PACKAGES and name.split(".")[0] != own]
    return found


def test_no_module_imports_another_app_inside_a_function():
    # AppConfig.ready() is where Django wants signal handlers connected; the
    # benchmark sets Django up before it may import the apps.
    allowed = {"apps.py"}
    offenders = [hit for path in source_modules() if path.name not in allowed and path.parts[-2] != "bench"
                 for hit in imports_inside_functions(path)]
    assert offenders == []


def test_modules_stay_small():
    sizes = {path.relative_to(ROOT): len(path.read_text().splitlines()) for path in source_modules()}
    too_long = {str(path): lines for path, lines in sizes.items() if lines > 400}
    assert too_long == {}
    assert statistics.median(sizes.values()) <= 60
    settings_modules = {str(p): n for p, n in sizes.items() if p.parts[:2] == ("sotenas_portal", "settings")}
    assert max(settings_modules.values()) <= 300, settings_modules


def test_the_old_ground_floor_modules_are_gone_not_re_exported():
    for old in ("outbox", "tasks", "models", "uploads", "pagination", "params", "api_common", "api_urls"):
        assert not (ROOT / "sotenas_portal" / f"{old}.py").exists(), old
    assert not (ROOT / "enterprises" / "checks.py").exists()
