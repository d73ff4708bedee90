"""Read-aloud with espeak-ng when it is installed (no Textual): one utterance at a time, never blocking the screen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Protocol

VOICES = {"en": "en-us", "es": "es"}
WORDS_PER_MINUTE = 140  # slower than the default 175, for older listeners


class Speaker(Protocol):
    """Something that reads text aloud."""

    def say(self, text: str) -> None:
        """Start reading `text`, stopping whatever was being read."""

    def use_language(self, language: str) -> None:
        """Read in this language from now on (the patient chose a bank in it)."""


class EspeakSpeaker:
    """Speaks through the espeak-ng program."""

    def __init__(self, language: str = "en", program: str | None = None):
        self.program = program or shutil.which("espeak-ng")
        self.voice = VOICES.get(language, language)
        self._speaking: subprocess.Popen | None = None

    def use_language(self, language: str) -> None:
        """Speak in this language from now on (an espeak-ng voice)."""
        self.voice = VOICES.get(language, language)

    @property
    def available(self) -> bool:
        """True when espeak-ng is installed."""
        return self.program is not None

    def _command(self, text: str, *options: str) -> list[str]:
        assert self.program is not None
        return [self.program, "-v", self.voice, "-s", str(WORDS_PER_MINUTE), *options, "--", text]

    def say(self, text: str) -> None:
        """Start reading `text` in the background (the previous reading stops)."""
        self.stop()
        self._speaking = subprocess.Popen(self._command(text), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        """Stop reading."""
        if self._speaking is not None:
            if self._speaking.poll() is None:
                self._speaking.kill()
            self._speaking.wait(timeout=5)  # reaped, so no finished reading lingers as a zombie
        self._speaking = None

    def to_file(self, text: str, path: Path) -> None:
        """Read `text` into a WAV file (for checking that speech really comes out)."""
        subprocess.run(self._command(text, "-w", str(path)), check=True, capture_output=True, timeout=60)


def available_speaker(language: str = "en") -> EspeakSpeaker | None:
    """A speaker when espeak-ng is installed, else None (the kiosk then hides Read aloud)."""
    speaker = EspeakSpeaker(language)
    return speaker if speaker.available else None
