"""Command line: `kiosk` (the default), `check`, `export`, `staff`, `review`, `report`, `audit`; the one place that wires things."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from datetime import date
from pathlib import Path

DEFAULT_IDLE_SECONDS = 180
SUBCOMMANDS = ("kiosk", "check", "export", "staff", "review", "report", "audit", "demo", "schema", "stats", "preview", "fhir", "serve")
REPORT_FORMATS = ("pdf", "html", "md", "csv", "handout")


def _iso_date(text: str) -> str:
    """An argparse type: a date like 2026-11-01 (bad usage, exit 2, otherwise)."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"wants a date like 2026-11-01, not {text!r}") from None


def _common_options(*shown: str) -> argparse.ArgumentParser:
    """The options shared by commands; those not in `shown` are still accepted (as before) but left out of --help."""

    def help_if_shown(name: str, text: str) -> str:
        return text if name in shown else argparse.SUPPRESS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--questions",
        metavar="DIR",
        type=Path,
        default=Path(os.environ.get("COMPREHEND_QUESTIONS", "questions")),
        help=help_if_shown("questions", "folder of question banks (env COMPREHEND_QUESTIONS; default: questions/)"),
    )
    common.add_argument(
        "--results",
        metavar="DIR",
        type=Path,
        default=Path(os.environ.get("COMPREHEND_RESULTS", "results")),
        help=help_if_shown("results", "folder where attempts are stored (env COMPREHEND_RESULTS; default: results/)"),
    )
    common.add_argument(
        "--bank",
        metavar="ID|FILE",
        default=os.environ.get("COMPREHEND_BANK"),
        help=help_if_shown("bank", "which bank: an id from the questions folder or a YAML file (env COMPREHEND_BANK); "
                           "with several banks and none chosen, the patient picks one by title"),
    )
    common.add_argument(
        "--kiosk-id",
        metavar="NAME",
        default=os.environ.get("COMPREHEND_KIOSK_ID") or socket.gethostname(),
        help=help_if_shown("kiosk-id", "name of this kiosk, stored with each attempt (env COMPREHEND_KIOSK_ID; "
                           "default: the host name)"),
    )
    return common


# The shared options each command uses, and so shows in its --help.
OWN_OPTIONS = {
    "kiosk": ("questions", "results", "bank", "kiosk-id"),
    "check": ("questions",),
    "export": ("results",),
    "staff": ("results",),
    "review": ("questions", "results"),
    "report": ("questions", "results"),
    "audit": ("results",),
    "demo": ("questions", "results", "bank", "kiosk-id"),
    "schema": ("questions",),
    "stats": ("questions", "results", "bank"),
    "preview": ("questions",),
    "fhir": ("questions", "results", "bank"),
    "serve": ("questions", "results", "bank", "kiosk-id"),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand, described in plain words."""
    parser = argparse.ArgumentParser(
        prog="comprehend",
        description="A kiosk that checks a patient understood a procedure before they sign consent.",
        epilog="With no command, the kiosk starts.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[_common_options(*OWN_OPTIONS[name])], **kwargs)

    kiosk = command("kiosk", help="start the patient kiosk (the default)")
    kiosk.add_argument(
        "--idle",
        metavar="SECONDS",
        type=float,
        default=float(os.environ.get("COMPREHEND_IDLE", DEFAULT_IDLE_SECONDS)),
        help=f"ask 'Are you still there?' after this many seconds without input (default {DEFAULT_IDLE_SECONDS})",
    )
    kiosk.add_argument(
        "--theme",
        choices=("default", "high-contrast"),
        default=os.environ.get("COMPREHEND_THEME", "default"),
        help="the look patients start with (env COMPREHEND_THEME); C on the welcome screen switches for one attempt",
    )
    kiosk.add_argument(
        "--no-read-aloud",
        action="store_true",
        help="no Read aloud button or R key (what serve runs: espeak-ng would play on the server, not the tablet)",
    )
    kiosk.add_argument(
        "--unlocked",
        action="store_true",
        help="for development and preview only: keep the normal quit keys even when staff accounts exist",
    )
    check = command("check", help="check question banks and list every problem")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="bank files or folders (default: the questions folder)")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json, for editors and CI")
    check.add_argument("--source", metavar="FILE", type=Path, help="the source material: warn about runs of 8 or more words copied from it")
    export = command("export", help="write every stored attempt to standard output")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="jsonl (default) or csv")
    staff = command("staff", help="add, list or remove staff accounts, or reset a PIN")
    staff.add_argument("action", choices=("add", "list", "remove", "reset-pin"), help="what to do")
    staff.add_argument("name", nargs="?", help="the staff member's name (for add, remove, reset-pin)")
    review = command("review", help="open the nurse review screen (name and PIN)")
    review.add_argument("--idle", metavar="SECONDS", type=float, default=300.0, help="lock again after this many seconds without input (default 300)")
    review.add_argument("--clinic", default=os.environ.get("COMPREHEND_CLINIC", "Clinic"), help="clinic name on reports (env COMPREHEND_CLINIC)")
    review.add_argument("--clinic-phone", default=os.environ.get("COMPREHEND_CLINIC_PHONE", ""), help="the clinic's phone number on the take-home sheet (env COMPREHEND_CLINIC_PHONE)")
    report = command("report", help="write a report of an attempt for the chart, or a handout")
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--attempt", metavar="ID", help="the attempt id (its first characters are enough)")
    which.add_argument("--patient", metavar="ID", help="a patient id: the newest completed attempt, else the newest (every attempt with csv)")
    report.add_argument("--format", choices=REPORT_FORMATS, default="pdf", help="pdf (default), html, md, csv, or handout (large print for the patient)")
    report.add_argument("--out", metavar="FILE", type=Path,
                        help="where to write it (default: the reports folder inside the results folder; - for standard output)")
    report.add_argument("--clinic", default=os.environ.get("COMPREHEND_CLINIC", "Clinic"), help="clinic name in the report header (env COMPREHEND_CLINIC)")
    report.add_argument("--clinic-phone", default=os.environ.get("COMPREHEND_CLINIC_PHONE", ""), help="the clinic's phone number on the handout (env COMPREHEND_CLINIC_PHONE)")
    audit = command("audit", help="list who opened, signed off or exported which attempt (and whose it is)")
    audit.add_argument("--since", metavar="DATE", type=_iso_date, help="only entries on or after this date (YYYY-MM-DD)")
    demo = command("demo", help="fill a results folder with made-up attempts (patients DEMO-...) to try review and stats")
    demo.add_argument("--attempts", type=int, default=200, metavar="N", help="how many attempts (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="the same seed gives the same attempts")
    schema = command("schema", help="write the JSON Schema of the bank format for editors")
    schema.add_argument("--out", metavar="FILE", help="where to write it (default: bank.schema.json in the questions folder; - for the screen)")
    stats = command("stats", help="item statistics: which questions confuse patients")
    stats.add_argument("stats_bank", nargs="?", metavar="BANK", help="a bank id or file (default: every bank in the questions folder)")
    stats.add_argument("--since", metavar="DATE", type=_iso_date, help="only attempts started on or after this date (YYYY-MM-DD)")
    stats.add_argument("--language", metavar="CODE", help="only banks in this language (en, es ...)")
    stats.add_argument("--all-versions", action="store_true", help="count attempts on earlier versions of the bank too")
    stats.add_argument("--format", choices=("text", "csv", "json"), default="text", help="text (default), csv or json")
    preview = command("preview", help="walk through a bank on the kiosk screens; reloads when you save it")
    preview.add_argument("preview_bank", metavar="BANK", help="a bank file, or a bank id from the questions folder")
    fhir = command("fhir", help="export a bank as a FHIR Questionnaire, or attempts as QuestionnaireResponses")
    fhir.add_argument("what", choices=("questionnaire", "responses"), help="questionnaire BANK, or responses")
    fhir.add_argument("fhir_bank", nargs="?", metavar="BANK", help="for questionnaire: a bank id or file")
    fhir.add_argument("--fhir-version", choices=("R4B", "R5"), default="R5", help="FHIR version (default R5)")
    fhir.add_argument("--version", dest="bank_version", metavar="N", type=int,
                      help="for questionnaire: that version of the bank, as kept with the attempts taken on it")
    fhir.add_argument("--hash", dest="bank_hash", metavar="H",
                      help="for questionnaire: the bank version with this content hash (its first characters are enough)")
    fhir.add_argument("--patient", metavar="ID", help="responses of one patient only")
    fhir.add_argument("--since", metavar="DATE", type=_iso_date, help="responses started on or after this date")
    fhir.add_argument("--out", metavar="FILE", type=Path, help="write to this file (owner-only) instead of the screen (- for the screen)")
    serve = command("serve", help="serve the kiosk to a browser (each tab its own kiosk)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--max-kiosks", type=int, default=8, metavar="N", help="at most N tabs at once (default 8)")
    serve.add_argument("--certfile", type=Path, metavar="CERT", help="TLS certificate (PEM); needed beyond 127.0.0.1")
    serve.add_argument("--keyfile", type=Path, metavar="KEY", help="the certificate's private key (PEM)")
    serve.add_argument("--token-file", type=Path, metavar="FILE",
                       help="access token for the tablet's URL (default beyond 127.0.0.1: a new one printed at start)")
    return parser


def _banks_or_say_why(questions: Path, spec: str | None):
    """The banks a command works on (as the kiosk chooses them), or None after saying on stderr what is wrong."""
    from comprehend.bank.discovery import kiosk_banks
    from comprehend.bank.problems import BankError

    try:
        return kiosk_banks(questions, spec)
    except BankError as error:
        print(f"comprehend: {error.problems[0]}", file=sys.stderr)
        return None


def _kiosk(args: argparse.Namespace) -> int:
    from comprehend.kiosk.launch import launch_kiosk  # Textual is imported only for the kiosk

    return launch_kiosk(
        questions=args.questions,
        results=args.results,
        bank_spec=args.bank,
        kiosk_id=args.kiosk_id,
        idle_seconds=args.idle,
        unlocked=args.unlocked,
        theme_name=args.theme,
        read_aloud=not args.no_read_aloud,
    )


def _check(args: argparse.Namespace) -> int:
    from comprehend.check import run_check

    return run_check(args.paths or [args.questions], sys.stdout, strict=args.strict, fmt=args.format, source=args.source)


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


def _staff(args: argparse.Namespace) -> int:
    from comprehend.staff.commands import run_staff
    from comprehend.staff.hint import staff_add_command

    if args.action != "list" and not args.name:
        example = staff_add_command(args.results, '"Ann Lee"', args.action)
        print(f"comprehend: 'staff {args.action}' needs a NAME, e.g. {example}", file=sys.stderr)
        return 2
    return run_staff(args.action, args.name, args.results, sys.stdout, sys.stderr)


def _review(args: argparse.Namespace) -> int:
    from comprehend.review.launch import launch_review  # Textual is imported only for screens

    return launch_review(questions=args.questions, results=args.results, idle_seconds=args.idle, clinic=args.clinic,
                         clinic_phone=args.clinic_phone)


def _report(args: argparse.Namespace) -> int:
    from comprehend.reports.command import run_report
    from comprehend.review_data import ReviewData

    if not args.results.is_dir():
        print(f"comprehend: there is no results folder at {args.results}", file=sys.stderr)
        return 1
    if str(args.out) != "-" and _out_refused(args.out):
        return 2
    data = ReviewData(args.results, args.questions)
    return run_report(data, args.attempt, args.patient, args.format, args.out, args.clinic, sys.stdout, sys.stderr,
                      phone=args.clinic_phone)


def _audit(args: argparse.Namespace) -> int:
    """Audit entries, one a line: time, who, action, attempt id, the attempt's patient id, detail (tab-separated)."""
    from comprehend.store import ResultsStore
    from comprehend.store.audit import AuditLog
    from comprehend.store.summaries import FIELD

    log = AuditLog(args.results)
    entries = list(log.entries(args.since or ""))
    store = ResultsStore(args.results, args.kiosk_id)
    patients: dict[str, str] = {}
    if any(entry.get("attempt_id") for entry in entries):  # staff-only: the patient each attempt belongs to
        patients = {str(row[FIELD["attempt_id"]]): str(row[FIELD["patient_id"]] or "") for row in store.summary_values()}
    for entry in entries:
        fields = [str(entry.get(key, "")) for key in ("at", "who", "action", "attempt_id")]
        print("\t".join([*fields, patients.get(fields[3], ""), str(entry.get("detail", ""))]))
    for damaged in [*log.problems, *store.problems]:
        print(f"comprehend: skipped {damaged.path}: {damaged.reason}. It was left untouched.", file=sys.stderr)
    print(f"comprehend: {len(entries)} audit entr{'ies' if len(entries) != 1 else 'y'}", file=sys.stderr)
    return 1 if log.problems or store.problems else 0


def _demo(args: argparse.Namespace) -> int:
    from comprehend.demo import DEMO_PREFIX, synthetic_attempts
    from comprehend.staff.hint import RUN
    from comprehend.store import ResultsStore

    if not 1 <= args.attempts <= 1_000_000:
        print("comprehend: --attempts wants a number from 1 to 1,000,000", file=sys.stderr)
        return 2
    banks = _banks_or_say_why(args.questions, args.bank)
    if banks is None:
        return 1
    store = ResultsStore(args.results, args.kiosk_id)
    if any(not str(record.get("patient_id", "")).startswith(DEMO_PREFIX) for record in store.attempts()):
        print(f"comprehend: {args.results} holds real attempts; demo data goes only into a folder of its own, "
              "e.g. --results demo-results", file=sys.stderr)
        return 1
    records = []
    for index, bank in enumerate(banks):
        share = args.attempts // len(banks) + (1 if index < args.attempts % len(banks) else 0)
        records += synthetic_attempts(bank, share, seed=args.seed + index)
    count = store.finish_many(records)
    print(f"Stored {count} made-up attempts in {args.results}. Try: {RUN} review --results {args.results}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from comprehend.bank.json_schema import SCHEMA_FILE, bank_schema_text

    if args.out == "-":
        sys.stdout.write(bank_schema_text())
        return 0
    path = Path(args.out) if args.out else args.questions / SCHEMA_FILE
    path.write_text(bank_schema_text(), encoding="utf-8")
    print(f"Wrote the bank schema to {path}. Start each bank with: # yaml-language-server: $schema={SCHEMA_FILE}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from comprehend.reports.item_stats import bank_stats, counted_attempts
    from comprehend.reports.stats_output import render_csv, render_json, render_text
    from comprehend.store import ResultsStore

    banks = _banks_or_say_why(args.questions, args.stats_bank or args.bank)
    if banks is None:
        return 1
    if args.language:
        banks = [bank for bank in banks if bank.language == args.language]
        if not banks:
            print(f"comprehend: no bank in the language '{args.language}'", file=sys.stderr)
            return 1
    store = ResultsStore(args.results, args.kiosk_id)
    records = list(store.attempts())
    all_stats = [bank_stats(bank, counted_attempts(records, bank, args.since or "", args.all_versions)) for bank in banks]
    if args.format == "csv":
        sys.stdout.write(render_csv(all_stats))
    elif args.format == "json":
        sys.stdout.write(render_json(all_stats))
    else:
        sys.stdout.write("\n".join(render_text(stats) for stats in all_stats))
    for damaged in store.problems:
        print(f"comprehend: skipped {damaged.path}: {damaged.reason}. It was left untouched.", file=sys.stderr)
    return 1 if store.problems else 0


def _preview(args: argparse.Namespace) -> int:
    from comprehend.bank.discovery import bank_files
    from comprehend.bank.loader import load_bank
    from comprehend.bank.problems import BankError

    path = Path(args.preview_bank)
    if not path.is_file():
        matches = [p for p in bank_files([args.questions]) if p.stem == args.preview_bank]
        if not matches:
            print(f"comprehend: there is no bank file {args.preview_bank} (nor a bank of that name in {args.questions})", file=sys.stderr)
            return 1
        path = matches[0]
    try:
        bank = load_bank(path)
    except BankError as error:
        print("comprehend: the bank has errors; fix them, then preview it:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    from comprehend.preview.app import PreviewApp  # Textual only for screens

    PreviewApp(path, bank).run()
    return 0


def _fhir(args: argparse.Namespace) -> int:
    import json

    from comprehend.bank.discovery import load_banks
    from comprehend.reports import fhir
    from comprehend.store import ResultsStore
    from comprehend.store.bank_shelf import BankShelf
    from comprehend.store.files import write_out_file

    if str(args.out) == "-":  # `--out -`: the screen, as without --out
        args.out = None
    if _out_refused(args.out):
        return 2
    if args.what == "questionnaire":
        if not (args.fhir_bank or args.bank):
            print("comprehend: 'fhir questionnaire' needs a BANK (an id or a file)", file=sys.stderr)
            return 2
        if args.bank_version is not None or args.bank_hash:
            bank = _kept_version(args)
            if bank is None:
                return 1
        else:
            banks = _banks_or_say_why(args.questions, args.fhir_bank or args.bank)
            if banks is None:
                return 1
            bank = banks[0]
        document = fhir.questionnaire(bank, args.fhir_version)
    else:
        shelf = BankShelf(args.results, load_banks(args.questions)[0])
        wanted = (args.patient or "").strip().upper()
        store = ResultsStore(args.results, args.kiosk_id)
        records = [r for r in store.attempts()
                   if (not wanted or r.get("patient_id") == wanted) and str(r.get("started_at", ""))[:10] >= (args.since or "")]
        document = fhir.responses_bundle(records, shelf.for_record)
        print(f"{len(document['entry'])} of {len(records)} stored attempts are in the Bundle.", file=sys.stderr)
        for damaged in [*store.problems, *shelf.problems]:
            print(f"comprehend: skipped {damaged.path}: {damaged.reason}. It was left untouched.", file=sys.stderr)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        write_out_file(args.out, text.encode("utf-8"))  # owner-only: responses hold health information
        print(f"Wrote {document['resourceType']} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if args.what == "responses" and (store.problems or shelf.problems) else 0


def _kept_version(args: argparse.Namespace):
    """The one bank version `fhir questionnaire BANK --version N | --hash H` names, from the snapshots; None after saying why."""
    from comprehend.bank.discovery import load_banks
    from comprehend.store.bank_shelf import BankShelf

    bank_id = args.fhir_bank or args.bank
    found = [bank for bank in BankShelf(args.results, load_banks(args.questions)[0]).all_versions()
             if bank.id == bank_id and (args.bank_version is None or bank.version == args.bank_version)
             and bank.content_hash.startswith((args.bank_hash or "").lower())]
    if len(found) == 1:
        return found[0]
    if not found:
        print(f"comprehend: no kept version of the bank '{bank_id}' matches; the versions kept are those attempts were taken on.",
              file=sys.stderr)
    else:
        print(f"comprehend: {len(found)} kept versions match; give more of --hash:", file=sys.stderr)
        for bank in found:
            print(f"  version {bank.version} ({bank.language}) --hash {bank.content_hash[:12]}", file=sys.stderr)
    return None


def _serve(args: argparse.Namespace) -> int:
    from comprehend.bank.discovery import kiosk_banks
    from comprehend.bank.problems import BankError
    from comprehend.serve import ServeOptions, serve

    try:  # each tab's kiosk has no terminal to say what is wrong with the banks, so say it here first
        kiosk_banks(args.questions, args.bank)
    except BankError as error:
        print("comprehend: serve cannot start, the bank has problems:", *(f"  {p}" for p in error.problems),
              sep="\n", file=sys.stderr)
        return 1
    kiosk_args = ["--questions", str(args.questions.resolve()), "--results", str(args.results.resolve()),
                  "--kiosk-id", args.kiosk_id, "--no-read-aloud"]  # espeak-ng would speak on this machine, not the tablet
    if args.bank:
        kiosk_args += ["--bank", str(Path(args.bank).resolve()) if Path(args.bank).is_file() else args.bank]
    options = ServeOptions(args.host, args.port, args.certfile, args.keyfile, args.token_file, args.max_kiosks)
    return serve(options, kiosk_args, args.results)


def _results_refused(args: argparse.Namespace) -> bool:
    """Check the results folder once for every command that uses it; True after saying why it may not be used."""
    from comprehend.store.results_folder import ResultsFolderError, prepare_results_folder

    if args.command in ("check", "schema", "preview") or (args.command == "fhir" and args.what != "responses"):
        return False
    try:
        prepare_results_folder(args.results)
    except ResultsFolderError as error:
        print(f"comprehend: the results folder cannot be used: {error}. Nothing was read or changed.", file=sys.stderr)
        return True
    return False


def _out_refused(out: Path | None) -> bool:
    """True after saying why the file named with --out cannot be written (no folder is ever made for it)."""
    from comprehend.store.files import out_file_problem

    problem = out and out_file_problem(out)
    if problem:
        print(f"comprehend: --out: {problem}", file=sys.stderr)
    return bool(problem)


def _missing_package(error: Exception, typed: list[str]) -> str:
    """For a package comprehend needs that this Python lacks: the sentence naming what to type instead; else ""."""
    from comprehend.setup_check import DEPENDENCIES, why_and_what_to_type

    name = getattr(error, "name", None) or ""
    if not isinstance(error, ModuleNotFoundError) or name.split(".")[0] not in DEPENDENCIES:
        return ""
    return why_and_what_to_type(f"this Python ({sys.executable}) does not have {name}, which comprehend needs", typed)


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; return the exit code (0 fine, 1 problems found, 2 bad usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    typed = list(argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "kiosk")
    args = build_parser().parse_args(argv)
    handlers = {"kiosk": _kiosk, "check": _check, "export": _export, "staff": _staff, "review": _review, "report": _report, "audit": _audit, "demo": _demo, "schema": _schema, "stats": _stats, "preview": _preview, "fhir": _fhir, "serve": _serve}
    handler = handlers[args.command]
    try:
        if _results_refused(args):
            return 1
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: a plain message, never a traceback
        print(_missing_package(error, typed) or f"comprehend: something went wrong ({error.__class__.__name__}: {error}). "
              "Nothing stored was changed; please report this.", file=sys.stderr)
        return 1
