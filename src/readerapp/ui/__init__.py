"""The Textual user interface: screens and widgets rendering core data."""
