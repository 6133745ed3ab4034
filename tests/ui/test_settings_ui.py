"""The settings file as a user meets it: theme kept, keys remapped, problems said."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from pilots import reader_ready
from readerapp.core.article import load_article
from readerapp.core.settings import load_settings
from readerapp.ui.app import ReaderApp
from readerapp.ui.help_screen import HelpScreen


def write(settings: Path, text: str) -> None:
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text, encoding="utf-8")


async def test_theme_and_remapped_keys_come_from_the_settings(
    isolated_settings, sample_path, isolated_db
):
    write(isolated_settings, 'theme = "nord"\n[keys]\n"article.highlight" = "x"\n')
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await reader_ready(pilot)
        assert app.theme == "nord"
        await pilot.press("s", "x")
        assert reader.status.text.startswith("Highlighted")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True)
        console.print(app.screen.query_one("#help-keys").content)
        keys = console.export_text()
        assert "x " in keys and "Highlight the selection" in keys


async def test_a_theme_chosen_in_the_app_is_remembered(isolated_settings, sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        app.theme = "gruvbox"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert load_settings().theme == "gruvbox"
    again = ReaderApp(load_article(sample_path))
    async with again.run_test(size=(120, 40)) as pilot:
        assert again.theme == "gruvbox"


async def test_a_bad_settings_file_is_said_and_the_app_opens(isolated_settings, sample_path):
    write(isolated_settings, 'theme = "no-such-theme"\nfonts = 3\n')
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "fonts" in messages
