"""The report's PDF: the HTML report printed by headless Chromium (its print stylesheet applies)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..fouten import ImpactkitFout

CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def vind_chromium() -> str | None:
    """The path of a Chromium-like browser for PDFs, or None."""
    eigen = os.environ.get("IMPACTKIT_CHROMIUM")
    if eigen:
        return eigen if Path(eigen).exists() else None
    for naam in CHROMIUM:
        pad = shutil.which(naam)
        if pad:
            return pad
    return None


GEEN_CHROMIUM = (
    "Voor een PDF is de browser Chromium nodig, en die is niet gevonden. Installeer hem "
    "(Debian/Ubuntu: 'sudo apt-get install chromium') of wijs hem aan met de omgevingsvariabele "
    "IMPACTKIT_CHROMIUM. De HTML-rapporten zijn wel gemaakt; open die in een browser en kies "
    "Afdrukken > Opslaan als PDF."
)


def naar_pdf(rapport: str | Path, pdf: str | Path | None = None, tijdslimiet: int = 120) -> Path:
    """Print a report to PDF with headless Chromium (the report's print stylesheet applies)."""
    browser = vind_chromium()
    if browser is None:
        raise ImpactkitFout(GEEN_CHROMIUM)
    rapport = Path(rapport).resolve()
    pdf = Path(pdf) if pdf else rapport.with_suffix(".pdf")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="impactkit-chromium-") as profiel:
        opdracht = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            f"--user-data-dir={profiel}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf.resolve()}",
            rapport.as_uri(),
        ]
        uitkomst = subprocess.run(opdracht, capture_output=True, text=True, timeout=tijdslimiet)
    if uitkomst.returncode != 0 or not pdf.exists():
        raise ImpactkitFout(
            f"Chromium kon geen PDF maken van {rapport.name}: "
            f"{(uitkomst.stderr or '').strip().splitlines()[-1:] or 'onbekende fout'}"
        )
    return pdf
