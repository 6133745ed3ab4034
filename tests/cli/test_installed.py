"""As a new user: build the wheel, install it in a throwaway environment, run it elsewhere.

Proves the sample article ships inside the wheel and that the installed
`readerapp` works in a real terminal (tmux): title and sidebar show, `q` exits 0.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from terminal import HAVE_TMUX, Terminal, wait_for_file

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the built wheel installed; returns its bin directory."""
    root = tmp_path_factory.mktemp("installed")
    wheels = root / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(wheels.glob("readerapp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "readerapp/data/articles/who-will-survive-psp-or-mqm.txt" in names
    assert "readerapp/ui/app.tcss" in names
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return venv / "bin"


def test_installed_package_finds_the_bundled_article(installed, tmp_path):
    result = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "from readerapp.core.locations import bundled_article; print(bundled_article())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert "site-packages" in result.stdout
    version = subprocess.run(
        [str(installed / "readerapp"), "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    assert version.stdout.startswith("readerapp ")


@pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")
def test_installed_readerapp_in_a_real_terminal(installed, tmp_path):
    status_file = tmp_path / "status"
    db = tmp_path / "notes.json"
    terminal = Terminal()
    try:
        terminal.run(
            f"cd {tmp_path} && READERAPP_DB={db} {installed / 'readerapp'}", status_file=status_file
        )
        # Poll until one capture holds the whole frame: tmux can be caught
        # half-way through the app writing an update.
        screen = terminal.wait_for(
            lambda s: (
                "Who will survive" in s
                and "Speakers" in s
                and "Allegations" in s
                and "analyzing" not in s
            )
        )
        assert "Who will survive -- PSP or MQM?" in screen
        assert "Speakers" in screen and "Allegations" in screen
        terminal.keys("q")
        assert wait_for_file(status_file) == "0"
    finally:
        terminal.close()
