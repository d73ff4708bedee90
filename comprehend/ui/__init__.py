"""Textual pieces shared by the kiosk and the review app."""
