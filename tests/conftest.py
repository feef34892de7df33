import pandas as pd
import pytest

import impactkit as ik


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
