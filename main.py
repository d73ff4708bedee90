"""Entry point: `python main.py [kiosk|check|export] ...` hands its arguments to comprehend.cli."""

import sys

from comprehend.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
