"""Reports of attempts for the chart (PDF, HTML, Markdown, CSV) and a take-home handout (never Textual)."""
