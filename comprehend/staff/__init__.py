"""Staff: accounts with hashed PINs, the PIN rules and the per-device count of wrong PINs (never Textual)."""

from comprehend.staff.accounts import LastAccountError, SignIn, StaffAccounts, StaffError
from comprehend.staff.pin_policy import new_pin_problem, valid_pin

__all__ = ["LastAccountError", "SignIn", "StaffAccounts", "StaffError", "new_pin_problem", "valid_pin"]
