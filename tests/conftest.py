import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import impactkit as ik
from impactkit.paden import PROJECT_MAP


@pytest.fixture(scope="session")
def oefendata() -> pd.DataFrame:
    return ik.laad("oefendata")


@pytest.fixture
def csv_bestand(tmp_path):
    """Write a CSV text to a temporary file and return its path."""

    def schrijf(tekst: str, naam: str = "eigen.csv"):
        pad = tmp_path / naam
        pad.write_text(tekst, encoding="utf-8")
        return pad

    return schrijf


# --- Browser tests (tests/browser.py) and the built book -------------------------------------


def pytest_collection_modifyitems(config, items):
    """Tests of the built book are slow; 'browser' tests are skipped where Chromium is missing.

    Every test that uses the ``boek`` fixture (a full book build, about two minutes) is marked
    ``traag``, so ``make test-snel`` (``-m "not traag and not browser"``) leaves it out.
    """
    from browser import REDEN_GEEN_BROWSER, chromium_beschikbaar

    for item in items:
        if "boek" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.traag)
    if chromium_beschikbaar():
        return
    overslaan = pytest.mark.skip(reason=REDEN_GEEN_BROWSER)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(overslaan)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (stopped at exit)."""
    from browser import gedeelde_browser

    return gedeelde_browser()


@pytest.fixture(scope="session")
def boek(tmp_path_factory):
    """The handbook, built once per session with warnings as errors: (html folder, process)."""
    uit = tmp_path_factory.mktemp("boek")
    proces = subprocess.run(
        [
            str(Path(sys.executable).with_name("jupyter-book")),
            "build",
            str(PROJECT_MAP),
            "--path-output",
            str(uit),
            "--warningiserror",
            "--keep-going",
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    return uit / "_build" / "html", proces
