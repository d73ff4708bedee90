"""Command line: `kiosk` (the default), `check` and `export`; the one place that wires things together."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

DEFAULT_IDLE_SECONDS = 180
SUBCOMMANDS = ("kiosk", "check", "export")


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--questions",
        metavar="DIR",
        type=Path,
        default=Path(os.environ.get("COMPREHEND_QUESTIONS", "questions")),
        help="folder of question banks (env COMPREHEND_QUESTIONS; default: questions/)",
    )
    common.add_argument(
        "--results",
        metavar="DIR",
        type=Path,
        default=Path(os.environ.get("COMPREHEND_RESULTS", "results")),
        help="folder where attempts are stored (env COMPREHEND_RESULTS; default: results/)",
    )
    common.add_argument(
        "--bank",
        metavar="ID|FILE",
        default=os.environ.get("COMPREHEND_BANK"),
        help="which bank: an id from the questions folder or a YAML file (env COMPREHEND_BANK); "
        "with several banks and none chosen, the patient picks one by title",
    )
    common.add_argument(
        "--kiosk-id",
        metavar="NAME",
        default=os.environ.get("COMPREHEND_KIOSK_ID") or socket.gethostname(),
        help="name of this kiosk, stored with each attempt (env COMPREHEND_KIOSK_ID; default: the host name)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand, described in plain words."""
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="comprehend",
        description="A kiosk that checks a patient understood a procedure before they sign consent.",
        epilog="With no command, the kiosk starts.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    kiosk = commands.add_parser("kiosk", parents=[common], help="start the patient kiosk (the default)")
    kiosk.add_argument(
        "--idle",
        metavar="SECONDS",
        type=float,
        default=float(os.environ.get("COMPREHEND_IDLE", DEFAULT_IDLE_SECONDS)),
        help=f"ask 'Are you still there?' after this many seconds without input (default {DEFAULT_IDLE_SECONDS})",
    )
    check = commands.add_parser("check", parents=[common], help="check question banks and list every problem")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="bank files or folders (default: the questions folder)")
    export = commands.add_parser("export", parents=[common], help="write every stored attempt to standard output")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="jsonl (default) or csv")
    return parser


def _kiosk(args: argparse.Namespace) -> int:
    from comprehend.kiosk.launch import launch_kiosk  # Textual is imported only for the kiosk

    return launch_kiosk(
        questions=args.questions,
        results=args.results,
        bank_spec=args.bank,
        kiosk_id=args.kiosk_id,
        idle_seconds=args.idle,
    )


def _check(args: argparse.Namespace) -> int:
    from comprehend.check import run_check

    return run_check(args.paths or [args.questions], sys.stdout)


def _export(args: argparse.Namespace) -> int:
    from comprehend.export import export_csv, export_jsonl
    from comprehend.store import ResultsStore

    if not args.results.is_dir():
        print(f"comprehend: there is no results folder at {args.results}", file=sys.stderr)
        return 1
    store = ResultsStore(args.results, args.kiosk_id)
    writer = export_csv if args.format == "csv" else export_jsonl
    count = writer(store.attempts(), sys.stdout)
    for damaged in store.problems:
        print(f"comprehend: skipped {damaged.path}: {damaged.reason}. It was left untouched; "
              "ask your IT contact to restore it from a backup.", file=sys.stderr)
    print(f"comprehend: exported {count} attempt{'s' if count != 1 else ''} from {args.results}", file=sys.stderr)
    return 1 if store.problems else 0


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; return the exit code (0 fine, 1 problems found, 2 bad usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "kiosk")
    args = build_parser().parse_args(argv)
    handler = {"kiosk": _kiosk, "check": _check, "export": _export}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: a plain message, never a traceback
        print(f"comprehend: something went wrong ({error.__class__.__name__}: {error}). "
              "Nothing stored was changed; please report this.", file=sys.stderr)
        return 1
