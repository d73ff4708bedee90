"""The nurse review app (Textual): sign in, the attempts list, an attempt's detail, sign-off and reports."""
