"""Allows `python -m comprehend`."""

from comprehend.cli import main

raise SystemExit(main())
