"""comprehend: a clinic kiosk that checks a patient understood a procedure before consent."""

__version__ = "0.1.0"
