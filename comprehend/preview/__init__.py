"""Educator preview of a bank on the real kiosk screens, with live reload (nothing is stored)."""
