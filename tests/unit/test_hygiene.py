"""Import hygiene: the core and the scripted commands never load Textual.

Textual is slow to import; `readerapp analyze` and `readerapp export`
run in scripts and pipes and must start fast, and the core must stay usable
without a terminal UI (the layers in the README's "How it is built"). Each check runs in a fresh
interpreter, since this test process has imported Textual long ago.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "src" / "readerapp" / "core"


def core_modules() -> list[str]:
    """Every module under src/readerapp/core, as dotted names."""
    names = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_core_modules_are_found() -> None:
    names = core_modules()
    assert "readerapp.core" in names and "readerapp.core.article" in names
    assert "readerapp.core.analysis.pipeline" in names
    assert "readerapp.core.exchange.importing" in names


def test_importing_every_core_module_does_not_import_textual() -> None:
    code = (
        "import importlib, json, sys\n"
        "names = json.loads(sys.argv[1])\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = run_python(code, json.dumps(core_modules()))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


# The command runs in-process through readerapp.cli.main, exactly as the console
# script does, and then reports whether any Textual module was loaded.
COMMAND_WRAPPER = (
    "import json, sys\n"
    "from readerapp.cli import main\n"
    "status = main(json.loads(sys.argv[1]))\n"
    "sys.stdout.flush()\n"
    "textual = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
    "print('\\nHYGIENE ' + json.dumps({'status': status, 'textual': textual}))\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["analyze", "--json"], id="analyze --json"),
        pytest.param(["analyze"], id="analyze report"),
        pytest.param(["export"], id="export json"),
        pytest.param(["export", "--format", "md"], id="export md"),
        pytest.param(["import", "{export}"], id="import"),
    ],
)
def test_scripted_commands_do_not_import_textual(argv: list[str], tmp_path: Path) -> None:
    db = tmp_path / "empty" / "annotations.json"
    export = tmp_path / "export.json"
    export.write_text('{"format": "readerapp-annotations", "version": 1, "articles": []}')
    argv = [arg.replace("{export}", str(export)) for arg in argv]
    if argv[0] in ("export", "import"):
        argv += ["--db", str(db)]
    if argv[0] == "export":  # export reads an existing database (a missing one is an error)
        db.parent.mkdir()
        db.write_text("{}")
    result = run_python(COMMAND_WRAPPER, json.dumps(argv))
    assert result.returncode == 0, result.stderr
    output, _, line = result.stdout.rpartition("\nHYGIENE ")
    report = json.loads(line)
    assert report["status"] == 0, result.stderr
    if argv[0] == "analyze":
        assert output.strip(), "analyze printed nothing"
    assert report["textual"] == []


def test_analyze_json_import_time_has_no_textual() -> None:
    """The same, seen from outside: `python -X importtime` lists every module it loaded."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "readerapp", "analyze", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "readerapp.core.article" in imported  # the trace is really there
    assert not [name for name in imported if name.split(".")[0] == "textual"]
