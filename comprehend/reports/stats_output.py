"""Item statistics as text (with bars), CSV or JSON, for `stats` and the review stats screen."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from comprehend.export import safe_cell
from comprehend.reports.item_stats import BankStats

BAR_WIDTH = 20


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of full and empty blocks for a share from 0 to 1."""
    if share is None:
        return "·" * width
    full = round(max(0.0, min(1.0, share)) * width)
    return "█" * full + "░" * (width - full)


def _percent(share: float | None) -> str:
    return "  -" if share is None else f"{round(100 * share):3d}%"


def render_text(stats: BankStats) -> str:
    """A readable summary: the bank's figures, then one block per question, flagged ones marked."""
    lines = [f"{stats.bank_title} ({stats.bank_id}, {stats.language}): {stats.attempts} completed attempts"]
    if not stats.attempts:
        return lines[0] + "\nNo completed attempts yet for this version of the bank (see --all-versions).\n"
    lines.append(f"  mean first-try score {_percent(stats.mean_score)}  {bar(stats.mean_score)}")
    lines.append(f"  ready                {_percent(stats.share_ready)}  {bar(stats.share_ready)}")
    for round_number, share in stats.all_right_after_round.items():
        lines.append(f"  all right by round {round_number} {_percent(share)}  {bar(share)}")
    lines.append("")
    for question in sorted(stats.questions, key=lambda q: (not q.flags, q.facility if q.facility is not None else 2)):
        mark = "!" if question.flags else " "
        disc = "  -" if question.discrimination is None else f"{question.discrimination:+.0f}"
        rounds = "-" if question.mean_rounds is None else f"{question.mean_rounds:.1f}"
        lines.append(f"{mark} {question.question_id}: {question.ask}")
        lines.append(f"    right first try {_percent(question.facility)}  {bar(question.facility)}  asked first {question.asked_first},"
                     f" discrimination {disc}, mean rounds {rounds}")
        for text, count in question.wrong_picks.items():
            lines.append(f"    picked {count:4d}  {text}")
        lines += [f"    ! {flag}" for flag in question.flags]
    return "\n".join(lines) + "\n"


def render_csv(all_stats: list[BankStats]) -> str:
    """One row per question."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["bank_id", "language", "question_id", "fact_id", "asked_first", "facility", "discrimination", "mean_rounds",
                     "wrong_picks", "flags", "bank_attempts", "bank_mean_score", "bank_share_ready"])
    for stats in all_stats:
        for q in stats.questions:
            writer.writerow([safe_cell(v) for v in (
                stats.bank_id, stats.language, q.question_id, q.fact_id, q.asked_first,
                "" if q.facility is None else round(q.facility, 4),
                "" if q.discrimination is None else round(q.discrimination, 2),
                "" if q.mean_rounds is None else round(q.mean_rounds, 3),
                "; ".join(f"{text}: {count}" for text, count in q.wrong_picks.items()),
                "; ".join(q.flags), stats.attempts,
                "" if stats.mean_score is None else round(stats.mean_score, 4),
                "" if stats.share_ready is None else round(stats.share_ready, 4))])
    return out.getvalue()


def render_json(all_stats: list[BankStats]) -> str:
    """Everything, as JSON."""
    return json.dumps([asdict(stats) for stats in all_stats], ensure_ascii=False, indent=2) + "\n"
