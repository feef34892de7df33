"""One checked reader for every text file a user gives: own CSV, StatLine CSV, norms, local indicators."""

from __future__ import annotations

import pytest

import impactkit as ik
from impactkit.bronnen.lokaal import lees_lokale_indicatoren
from impactkit.bronnen.normen import lees_normen
from impactkit.fouten import DataFout

EXCEL = b"PK\x03\x04" + b"\x00" * 200  # an .xlsx is a zip file
PDF = b"%PDF-1.7\n" + b"\x00" * 200
LEZERS = [ik.lees_csv, ik.lees_statline_csv, lees_normen, lees_lokale_indicatoren]


def melding(lezer, pad) -> str:
    with pytest.raises(DataFout) as fout:
        lezer(pad)
    return str(fout.value)


@pytest.mark.parametrize("inhoud", [EXCEL, PDF], ids=["excel", "pdf"])
def test_statline_csv_die_geen_tekst_is_krijgt_dezelfde_melding_als_een_eigen_csv(tmp_path, inhoud):
    pad = tmp_path / "84852NED.csv"
    pad.write_bytes(inhoud)
    eigen = melding(ik.lees_csv, pad)
    assert melding(ik.lees_statline_csv, pad) == eigen
    assert ("Excel-werkmap" if inhoud is EXCEL else "is een PDF") in eigen


@pytest.mark.parametrize("lezer", LEZERS, ids=lambda f: f.__name__)
def test_elke_lezer_weigert_een_excel_werkmap(tmp_path, lezer):
    pad = tmp_path / "bestand.csv"
    pad.write_bytes(EXCEL)
    assert "Excel-werkmap" in melding(lezer, pad)
