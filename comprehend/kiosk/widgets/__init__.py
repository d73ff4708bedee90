"""Widgets used by several kiosk screens."""
