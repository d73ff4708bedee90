"""The patient kiosk: a Textual app that takes a patient through one bank."""
