"""PySide6 windows, widgets and models. The only package allowed to import Qt."""
