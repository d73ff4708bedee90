"""The kiosk's screens, one module each, in the order a patient meets them."""
