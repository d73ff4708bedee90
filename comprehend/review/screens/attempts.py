"""The attempts list: 'to review' first, filters, search by patient id, sortable columns, counts in the header."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Select, Static

from comprehend.overview import (
    INCOMPLETE,
    NEEDS_DISCUSSION,
    READY,
    AttemptFilter,
    AttemptRow,
    counts,
    sort_rows,
    to_review_order,
)
from comprehend.reports.content import OUTCOME_WORDS
from comprehend.review.messages import AttemptOpened
from comprehend.review_data import ReviewData
from comprehend.ui.text import printable

MAX_ROWS_SHOWN = 200
COLUMNS = [("when", "Date and time"), ("patient", "Patient"), ("bank", "Bank"), ("score", "First try"),
           ("outcome", "Outcome"), ("reviewed", "Reviewed")]
OUTCOME_OPTIONS = [("Any outcome", ""), ("Needs discussion", NEEDS_DISCUSSION), ("Ready", READY), ("Incomplete", INCOMPLETE),
                   ("Continued later", "continued")]
REVIEWED_OPTIONS = [("To review", "no"), ("Reviewed", "yes"), ("Reviewed or not", "any")]


def _date_or_blank(text: str) -> str | None:
    """A valid YYYY-MM-DD, '' for blank, None when it is not a date."""
    text = text.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def row_cells(row: AttemptRow) -> tuple[str, ...]:
    """The table cells of one attempt (plain text; an older bank version is marked)."""
    bank = f"{row.bank_title} v{row.bank_version}" + ("" if row.language == "en" else f" · {row.language}")
    bank += " (older)" if row.older_version else ""
    outcome = "Asked for nurse" if row.asked_for_nurse else OUTCOME_WORDS.get(row.outcome, row.outcome)
    return (row.when, row.patient_id, bank, row.score_text, outcome, "yes" if row.reviewed else "no")


class AttemptsScreen(Screen):
    """Every stored attempt, narrowed by filters; Enter (or Open) shows one."""

    BINDINGS = [
        Binding("f2", "next_sort", "Sort by next column"),
        Binding("f3", "reverse_sort", "Reverse order"),
        Binding("f5", "reload", "Reload"),
        Binding("f4", "app.show_stats", "Statistics"),
        Binding("ctrl+f", "focus_search", "Search"),
    ]

    def __init__(self, data: ReviewData, staff_name: str) -> None:
        super().__init__()
        self.data = data
        self.staff_name = staff_name
        self.sort_column: str | None = None  # None: the 'to review' order
        self.descending = False
        self.shown: list[AttemptRow] = []
        self._drawn: tuple | None = None  # what the table shows now: (filter, order, rows), to skip redrawing it

    def compose(self) -> ComposeResult:
        yield Static("", id="counts", classes="bar")
        with Horizontal(classes="filters"):
            yield Select(OUTCOME_OPTIONS, value="", allow_blank=False, id="outcome", compact=True)
            yield Select(REVIEWED_OPTIONS, value="no", allow_blank=False, id="reviewed", compact=True)
            titles: dict[str, str] = {}
            for bank in self.data.banks.values():
                titles.setdefault(bank.id, bank.title)
            yield Select([("Any bank", ""), *((title, bank_id) for bank_id, title in titles.items())],
                         value="", allow_blank=False, id="bank", compact=True)
            languages = sorted({bank.language for bank in self.data.banks.values()})
            if len(languages) > 1:
                yield Select([("Any language", ""), *((language, language) for language in languages)],
                             value="", allow_blank=False, id="language", compact=True)
        with Horizontal(classes="filters"):
            yield Input(placeholder="From (YYYY-MM-DD)", id="since", max_length=10, compact=True)
            yield Input(placeholder="To (YYYY-MM-DD)", id="until", max_length=10, compact=True)
            yield Input(placeholder="Search patient ID", id="search", max_length=32, compact=True)
            yield Button("Open", id="open", compact=True)
        yield Static("", id="filter-note")
        table = DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one(DataTable).focus()

    # --- filtering and sorting -----------------------------------------------------------
    def current_filter(self) -> AttemptFilter:
        """The filter as the widgets now say (invalid dates are ignored and pointed out)."""
        since = _date_or_blank(self.query_one("#since", Input).value)
        until = _date_or_blank(self.query_one("#until", Input).value)
        note = "" if since is not None and until is not None else "Dates look like 2026-11-02; that date is not used yet. "
        problems = self.data.problems  # said here: a redraw skipped because nothing changed must not drop it
        if problems:
            note += f"{len(problems)} results file(s) could not be read and were skipped, e.g. {problems[0].path.name}. See the README."
        self.query_one("#filter-note", Static).update(note.strip())
        reviewed = {"no": False, "yes": True}.get(str(self.query_one("#reviewed", Select).value))
        return AttemptFilter(
            outcome=str(self.query_one("#outcome", Select).value or ""),
            reviewed=reviewed,
            since=since or "",
            until=until or "",
            bank_id=str(self.query_one("#bank", Select).value or ""),
            search=self.query_one("#search", Input).value,
            language=str(self.query_one("#language", Select).value or "") if self.query("#language") else "",  # shown with 2+ languages
        )

    def refresh_rows(self, force: bool = True) -> None:
        """Apply the filter and order, and redraw the table and the counts (unless nothing changed)."""
        wanted = self.current_filter()
        drawn = (wanted, self.sort_column, self.descending, id(self.data.rows), len(self.data.rows))
        if not force and drawn == self._drawn:
            return
        self._drawn = drawn
        kept = wanted.apply(self.data.rows)
        if self.sort_column is None:
            kept = to_review_order(kept)
            if self.descending:
                kept.reverse()
        else:
            kept = sort_rows(kept, self.sort_column, self.descending)
        self.shown = kept
        table = self.query_one(DataTable)
        table.clear()
        for row in kept[:MAX_ROWS_SHOWN]:
            table.add_row(*(Text(printable(cell)) for cell in row_cells(row)), key=row.attempt_id)  # never markup
        figures = counts(self.data.rows, kept)
        more = f" (first {MAX_ROWS_SHOWN} listed: narrow with the filters)" if len(kept) > MAX_ROWS_SHOWN else ""
        order = "to review first" if self.sort_column is None else f"by {dict(COLUMNS)[self.sort_column].lower()}"
        self.query_one("#counts", Static).update(
            f"{figures.shown} shown of {figures.total} attempts{more} · {figures.to_review} to review · "
            f"{figures.needs_discussion} need discussion · sorted {order}{' (reversed)' if self.descending else ''} · "
            f"signed in as {self.staff_name}"
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_rows(force=False)  # the first Changed of each Select, at start, changes nothing

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_rows(force=False)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Click a column header to sort by it; click it again to reverse."""
        column = str(event.column_key.value)
        self.descending = not self.descending if column == self.sort_column else False
        self.sort_column = column
        self.refresh_rows()

    def action_next_sort(self) -> None:
        """F2: sort by the next column (after the last, back to 'to review first')."""
        keys = [key for key, _ in COLUMNS]
        position = -1 if self.sort_column is None else keys.index(self.sort_column)
        self.sort_column = keys[position + 1] if position + 1 < len(keys) else None
        self.descending = False
        self.refresh_rows()

    def action_reverse_sort(self) -> None:
        """F3: reverse the order."""
        self.descending = not self.descending
        self.refresh_rows()

    def action_reload(self) -> None:
        """F5: read the results folder again (new attempts from the kiosks)."""
        self.data.load()
        self.refresh_rows()

    def action_focus_search(self) -> None:
        """ctrl+f: type a patient id."""
        self.query_one("#search", Input).focus()

    # --- opening ----------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(AttemptOpened(str(event.row_key.value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a filter field moves to the list."""
        event.stop()
        self.query_one(DataTable).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        table = self.query_one(DataTable)
        if event.button.id == "open" and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.post_message(AttemptOpened(str(key.value)))
