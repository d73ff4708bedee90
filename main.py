"""Entry point: `python main.py [COMMAND] ...` hands its arguments to comprehend.cli.

A Python that cannot run comprehend (too old, or without the packages the README's set-up installs
into .venv) gets one sentence naming the command to type instead, never a traceback.
"""

import sys

from comprehend.setup_check import setup_problem

if __name__ == "__main__":
    problem = setup_problem(sys.argv[1:])
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
    from comprehend.cli import main

    sys.exit(main(sys.argv[1:]))
