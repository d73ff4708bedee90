"""Staff: accounts with hashed PINs (never Textual)."""

from comprehend.staff.accounts import SignIn, StaffAccounts, StaffError, valid_pin

__all__ = ["SignIn", "StaffAccounts", "StaffError", "valid_pin"]
