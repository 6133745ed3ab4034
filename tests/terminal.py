"""A real terminal for tests: readerapp run inside tmux, on a private tmux server.

Each `Terminal` starts its own tmux server (`-L`, no user config), so tests never
see another session's windows, and it can report what a terminal user would:
the screen's text, the pane's title (which an OSC 2 sequence would set) and
tmux's paste buffers (which an OSC 52 sequence would fill, with set-clipboard on).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HAVE_TMUX = shutil.which("tmux") is not None


class Terminal:
    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"readerapp-test-{uuid.uuid4().hex[:8]}"
        self.session = "t"
        self.width, self.height = width, height
        # A shell first; the command is typed once the window has its size (a program
        # started with the session can read the size before tmux applies it).
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), "sh"
        )
        self.tmux("set-option", "-g", "set-clipboard", "on")
        self.tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout

    def run(self, command: str, *, status_file: Path | None = None) -> None:
        """Type `command` into the shell; its exit status goes to `status_file`."""
        if status_file is not None:
            command = f"{command}; echo $? > {shlex.quote(str(status_file))}"
        self.tmux("send-keys", "-t", self.session, "-l", command)
        self.tmux("send-keys", "-t", self.session, "Enter")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, ready: Callable[[str], bool], timeout: float = 60) -> str:
        """Poll the screen until `ready(screen)`; returns the last screen either way.

        About one start in ten, Textual draws at 80×24 inside the window (it reads
        the size once, through shutil): a resize after a while makes it redraw.
        """
        started = time.monotonic()
        nudge_at = started + 8
        screen = ""
        while time.monotonic() < started + timeout:
            screen = self.screen()
            if ready(screen):
                return screen
            if time.monotonic() > nudge_at:  # again every few seconds: a busy machine is slow
                # Both sides change, so the app hears a new size whatever it read before.
                w, h = str(self.width), str(self.height)
                self.tmux("resize-window", "-t", self.session, "-x", str(self.width - 1), "-y", h)
                time.sleep(0.1)
                self.tmux("resize-window", "-t", self.session, "-x", w, "-y", str(self.height - 1))
                time.sleep(0.1)
                self.tmux("resize-window", "-t", self.session, "-x", w, "-y", h)
                nudge_at = time.monotonic() + 8
            time.sleep(0.2)
        return screen

    def title(self) -> str:
        return self.tmux("display-message", "-p", "-t", self.session, "#{pane_title}").strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers").strip()

    def close(self) -> None:
        self.tmux("kill-server")


def wait_for_file(path: Path, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not path.exists():
        time.sleep(0.1)
    return path.read_text().strip() if path.exists() else ""
